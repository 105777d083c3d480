// Acceptance: recall of required entities and precision of method/modality/task/dataset entities
// on the 14 seed papers, under the matching rules of seed-gold.json's `about`
// (the same rules as shared/tools/score_entities.py).
import { describe, expect, it } from "vitest";
import { type Entity, extractPapers } from "../src/extract/index.ts";
import { seedPapers } from "./fixtures/extract/records.ts";
import gold from "./fixtures/seed-gold.json" with { type: "json" };

const SCORED = new Set(["method", "modality", "task", "dataset"]);

function fold(s: string): string {
  let f = s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  if (f.length > 3 && f.endsWith("s") && !f.endsWith("ss")) f = f.slice(0, -1);
  return f;
}

function namesOf(e: Entity): Set<string> {
  const names = new Set([
    fold(e.label),
    ...(e.aliases ?? []).map(fold),
    ...e.mentions.map((m) => fold(m.text)),
  ]);
  names.delete("");
  return names;
}

function close(pred: string, allowed: string): boolean {
  if (pred === allowed) return true;
  const [short, long] = pred.length <= allowed.length ? [pred, allowed] : [allowed, pred];
  return short.split(" ").length >= 2 && ` ${long} `.includes(` ${short} `);
}

interface GoldPaper {
  title: string;
  required: { type: string; label: string; aliases?: string[] }[];
  acceptable?: string[];
}

function score(papers: ReturnType<typeof extractPapers>) {
  let found = 0;
  let required = 0;
  let ok = 0;
  let predicted = 0;
  const misses: string[] = [];
  const extras: string[] = [];
  for (const g of gold.papers as GoldPaper[]) {
    const p = papers.find((x) => x.title === g.title);
    required += g.required.length;
    if (!p) continue;
    const ents = p.entities.filter((e) => SCORED.has(e.type));
    const labels = new Set(ents.flatMap((e) => [...namesOf(e)].map((n) => `${e.type}|${n}`)));
    const allowed = new Set<string>((g.acceptable ?? []).map(fold));
    for (const r of g.required) {
      const names = [r.label, ...(r.aliases ?? [])].map(fold);
      for (const n of names) allowed.add(n);
      if (names.some((n) => labels.has(`${r.type}|${n}`))) found++;
      else misses.push(`${r.type} ${r.label}`);
    }
    for (const e of ents) {
      predicted++;
      if ([...namesOf(e)].some((n) => [...allowed].some((a) => close(n, a)))) ok++;
      else extras.push(`${e.type} ${e.label}`);
    }
  }
  return {
    recall: found / required,
    precision: ok / predicted,
    found,
    required,
    ok,
    predicted,
    misses,
    extras,
  };
}

describe("extract: seed papers against the gold", () => {
  const out = extractPapers(seedPapers);
  const s = score(out);

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
