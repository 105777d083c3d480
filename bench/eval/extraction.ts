// Extraction precision/recall on the project's own held-out sets (test/fixtures/heldout/, gold
// made by hand; scored under the seed-gold rules by its score.ts). There is no outside peer for
// this: the peer column holds the floor the test suite enforces (test/extract-heldout.test.ts).
import { extractPapers } from "../../src/extract/index.ts";
import { record } from "../../test/fixtures/extract/records.ts";
import gold from "../../test/fixtures/heldout/gold.json" with { type: "json" };
import goldFresh from "../../test/fixtures/heldout/gold-fresh.json" with { type: "json" };
import papers from "../../test/fixtures/heldout/papers.json" with { type: "json" };
import papersFresh from "../../test/fixtures/heldout/papers-fresh.json" with { type: "json" };
import { type GoldPaper, score } from "../../test/fixtures/heldout/score.ts";
import type { EvalRow } from "./types.ts";

const SETS = [
  { name: "heldout (21)", papers, gold: gold.papers, floors: { recall: 0.9, precision: 0.95 } },
  {
    name: "heldout fresh (12)",
    papers: papersFresh,
    gold: goldFresh.papers,
    floors: { recall: 0.8, precision: 0.95 },
  },
];

export function evalExtraction(): EvalRow[] {
  return SETS.flatMap((set) => {
    const out = extractPapers(set.papers.map((p) => record(p.title, p.abstract, p.key)));
    const s = score(set.gold as GoldPaper[], out);
    return (["recall", "precision"] as const).map((metric) => ({
      section: "extraction",
      metric,
      corpus: set.name,
      litgraph: s[metric],
      peer: set.floors[metric],
      peerName: "test floor",
    }));
  });
}
