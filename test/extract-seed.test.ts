// Acceptance: recall of required entities and precision of method/modality/task/dataset entities
// on the 14 seed papers, under the matching rules of seed-gold.json's `about`
// (the same rules as shared/tools/score_entities.py; the scorer is shared with the held-out test).
import { describe, expect, it } from "vitest";
import { extractPapers } from "../src/extract/index.ts";
import { seedPapers } from "./fixtures/extract/records.ts";
import { type GoldPaper, score } from "./fixtures/heldout/score.ts";
import gold from "./fixtures/seed-gold.json" with { type: "json" };

describe("extract: seed papers against the gold", () => {
  const out = extractPapers(seedPapers);
  const s = score(gold.papers as GoldPaper[], out);

  it("finds every seed paper", () => {
    expect(out).toHaveLength(14);
    for (const g of gold.papers) expect(out.map((p) => p.title)).toContain(g.title);
  });

  it("reaches recall ≥ 0.95 and precision ≥ 0.90", () => {
    console.log(
      `extract seed: recall ${s.recall.toFixed(3)} (${s.found}/${s.required}), precision ${s.precision.toFixed(3)} (${s.ok}/${s.predicted})`,
    );
    if (s.misses.length) console.log(`  missed: ${s.misses.join("; ")}`);
    if (s.extras.length) console.log(`  not in gold: ${s.extras.join("; ")}`);
    expect(s.recall).toBeGreaterThanOrEqual(0.95);
    expect(s.precision).toBeGreaterThanOrEqual(0.9);
  });

  it("gives ids of the form <type>:<slug> and sorts entities by (type, label)", () => {
    for (const p of out) {
      for (const e of p.entities) expect(e.id).toMatch(new RegExp(`^${e.type}:[a-z0-9-]+$`));
      const keys = p.entities.map((e) => `${e.type}\u0000${e.label}`);
      expect(keys).toEqual([...keys].sort());
    }
  });

  it("is deterministic: the same input gives byte-identical output", () => {
    expect(JSON.stringify(extractPapers(seedPapers))).toBe(JSON.stringify(out));
  });
});
