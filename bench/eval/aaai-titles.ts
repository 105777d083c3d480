// AAAI 2022 with the abstracts of two papers in three removed (chosen by a hash of the title,
// not by content): the situation of a reference list where most items have only a title, as in
// deep-review-csl (213 of 615 with an abstract). litgraph can still use the titles, authors and
// the entities of titles; the peer has the title words alone. Same metrics as aaai.ts.
import { createHash } from "node:crypto";
import { extractPapersParallel } from "../../src/extract/parallel.ts";
import type { PaperRecord } from "../../src/ingest/types.ts";
import { type Aaai, buildAaai, scoreGraphSeeds, scorePeer, titleKey } from "./aaai.ts";
import type { EvalRow } from "./types.ts";

const CORPUS = "aaai2022, 2 of 3 abstracts removed";

/** Whether the paper's abstract is removed: sha256("notitle:" + title key) mod 3 ≠ 0. */
export const abstractRemoved = (title: string): boolean =>
  createHash("sha256")
    .update(`notitle:${titleKey(title)}`)
    .digest()[0] %
    3 !==
  0;

/** The AAAI papers with two abstracts in three removed, extracted again. */
export async function withoutMostAbstracts(data: Aaai): Promise<Aaai> {
  const records: PaperRecord[] = data.papers.map(({ entities: _e, ...r }) =>
    abstractRemoved(r.title) ? { ...r, abstract: "" } : r,
  );
  return { papers: await extractPapersParallel(records, {}), areas: data.areas };
}

/** NMI and P@5 (whole set) beside the peer on the papers without most abstracts. */
export async function evalAaaiTitles(data: Aaai): Promise<EvalRow[]> {
  const stripped = await withoutMostAbstracts(data);
  const lit = scoreGraphSeeds(buildAaai(stripped), stripped.areas);
  const peer = scorePeer(stripped);
  const removed = stripped.papers.filter((p) => p.abstract === "").length;
  return [
    {
      section: "communities",
      metric: "NMI vs areas",
      corpus: CORPUS,
      litgraph: lit.nmi.all,
      peer: peer.nmi.all,
      peerName: "TF-IDF kNN15 + Louvain",
      note: `${removed} of ${stripped.papers.length} without abstract`,
    },
    {
      section: "related",
      metric: "P@5 same area",
      corpus: CORPUS,
      litgraph: lit.p5.all,
      peer: peer.p5.all,
      peerName: "TF-IDF cosine top 5",
      note: `papers with none: ${lit.noRelated} vs ${peer.noRelated}`,
    },
  ];
}
