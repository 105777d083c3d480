// graph.json is written chunk by chunk (a 100k-paper graph is longer than one V8 string):
// the streamed file must be byte-identical to toJson, and chunked atomic writes must keep every
// chunk in order across several flushes.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeFileAtomic } from "../src/common/fs.ts";
import { checkedGraph, toJson, writeGraph } from "../src/export/index.ts";
import { jsonLineChunks } from "../src/export/json.ts";
import { loadFixture } from "./export-helpers.ts";

const dir = mkdtempSync(join(tmpdir(), "litgraph-stream-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("streamed JSON output", () => {
  it("writes the same bytes as toJson, in more than one chunk", () => {
    const graph = checkedGraph(loadFixture());
    const out = join(dir, "graph.json");
    writeGraph(graph, { format: "json", out });
    expect(readFileSync(out, "utf8")).toBe(toJson(graph));
    expect([...jsonLineChunks(graph)].length).toBeGreaterThan(graph.nodes.length);
    expect(JSON.parse(readFileSync(out, "utf8")).nodes.length).toBe(graph.nodes.length);
  });

  it("keeps every chunk, in order, across several flushes, and leaves no temp file", () => {
    const chunk = `${"x".repeat(1024 * 1024 - 1)}\n`;
    const chunks = Array.from({ length: 20 }, (_, i) => `${i}:${chunk}`);
    const out = join(dir, "big.txt");
    writeFileAtomic(out, chunks);
    expect(readFileSync(out, "utf8")).toBe(chunks.join(""));
    writeFileAtomic(join(dir, "empty.txt"), []);
    expect(readFileSync(join(dir, "empty.txt"), "utf8")).toBe("");
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  // The writer encodes into a 16 MB buffer (src/common/fs.ts): more than that must flush, and a
  // chunk that may need more than the buffer (3 bytes a code unit) is written on its own.
  it.each([
    [
      "multi-byte text across buffer flushes",
      Array.from({ length: 40 }, (_, i) => `${i}é漢😀`.repeat(60_000)),
      16 * 1024 * 1024,
    ],
    [
      "a chunk larger than the buffer between small ones",
      ["a", "ü".repeat(6_000_000), "b😀"],
      12e6,
    ],
  ])("keeps %s byte for byte", (_, chunks, minBytes) => {
    const out = join(dir, "utf8.txt");
    writeFileAtomic(out, chunks);
    const want = Buffer.from(chunks.join(""), "utf8");
    expect(readFileSync(out).equals(want)).toBe(true);
    expect(want.length).toBeGreaterThan(minBytes);
  });
});
