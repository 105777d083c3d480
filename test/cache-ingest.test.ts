// The per-file parse cache (src/cache/ingest.ts): hits only on the same path, bytes, folder
// status, asOf and ingest version; a damaged entry is a miss; the output is the same with it.
import { copyFileSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openParseCache } from "../src/cache/ingest.ts";
import { sha256 } from "../src/cache/version.ts";
import { ingestPaths } from "../src/ingest/files.ts";
import { runPipeline } from "../src/pipeline.ts";
import { tempDirs } from "./temp-dirs.ts";

const tmp = tempDirs("cache-ingest");
const asOf = new Date("2026-01-15T00:00:00Z");
const FIXTURES = [
  "test/fixtures/ingest-b/chil2023-slice.bib",
  "test/fixtures/ingest-a/seed-000.txt",
];

/** A folder holding copies of the fixtures (so a test may change them). */
function inputs(): string {
  const dir = tmp();
  for (const f of FIXTURES) copyFileSync(f, join(dir, f.slice(f.lastIndexOf("/") + 1)));
  return dir;
}

describe("parse cache", () => {
  it("a second read of the same files hits for each and gives the same records", async () => {
    const dir = inputs();
    const cacheDir = tmp();
    const first = openParseCache({ dir: cacheDir, asOf });
    const a = await ingestPaths([dir], { asOf, parseCache: first });
    expect(first.stats).toMatchObject({ hits: 0, misses: 2, written: 2 });
    const second = openParseCache({ dir: cacheDir, asOf });
    const b = await ingestPaths([dir], { asOf, parseCache: second });
    expect(second.stats).toMatchObject({ hits: 2, misses: 0, written: 0 });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(a.papers.length).toBeGreaterThan(5);
  });

  it.each([
    ["the bytes change", { edit: true }],
    ["asOf changes", { asOf: new Date("2027-01-15T00:00:00Z") }],
    ["the ingest version changes", { ingestVersion: "other" }],
  ])(
    "misses when %s",
    async (_, change: { edit?: boolean; asOf?: Date; ingestVersion?: string }) => {
      const dir = inputs();
      const cacheDir = tmp();
      await ingestPaths([dir], { asOf, parseCache: openParseCache({ dir: cacheDir, asOf }) });
      const seed = join(dir, "seed-000.txt");
      if (change.edit) writeFileSync(seed, `${readFileSync(seed, "utf8")}\n`);
      const at = change.asOf ?? asOf;
      const again = openParseCache({
        dir: cacheDir,
        asOf: at,
        ingestVersion: change.ingestVersion,
      });
      const got = await ingestPaths([dir], { asOf: at, parseCache: again });
      const fresh = await ingestPaths([dir], { asOf: at });
      expect(again.stats.misses).toBe(change.edit ? 1 : 2);
      expect(JSON.stringify(got)).toBe(JSON.stringify(fresh));
    },
  );

  it("a file read directly and the same file found in a folder are different entries", async () => {
    const dir = inputs();
    const cacheDir = tmp();
    const bib = join(dir, "chil2023-slice.bib");
    await ingestPaths([bib], { asOf, parseCache: openParseCache({ dir: cacheDir, asOf }) });
    const again = openParseCache({ dir: cacheDir, asOf });
    await ingestPaths([dir], { asOf, parseCache: again });
    expect(again.stats).toMatchObject({ hits: 0, misses: 2 });
  });

  it.each([
    ["not JSON", () => "{torn"],
    ["a record that fails the schema", (t: string) => t.replace(/"title":"[^"]*"/, '"title":""')],
    ["another file's entry", (t: string) => t.replace(/"file":"[^"]*"/, '"file":"elsewhere.bib"')],
    [
      "a body that is not a parse result, under a check that matches it",
      (t: string) => {
        const body = '{"papers":{}}';
        return `${t.slice(0, t.indexOf("\n")).replace(/"check":"[0-9a-f]+"/, `"check":"${sha256(body)}"`)}\n${body}\n`;
      },
    ],
  ])("an entry that is %s is a miss, and the file is parsed again", async (_, damage) => {
    const dir = inputs();
    const cacheDir = tmp();
    const fresh = await ingestPaths([dir], {
      asOf,
      parseCache: openParseCache({ dir: cacheDir, asOf }),
    });
    for (const name of readdirSync(cacheDir)) {
      const p = join(cacheDir, name);
      writeFileSync(p, damage(readFileSync(p, "utf8")));
    }
    const again = openParseCache({ dir: cacheDir, asOf });
    const got = await ingestPaths([dir], { asOf, parseCache: again });
    expect(again.stats).toMatchObject({ hits: 0, unreadable: 2 });
    expect(JSON.stringify(got)).toBe(JSON.stringify(fresh));
  });

  it("prune keeps the most recently used entries", async () => {
    const dir = inputs();
    const cacheDir = tmp();
    const cache = openParseCache({ dir: cacheDir, asOf, keep: 1 });
    await ingestPaths([dir], { asOf, parseCache: cache });
    const names = readdirSync(cacheDir).sort();
    expect(names).toHaveLength(2);
    // The first entry was used long ago; the second just now.
    utimesSync(join(cacheDir, names[0]), new Date(2000, 0, 1), new Date(2000, 0, 1));
    expect(cache.prune()).toEqual([join(cacheDir, names[0])]);
    expect(readdirSync(cacheDir)).toEqual([names[1]]);
  });
});

describe("pipeline with the parse cache", () => {
  it("a cached rebuild writes the same graph as an uncached build", async () => {
    const dir = inputs();
    const cacheDir = tmp();
    const plain = await runPipeline([dir], { asOf, threads: 1 });
    await runPipeline([dir], { asOf, threads: 1, cache: { dir: cacheDir } });
    expect(readdirSync(cacheDir).filter((f) => f.startsWith("ingest-"))).toHaveLength(2);
    const cached = await runPipeline([dir], { asOf, threads: 1, cache: { dir: cacheDir } });
    expect(JSON.stringify(cached.serialized)).toBe(JSON.stringify(plain.serialized));
  });
});
