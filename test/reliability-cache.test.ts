// Issue 16, item 5: an edited or bit-rotted extraction cache never changes the graph. Each line of
// extract-*.jsonl and tags-*.jsonl carries a checksum (src/cache/jsonl.ts); a line that fails it
// is a miss, recomputed, so a tampered cache gives the --no-cache output byte for byte.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openLine, sealLine } from "../src/cache/jsonl.ts";
import { openTagStore } from "../src/cache/tags.ts";
import { createRng } from "../src/common/rng.ts";
import { toJson } from "../src/export/index.ts";
import { runPipeline } from "../src/pipeline.ts";
import { tempDirs } from "./temp-dirs.ts";

const temp = tempDirs("cache-tamper");
const INPUTS = [
  "test/fixtures/ingest-b/chil2023-slice.bib",
  "test/fixtures/ingest-a/coling2022.json",
];
const asOf = new Date("2026-11-27T00:00:00Z");

const build = async (cacheDir?: string) => {
  const r = await runPipeline(INPUTS, {
    asOf,
    threads: 1,
    cache: cacheDir ? { dir: cacheDir } : { enabled: false },
  });
  return toJson(r.serialized);
};

/** The cache file of `prefix` in `dir`. */
const cacheFile = (dir: string, prefix: string) => {
  const name = readdirSync(dir).find((f) => f.startsWith(prefix) && f.endsWith(".jsonl"));
  if (!name) throw new Error(`test: no ${prefix} file in ${dir}`);
  return join(dir, name);
};

/** Ways to damage a cache file's text. */
const TAMPER: [string, (text: string) => string][] = [
  [
    "a label edited in every line (still valid JSON)",
    (t) => t.replace(/"label":"([^"]+)"/g, '"label":"$1 edited"'),
  ],
  [
    "random byte flips",
    (t) => {
      const rand = createRng(16);
      const chars = [...t];
      for (let n = 0; n < 40; n++) {
        const i = Math.floor(rand() * chars.length);
        if (chars[i] !== "\n") chars[i] = String.fromCharCode(33 + Math.floor(rand() * 90));
      }
      return chars.join("");
    },
  ],
  [
    "every line cut in half",
    (t) =>
      t
        .split("\n")
        .map((l) => l.slice(0, l.length >> 1))
        .join("\n"),
  ],
];

describe("a tampered extraction cache", () => {
  it.each(TAMPER)("%s: the rebuild is byte-identical to --no-cache", async (_name, damage) => {
    const plain = await build();
    const dir = temp();
    expect(await build(dir)).toBe(plain);
    const file = cacheFile(dir, "extract-");
    const text = readFileSync(file, "utf8");
    const damaged = damage(text);
    expect(damaged).not.toBe(text);
    writeFileSync(file, damaged);
    expect(await build(dir)).toBe(plain);
  });

  it("the tag results are checked the same way: a flipped verdict is a miss", () => {
    const dir = temp();
    const opts = { dir, extractorVersion: "test", compromiseVersion: "test" };
    const store = openTagStore(opts);
    store.set("graph neural network", true);
    store.set("in this paper", false);
    store.flush();
    const file = cacheFile(dir, "tags-");
    const original = readFileSync(file, "utf8");
    // the first verdict flipped, its line's JSON still valid
    writeFileSync(file, original.replace(",true]", ",false]"));
    const reopened = openTagStore(opts);
    expect(reopened.get("graph neural network")).toBeUndefined();
    expect(reopened.get("in this paper")).toBe(false);
    expect(reopened.stats.skipped).toBe(1);
  });
});

describe("cache lines", () => {
  // non-ASCII text too: a line is checked on its bytes and decoded alone
  const json = JSON.stringify({ k: "abc", v: { entities: [], note: "naïve — ü 漢" } });
  it.each([
    ["intact", (l: string) => l, json],
    ["one character changed", (l: string) => l.replace("abc", "abd"), null],
    ["checksum changed", (l: string) => `0${l.slice(1)}`, null],
    ["no checksum (an old line)", () => json, null],
    ["empty", () => "", null],
  ])("%s", (_name, change, expected) => {
    expect(openLine(Buffer.from(change(sealLine(json).trimEnd())))).toBe(expected);
  });
});
