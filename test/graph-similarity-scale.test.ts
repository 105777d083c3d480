// similarEdges at scale: items in more than candidateMaxDf papers, or past the candidateBudget,
// propose no pairs (they still weigh in the kept edges), and
// the bounded top-k list gives what a full sort would.
import { describe, expect, it } from "vitest";
import { createRng } from "../src/common/rng.ts";
import { DEFAULTS, type SimilarityOptions } from "../src/graph/options.ts";
import { type PaperItem, similarEdges } from "../src/graph/similarity.ts";

/** Papers holding Zipf-like items: item t is in about n/(t+1) papers. */
function corpus(n: number, seed: number): PaperItem[][] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => {
    const nodes = new Set<string>();
    for (let t = 0; t < 60; t++) if (rng() < 1 / (t + 1)) nodes.add(`task:t${t}`);
    return [...nodes].sort().map((node) => ({ node, kind: "task", label: node, factor: 1 }));
  });
}

const opts = (over: Partial<SimilarityOptions>): SimilarityOptions => ({
  ...DEFAULTS.similarity,
  maxDfRatio: 0.6,
  hardMaxDfRatio: 0.6,
  ...over,
});

describe("similarEdges candidateMaxDf", () => {
  const papers = corpus(400, 3);
  const dfs = new Map<string, number>();
  for (const list of papers) for (const it of list) dfs.set(it.node, (dfs.get(it.node) ?? 0) + 1);
  const maxDf = Math.max(...dfs.values());

  it.each([maxDf, maxDf + 1, 10 * maxDf])(
    "changes nothing at or above the largest df (%i)",
    (cap) => {
      expect(similarEdges(papers, opts({ candidateMaxDf: cap }))).toEqual(
        similarEdges(papers, opts({ candidateMaxDf: Number.POSITIVE_INFINITY })),
      );
    },
  );

  it.each([
    [5, Infinity],
    [20, Infinity],
    [60, Infinity],
    [Infinity, 40],
    [Infinity, 150],
  ])("with cap %s and budget %s, every kept pair shares a walked item", (cap, budget) => {
    const edges = similarEdges(papers, opts({ candidateMaxDf: cap, candidateBudget: budget }));
    expect(edges.length).toBeGreaterThan(0);
    for (const e of edges) {
      const shared = papers[e.a].filter((x) => papers[e.b].some((y) => y.node === x.node));
      expect(shared.some((it) => (dfs.get(it.node) ?? 0) <= Math.min(cap, budget))).toBe(true);
      // The breakdown still names every shared item, frequent ones included.
      const counted = shared.filter((it) => (dfs.get(it.node) ?? 0) <= 0.6 * papers.length);
      expect(e.breakdown.map((b) => b.node).sort()).toEqual(counted.map((it) => it.node).sort());
    }
  });

  it.each([1, 3, 10])("keeps at most topK = %i pairs per paper as its own choice", (topK) => {
    const edges = similarEdges(papers, opts({ topK, candidateMaxDf: 30, candidateBudget: 200 }));
    const degree = new Array(papers.length).fill(0);
    for (const e of edges) {
      degree[e.a]++;
      degree[e.b]++;
    }
    // Each edge is some end's choice, so there are at most topK · n edges.
    expect(edges.length).toBeLessThanOrEqual(topK * papers.length);
    expect(Math.max(...degree)).toBeGreaterThanOrEqual(Math.min(topK, 1));
  });

  it.each([1, 4, 10])("keeps the pairs a full sort of all pairs gives (topK %i)", (topK) => {
    const o = opts({ topK, candidateMaxDf: Infinity, candidateBudget: Infinity });
    const n = papers.length;
    const cap = 0.6 * n;
    const spec = (node: string) => {
      const df = dfs.get(node) ?? 0;
      return df >= 2 && df <= cap ? Math.log((n + 1) / df) : 0;
    };
    const expected = new Set<string>();
    // The entity signal's cosine of tf-idf vectors (factor · specificity).
    const vec = papers.map(
      (list) => new Map(list.map((it) => [it.node, it.factor * spec(it.node)])),
    );
    const norm = vec.map((v) => Math.sqrt([...v.values()].reduce((acc, x) => acc + x * x, 0)) || 1);
    for (let i = 0; i < n; i++) {
      const mine = vec[i];
      const scored = papers
        .map((list, j) => ({
          j,
          s:
            list.reduce(
              (acc, it) => acc + (mine.get(it.node) ?? 0) * (vec[j].get(it.node) ?? 0),
              0,
            ) /
            (norm[i] * norm[j]),
        }))
        .filter((x) => x.j !== i && x.s > 0)
        .sort((x, y) => y.s - x.s || x.j - y.j)
        .slice(0, topK);
      for (const { j } of scored) expected.add(i < j ? `${i}-${j}` : `${j}-${i}`);
    }
    const got = similarEdges(papers, o).map((e) => `${e.a}-${e.b}`);
    expect(new Set(got)).toEqual(expected);
  });
});
