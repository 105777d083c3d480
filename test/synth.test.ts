// The synthetic corpus generator: seeded, realistic shapes, readable by ingest.
import { describe, expect, it } from "vitest";
import { createRng } from "../src/common/rng.ts";
import { parseText } from "../src/ingest/index.ts";
import {
  bellInt,
  generateCorpus,
  ontologySurfaces,
  shuffled,
  zipfSampler,
} from "../src/synth/index.ts";

const corpus = generateCorpus({ papers: 400, seed: 7 });
const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

describe("generateCorpus", () => {
  it("same seed → same corpus; another seed → another", () => {
    expect(JSON.stringify(generateCorpus({ papers: 400, seed: 7 }))).toBe(JSON.stringify(corpus));
    expect(JSON.stringify(generateCorpus({ papers: 400, seed: 8 }))).not.toBe(
      JSON.stringify(corpus),
    );
  });

  it.each([[[150, 250]], [[40, 60]]] as [number, number][][])(
    "abstract lengths stay near %j words",
    (range) => {
      const c = generateCorpus({ papers: 100, seed: 3, abstractWords: range });
      for (const p of c) {
        // Sentences are added until the target is reached: the text before the last one is
        // short of the upper bound, the whole text reaches the lower one.
        const sentences = p.abstract.split(/(?<=\.) (?=[A-Z])/);
        expect(sentences.length).toBeGreaterThan(1);
        expect(words(p.abstract)).toBeGreaterThanOrEqual(range[0]);
        expect(words(sentences.slice(0, -1).join(" "))).toBeLessThan(range[1]);
      }
    },
  );

  it("years stay in range, ids are unique", () => {
    const c = generateCorpus({ papers: 300, seed: 2, years: [2019, 2020] });
    for (const p of c) expect([2019, 2020]).toContain(p.year);
    expect(new Set(c.map((p) => p.id)).size).toBe(300);
  });

  it("author productivity is skewed and teams recur", () => {
    const counts = new Map<string, number>();
    const teams = new Map<string, number>();
    for (const p of corpus) {
      for (const a of p.author.split("; ")) counts.set(a, (counts.get(a) ?? 0) + 1);
      teams.set(p.author, (teams.get(p.author) ?? 0) + 1);
    }
    const sorted = [...counts.values()].sort((a, b) => b - a);
    const median = sorted[Math.floor(sorted.length / 2)];
    expect(sorted[0]).toBeGreaterThanOrEqual(4 * median);
    expect(Math.max(...teams.values())).toBeGreaterThan(1);
  });

  it("abstracts use ontology surface forms, the frequent ones more often", () => {
    const text = corpus.map((p) => p.abstract).join("\n");
    const used = ontologySurfaces().filter((s) => text.includes(s));
    expect(used.length).toBeGreaterThan(50);
  });

  it("conceptShare sets how many concept slots name an ontology concept", () => {
    // Concept slots left to recurring phrases: fewer distinct surface forms per abstract.
    const surfaces = ontologySurfaces().filter((x) => x.length > 3);
    const perPaper = (share: number) => {
      const c = generateCorpus({ papers: 60, seed: 5, conceptShare: share });
      return (
        c.reduce((acc, p) => acc + surfaces.filter((x) => p.abstract.includes(x)).length, 0) / 60
      );
    };
    const [none, low, all] = [perPaper(0), perPaper(0.15), perPaper(1)];
    expect(low).toBeGreaterThan(none);
    expect(all).toBeGreaterThan(2 * low);
  });

  it("ingest reads every generated paper as paperlists", () => {
    const r = parseText(JSON.stringify(corpus), "synth2024.json", { asOf: new Date("2026-01-01") });
    expect(r.rejected).toEqual([]);
    expect(r.papers).toHaveLength(400);
    expect(r.papers[0].authors.length).toBe(corpus[0].author.split("; ").length);
  });

  it("refuses a bad paper count", () => {
    expect(() => generateCorpus({ papers: -1 })).toThrow(/synth\/generate/);
  });
});

describe("zipf helpers", () => {
  it.each([
    [1, 0],
    [1.5, 0],
    [1, 10],
  ])("rank 0 is drawn more often than rank 9 (s=%d, q=%d)", (s, q) => {
    const draw = zipfSampler(50, s, q);
    const rng = createRng(1);
    const n = new Array(50).fill(0);
    for (let i = 0; i < 20000; i++) n[draw(rng)]++;
    expect(n[0]).toBeGreaterThan(n[9]);
    expect(n.every((x) => x >= 0)).toBe(true);
  });

  it("shuffled keeps every item", () => {
    const xs = [1, 2, 3, 4, 5, 6, 7];
    expect([...shuffled(xs, createRng(4))].sort()).toEqual(xs);
  });

  it("bellInt stays within bounds", () => {
    const rng = createRng(9);
    for (let i = 0; i < 1000; i++) {
      const x = bellInt(rng, 3, 5);
      expect(x).toBeGreaterThanOrEqual(3);
      expect(x).toBeLessThanOrEqual(5);
    }
  });

  it("refuses an empty range", () => {
    expect(() => zipfSampler(0, 1)).toThrow(/synth\/zipf/);
  });
});
