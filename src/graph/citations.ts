// The hook for citation signals in the relatedness score. litgraph reads no references yet: a
// caller that has them (a reader of reference lists) passes BuildHooks.citations, and each
// paper then holds citation items in the "citations" signal (similarity.ts):
// - `cites:<id>` for each work it cites: two papers citing the same work share it
//   (bibliographic coupling); a paper of the corpus cited by another holds `cites:<its id>` too,
//   so the two share it (direct citation);
// - `citedby:<id>` for each paper of the corpus citing it: two papers cited by the same paper
//   share it (co-citation).
import type { PaperItem } from "./similarity.ts";

/** The works a paper cites, each by a paper id as litgraph makes them ("doi:…", "arxiv:…", …). */
export interface CitationLinks {
  references: readonly string[];
  /** How to name a work outside the set in a reason (e.g. its cited-reference line), by id. */
  labels?: ReadonlyMap<string, string>;
}

/** A paper's citation links by its id, or undefined when none are known. */
export type CitationSource = (paperId: string) => CitationLinks | undefined;

/** The citation items of each paper (in the order of `papers`), sorted by node. */
export function citationItems(
  papers: readonly { id: string; title: string }[],
  source: CitationSource,
): PaperItem[][] {
  const index = new Map(papers.map((p, i) => [p.id, i]));
  const out = papers.map(() => new Map<string, PaperItem>());
  const put = (i: number, node: string, label: string) =>
    out[i].set(node, { node, kind: "citation", label, factor: 1 });
  papers.forEach((p, i) => {
    const links = source(p.id);
    for (const ref of new Set(links?.references ?? [])) {
      if (ref === p.id) continue;
      const cited = index.get(ref);
      const label = cited === undefined ? (links?.labels?.get(ref) ?? ref) : papers[cited].title;
      put(i, `cites:${ref}`, label);
      if (cited === undefined) continue;
      put(cited, `cites:${ref}`, label);
      put(cited, `citedby:${p.id}`, p.title);
    }
  });
  return out.map((m) =>
    [...m.values()].sort((x, y) => (x.node < y.node ? -1 : x.node > y.node ? 1 : 0)),
  );
}
