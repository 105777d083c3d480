// Extraction precision/recall on the project's own held-out sets (test/fixtures/heldout/, gold
// made by hand; scored under the seed-gold rules by its score.ts). There is no outside peer for
// this: the peer column holds the floor the test suite enforces (test/extract-heldout.test.ts).
// Each set has two rows per metric: the figure now, and the one of its first run (recorded in
// test/fixtures/heldout/sets.ts, since the code moves on). The four field sets are also pooled
// by half: the tune half is what changes were read on, the check half what says they generalise.
import { extractPapers } from "../../src/extract/index.ts";
import { record } from "../../test/fixtures/extract/records.ts";
import { type GoldPaper, score } from "../../test/fixtures/heldout/score.ts";
import { HELDOUT_SETS, half } from "../../test/fixtures/heldout/sets.ts";
import type { EvalRow } from "./types.ts";

const METRICS = ["recall", "precision"] as const;

export function evalExtraction(): EvalRow[] {
  const rows: EvalRow[] = [];
  const halves = { tune: [] as GoldPaper[], check: [] as GoldPaper[] };
  const all = [];
  for (const set of HELDOUT_SETS) {
    const out = extractPapers(set.papers.map((p) => record(p.title, p.abstract, p.key)));
    all.push(...out);
    const s = score(set.gold, out);
    for (const metric of METRICS) {
      const base = { section: "extraction", metric, corpus: set.name, peerName: "test floor" };
      rows.push({ ...base, litgraph: s[metric], peer: set.floors[metric] });
      rows.push({
        ...base,
        metric: `${metric}, first run`,
        litgraph: set.firstRun[metric],
        peer: set.floors[metric],
        note: set.firstRun.when,
      });
    }
    if (set.field) for (const h of ["tune", "check"] as const) halves[h].push(...half(set.gold, h));
  }
  for (const h of ["tune", "check"] as const) {
    const s = score(halves[h], all);
    for (const metric of METRICS)
      rows.push({
        section: "extraction",
        metric,
        corpus: `heldout fields, ${h} half (${halves[h].length})`,
        litgraph: s[metric],
        peer: metric === "precision" ? 0.9 : 0.8,
        peerName: "issue 21 target",
      });
  }
  return rows;
}
