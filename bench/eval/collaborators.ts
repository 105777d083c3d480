// The most collaborators of one author on the PMLR health BibTeX (../shared/corpora/
// pmlr-health-bibtex): litgraph's collaboration network against counting every paper's
// co-authors by exact name, the front matter included.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { buildGraph } from "../../src/graph/build.ts";
import { ingestTexts } from "../../src/ingest/index.ts";
import type { EvalRow } from "./types.ts";

/** Author → number of distinct collaborators, from pairs of author names or nodes. */
function mostCollaborators(pairs: Iterable<[string, string]>): { who: string; count: number } {
  const withWhom = new Map<string, Set<string>>();
  for (const [a, b] of pairs) {
    if (a === b) continue;
    for (const [x, y] of [
      [a, b],
      [b, a],
    ]) {
      const set = withWhom.get(x) ?? new Set<string>();
      withWhom.set(x, set);
      set.add(y);
    }
  }
  let best = { who: "", count: 0 };
  for (const [who, set] of [...withWhom].sort((a, b) => (a[0] < b[0] ? -1 : 1)))
    if (set.size > best.count) best = { who, count: set.size };
  return best;
}

export function evalCollaborators(corporaDir: string): EvalRow[] {
  const dir = join(corporaDir, "pmlr-health-bibtex");
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".bib"))
    .sort();
  const ingest = ingestTexts(
    files.map((f) => ({ file: f, text: readFileSync(join(dir, f), "utf8") })),
    { asOf: new Date("2026-01-01") },
  );
  const built = buildGraph(ingest.papers.map((p) => ({ ...p, entities: [] })));
  const coauthors: [string, string][] = [];
  built.graph.forEachEdge((_e, a, s, t) => {
    if (a.type === "coauthor") coauthors.push([s, t]);
  });
  const ours = mostCollaborators(coauthors);
  const peerPairs: [string, string][] = [];
  for (const p of ingest.papers)
    for (const a of p.authors) for (const b of p.authors) peerPairs.push([a.name, b.name]);
  const peer = mostCollaborators(peerPairs);
  const label = (id: string) => String(built.graph.getNodeAttribute(id, "label") ?? id);
  return [
    {
      section: "collaboration network",
      metric: "most collaborators of one author (target < 30)",
      corpus: `PMLR health BibTeX (${ingest.papers.length} papers)`,
      litgraph: ours.count,
      peer: peer.count,
      peerName: "exact name, every paper",
      note: `litgraph: ${label(ours.who)}; peer: ${peer.who}`,
    },
  ];
}
