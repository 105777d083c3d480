// Co-authorship pairs from the papers' authors, which buildGraph adds as "coauthor" edges.
import type { EdgeAttributes } from "./schema.ts";

/** A coauthor edge's attributes: the paper nodes the two authors share, weight their number. */
export type CoauthorAttributes = Extract<EdgeAttributes, { type: "coauthor" }>;

/**
 * The coauthor pairs of papers given as (paper node, author nodes) in paper order, each handed
 * to `add`: every two distinct authors of a paper with at most `maxList` of them, `source` <
 * `target`, sorted by source then target (the order of their edge keys); a pair's papers in the
 * order given, its weight their number.
 */
export function coauthorPairs(
  papers: { node: string; authors: string[] }[],
  maxList: number,
  add: (source: string, target: string, attributes: CoauthorAttributes) => void,
): void {
  const byFirst = new Map<string, Map<string, string[]>>();
  for (const p of papers) {
    const authors = [...new Set(p.authors)].sort();
    if (authors.length > maxList) continue;
    for (let i = 0; i < authors.length; i++) {
      const withA = byFirst.get(authors[i]) ?? new Map<string, string[]>();
      byFirst.set(authors[i], withA);
      for (let j = i + 1; j < authors.length; j++) {
        const list = withA.get(authors[j]);
        if (list) list.push(p.node);
        else withA.set(authors[j], [p.node]);
      }
    }
  }
  for (const source of [...byFirst.keys()].sort()) {
    const withA = byFirst.get(source) as Map<string, string[]>;
    for (const target of [...withA.keys()].sort()) {
      const papers = withA.get(target) as string[];
      add(source, target, { papers, type: "coauthor", weight: papers.length });
    }
  }
}
