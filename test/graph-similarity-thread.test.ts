// Paper similarity in a worker thread (src/graph/similarity-thread.ts): the same edges as in this
// thread, a worker that never answers falls back to this thread, and the pipeline writes the
// same graph with or without the worker.
import { describe, expect, it } from "vitest";
import { createRng } from "../src/common/rng.ts";
import { DEFAULTS } from "../src/graph/options.ts";
import { internItems, materialize, type PaperItem, similarEdges } from "../src/graph/similarity.ts";
import { openSimilarityThread } from "../src/graph/similarity-thread.ts";
import { textVectors } from "../src/graph/text/vectors.ts";
import { ingestPaths } from "../src/ingest/files.ts";
import { runPipeline } from "../src/pipeline.ts";

/** Papers holding Zipf-like items of mixed kinds and factors. */
function corpus(n: number, seed: number): PaperItem[][] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => {
    const items = new Map<string, PaperItem>();
    for (let t = 0; t < 80; t++) {
      if (rng() >= 2 / (t + 2)) continue;
      const kind = t % 3 === 0 ? "author" : t % 3 === 1 ? "method" : "topic";
      const node = `${kind}:n${t}`;
      items.set(node, { node, kind, label: `item ${t}`, factor: kind === "topic" ? 0.5 : 1 });
    }
    return [...items.values()].sort((a, b) => (a.node < b.node ? -1 : 1));
  });
}

describe("similarity in a worker thread", () => {
  it.each([
    [300, 1],
    [1200, 7],
  ])("gives the edges of this thread (%i papers)", async (n, seed) => {
    const items = corpus(n, seed);
    const here = similarEdges(items, DEFAULTS.similarity);
    const thread = openSimilarityThread();
    try {
      const join = thread.run(internItems(items), DEFAULTS.similarity);
      const there = materialize(items, join());
      expect(thread.ranIn).toBe("worker");
      expect(here.length).toBeGreaterThan(n);
      expect(there).toEqual(here);
    } finally {
      await thread.close();
    }
  });

  it("falls back to this thread when the worker never answers", async () => {
    const items = corpus(200, 3);
    const thread = openSimilarityThread({
      workerUrl: new URL("./fixtures/graph/no-such-worker.mjs", import.meta.url),
      timeoutMs: () => 300,
    });
    try {
      const got = materialize(items, thread.run(internItems(items), DEFAULTS.similarity)());
      expect(thread.ranIn).toBe("here");
      expect(got).toEqual(similarEdges(items, DEFAULTS.similarity));
    } finally {
      await thread.close();
    }
  });

  it("the pipeline writes the same graph with the worker as in one thread", async () => {
    const dir = "test/fixtures/ingest-a";
    const asOf = new Date("2026-01-15T00:00:00Z");
    const one = await runPipeline([dir], { asOf, threads: 1 });
    const two = await runPipeline([dir], { asOf, threads: 2, similarityThreadMinPapers: 0 });
    expect(
      one.serialized.edges.filter((e) => e.attributes.type === "similar").length,
    ).toBeGreaterThan(10);
    expect(JSON.stringify(two.serialized)).toBe(JSON.stringify(one.serialized));
  });

  describe("text vectors built in the worker during extraction", async () => {
    const asOf = new Date("2026-01-15T00:00:00Z");
    const { papers } = await ingestPaths(["test/fixtures/ingest-a"], { asOf });
    const opts = DEFAULTS.similarity.text;
    const reversed = [...papers].reverse();
    const edited = papers.map((p, i) => (i === 1 ? { ...p, abstract: `${p.abstract} more` } : p));
    it.each([
      ["the same papers in another order", reversed, "worker"],
      ["one abstract changed", edited, "here"],
      ["one paper fewer", papers.slice(1), "here"],
    ] as const)("%s: the vectors built here", async (_, wanted, from) => {
      const thread = openSimilarityThread();
      try {
        thread.prepareText(papers, opts);
        const got = thread.textVectors(wanted, opts);
        expect(thread.textIn).toBe(from);
        expect(got.keys.length).toBeGreaterThan(20);
        expect(got).toEqual(textVectors(wanted, opts));
      } finally {
        await thread.close();
      }
    });

    it("other options: built here", async () => {
      const thread = openSimilarityThread();
      try {
        thread.prepareText(papers, opts);
        const other = { ...opts, titleWeight: opts.titleWeight + 1 };
        expect(thread.textVectors(papers, other)).toEqual(textVectors(papers, other));
        expect(thread.textIn).toBe("here");
      } finally {
        await thread.close();
      }
    });
  });
});
