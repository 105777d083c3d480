// Parallel and cached extraction give exactly extractPapers' output (the same two stages,
// staged.ts, run in this thread), and parts that crossed a cache or a worker give it too.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { openExtractCache } from "../src/cache/index.ts";
import { extractPapers } from "../src/extract/index.ts";
import { extractPapersParallel } from "../src/extract/parallel.ts";
import { assemble, extractParts, type PaperPart } from "../src/extract/staged.ts";
import { forgetTagResults } from "../src/extract/topic-tags.ts";
import { parseText } from "../src/ingest/index.ts";
import { tempDirs } from "./temp-dirs.ts";

const file = "test/fixtures/bench/paperlists-80.json";
const { papers } = parseText(readFileSync(file, "utf8"), file, { asOf: new Date("2026-01-01") });
const expected = JSON.stringify(extractPapers(papers));
const tmp = tempDirs("cache");

describe("staged extraction", () => {
  it("reads the fixture", () => expect(papers.length).toBe(80));

  it.each([
    ["after a JSON round trip (the cache)", (p: PaperPart) => JSON.parse(JSON.stringify(p))],
    ["after a structured clone (the workers)", (p: PaperPart) => structuredClone(p)],
    [
      "without topic candidates (parts of an older extractor)",
      (p: PaperPart) => ({
        entities: p.entities,
      }),
    ],
  ])("parts %s still give extractPapers' output", (_, f) => {
    const parts = extractParts(papers).map(f);
    expect(JSON.stringify(assemble(papers, parts))).toBe(expected);
  });

  type Candidates = NonNullable<PaperPart["candidates"]>;
  it.each([
    [
      "occurrences that do not match the keys",
      (c: Candidates) => ({ ...c, occ: c.occ.slice(0, -3) }),
    ],
    ["duplicate indices out of range", (c: Candidates) => ({ ...c, dup: [...c.dup, 1e6] })],
  ])("refuses topic candidates with %s, naming the paper", (_, spoil) => {
    const parts = extractParts(papers);
    const i = parts.findIndex((p) => (p.candidates?.occ.length ?? 0) > 0);
    parts[i] = { ...parts[i], candidates: spoil(parts[i].candidates as Candidates) };
    expect(() => assemble(papers, parts)).toThrow(`extract/topics: candidates of paper ${i}`);
  });

  it("refuses parts that do not line up with papers", () => {
    expect(() => assemble(papers, extractParts(papers.slice(1)))).toThrow(/extract\/staged/);
  });

  it("options reach both stages, in workers too (no topics, no patterns)", async () => {
    const opts = { topics: { enabled: false }, patterns: false };
    const here = extractPapers(papers, opts);
    const types = new Set(here.flatMap((p) => p.entities.map((e) => e.type)));
    expect(types.has("topic")).toBe(false);
    expect(JSON.stringify(here)).not.toBe(expected);
    const inWorkers = await extractPapersParallel(papers, opts, { threads: 2, minPapers: 0 });
    expect(JSON.stringify(inWorkers)).toBe(JSON.stringify(here));
  }, 60_000);
});

describe("extractPapersParallel", () => {
  it.each([
    { threads: 1, chunkSize: 200, mainThreadWorks: true },
    { threads: 2, chunkSize: 7, mainThreadWorks: true },
    { threads: 2, chunkSize: 9, mainThreadWorks: false },
    { threads: 3, chunkSize: 30, mainThreadWorks: false },
  ])(
    "threads $threads, chunks of $chunkSize, main thread works $mainThreadWorks: byte-identical",
    async (o) => {
      const got = await extractPapersParallel(papers, {}, { ...o, minPapers: 0 });
      expect(JSON.stringify(got)).toBe(expected);
    },
    60_000,
  );

  it("a cold cache, a warm one and a grown corpus give the same output", async () => {
    const dir = tmp();
    const first = papers.slice(0, 70);
    const cold = openExtractCache({ dir });
    const a = await extractPapersParallel(first, {}, { cache: cold });
    expect(cold.stats).toMatchObject({ loaded: 0, misses: 70, written: 70 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(extractPapers(first)));

    const warm = openExtractCache({ dir });
    const b = await extractPapersParallel(papers, {}, { cache: warm, threads: 2, minPapers: 0 });
    expect(warm.stats).toMatchObject({ loaded: 70, hits: 70, misses: 10, written: 10 });
    expect(JSON.stringify(b)).toBe(expected);
  }, 60_000);

  // forgetTagResults() before each run: a new process, so tag results come from the cache only.
  it("a cache warm from corpus A serves A+B, and a rerun extracts and tags nothing", async () => {
    const dir = tmp();
    const a = papers.slice(0, 50);
    const expectedA = JSON.stringify(extractPapers(a));
    forgetTagResults();
    const cold = openExtractCache({ dir });
    expect(JSON.stringify(await extractPapersParallel(a, {}, { cache: cold }))).toBe(expectedA);
    expect(cold.tags.stats.written).toBeGreaterThan(0);

    forgetTagResults();
    const grown = openExtractCache({ dir });
    const ab = await extractPapersParallel(papers, {}, { cache: grown, threads: 2, minPapers: 0 });
    expect(JSON.stringify(ab)).toBe(expected);
    expect(grown.stats).toMatchObject({ loaded: 50, hits: 50, misses: 30, written: 30 });
    expect(grown.tags.stats.loaded).toBe(cold.tags.stats.written);

    forgetTagResults();
    const again = openExtractCache({ dir });
    expect(JSON.stringify(await extractPapersParallel(papers, {}, { cache: again }))).toBe(
      expected,
    );
    expect(again.stats).toMatchObject({ loaded: 80, hits: 80, misses: 0, written: 0 });
    expect(again.tags.stats).toMatchObject({
      loaded: cold.tags.stats.written + grown.tags.stats.written,
      written: 0,
    });
  }, 60_000);

  it("tag results cached from the same papers in another order leave the output unchanged", async () => {
    const dir = tmp();
    const reversed = [...papers].reverse();
    forgetTagResults();
    const expectedReversed = JSON.stringify(extractPapers(reversed));
    forgetTagResults();
    const first = openExtractCache({ dir });
    const r = await extractPapersParallel(reversed, {}, { cache: first });
    expect(JSON.stringify(r)).toBe(expectedReversed);
    forgetTagResults();
    const second = openExtractCache({ dir });
    const f = await extractPapersParallel(papers, {}, { cache: second });
    expect(JSON.stringify(f)).toBe(expected);
    expect(second.stats).toMatchObject({ hits: 80, misses: 0 });
  }, 60_000);

  it("reports progress for every paper and the topic stage", async () => {
    const seen: string[] = [];
    let ticks = 0;
    await extractPapersParallel(
      papers.slice(0, 20),
      {},
      {
        progress: {
          stage: (name, total) => seen.push(`${name}:${total}`),
          tick: (n = 1) => {
            ticks += n;
          },
          done: () => {},
        },
      },
    );
    expect(seen).toEqual(["extract:20", "topics:1"]);
    expect(ticks).toBe(21);
  });
});
