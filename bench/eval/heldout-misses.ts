// Lists what the extractor misses and adds on each held-out set, by half for the field sets:
//   npx tsx bench/eval/heldout-misses.ts [-v] [--half=tune|check] [--check-set]
// Read the tune half while changing the extractor; the check half says whether a change generalises.
// The check-only set's misses are listed only with --check-set (to report them, not to tune on).
import { extractPapers } from "../../src/extract/index.ts";
import { record } from "../../test/fixtures/extract/records.ts";
import { score } from "../../test/fixtures/heldout/score.ts";
import { HELDOUT_SETS, half } from "../../test/fixtures/heldout/sets.ts";

const verbose = process.argv.includes("-v");
const showCheckSet = process.argv.includes("--check-set");
const only = process.argv.find((a) => a.startsWith("--half="))?.slice(7) as
  | "tune"
  | "check"
  | undefined;
const f = (x: number) => x.toFixed(3);
const pool: Record<string, { found: number; required: number; ok: number; predicted: number }> = {};
for (const set of HELDOUT_SETS) {
  const out = extractPapers(set.papers.map((p) => record(p.title, p.abstract, p.key)));
  const s = score(set.gold, out);
  const line = [
    `${set.name.padEnd(24)} R ${f(s.recall)} (${s.found}/${s.required}) P ${f(s.precision)} (${s.ok}/${s.predicted})`,
  ];
  if (set.field) {
    for (const h of ["tune", "check"] as const) {
      const hs = score(half(set.gold, h), out);
      line.push(`${h} R ${f(hs.recall)} P ${f(hs.precision)}`);
      pool[h] ??= { found: 0, required: 0, ok: 0, predicted: 0 };
      const q = pool[h];
      q.found += hs.found;
      q.required += hs.required;
      q.ok += hs.ok;
      q.predicted += hs.predicted;
      if (verbose && (!only || only === h)) {
        for (const m of hs.misses) console.log(`   MISS[${set.id}/${h}] ${m}`);
        for (const m of hs.extras) console.log(`   EXTRA[${set.id}/${h}] ${m}`);
      }
    }
  } else if (verbose && !only && (!set.checkOnly || showCheckSet)) {
    for (const m of s.misses) console.log(`   MISS[${set.id}] ${m}`);
    for (const m of s.extras) console.log(`   EXTRA[${set.id}] ${m}`);
  }
  console.log(line.join("  |  "));
}
for (const [h, q] of Object.entries(pool))
  console.log(
    `fields ${h}: R ${f(q.found / q.required)} (${q.found}/${q.required}) P ${f(q.ok / q.predicted)} (${q.ok}/${q.predicted})`,
  );
