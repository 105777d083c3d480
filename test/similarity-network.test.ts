// The community network of similarPairs (SimilarityOptions.communityWeights / communityTopK):
// the same walk as the related papers, ranked by another weighting of the signals, and the one
// Louvain runs on in buildGraph.
import { describe, expect, it } from "vitest";
import { createRng } from "../src/common/rng.ts";
import { buildGraph } from "../src/graph/index.ts";
import { DEFAULTS, type SignalWeights, type SimilarityOptions } from "../src/graph/options.ts";
import {
  internItems,
  type PaperItem,
  type PaperNetwork,
  similarPairs,
} from "../src/graph/similarity.ts";
import { seedExtracted } from "./seed-extracted.ts";

/** Papers holding Zipf-like authors and tasks (item t in about n/(t+1) papers). */
function corpus(n: number, seed: number): PaperItem[][] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => {
    const items: PaperItem[] = [];
    for (let t = 0; t < 40; t++) {
      if (rng() < 1 / (t + 1)) items.push(item(`task:t${t}`, "task"));
      if (rng() < 0.5 / (t + 1)) items.push(item(`author:a${t}`, "author"));
    }
    return items.sort((x, y) => (x.node < y.node ? -1 : 1));
  });
}
const item = (node: string, kind: string): PaperItem => ({ node, kind, label: node, factor: 1 });

const opts = (over: Partial<SimilarityOptions>): SimilarityOptions => ({
  ...DEFAULTS.similarity,
  maxDfRatio: 0.6,
  hardMaxDfRatio: 0.6,
  ...over,
});
const only = (w: Partial<SignalWeights>): SignalWeights => ({
  text: 0,
  entities: 0,
  authors: 0,
  venue: 0,
  citations: 0,
  ...w,
});

/** The network's edges as "a-b" → weight. */
function edges(net: PaperNetwork): Map<string, number> {
  const out = new Map<string, number>();
  for (let e = 0; e < net.weights.length; e++)
    out.set(`${net.pairs[2 * e]}-${net.pairs[2 * e + 1]}`, net.weights[e]);
  return out;
}

/** Reference: weight × cosine of two papers' idf-weighted vectors of one kind, by brute force. */
function cosines(papers: PaperItem[][], kind: string, weight: number, cap: number): number[][] {
  const n = papers.length;
  const df = new Map<string, number>();
  for (const list of papers)
    for (const it of list) if (it.kind === kind) df.set(it.node, (df.get(it.node) ?? 0) + 1);
  const idf = (node: string) => {
    const d = df.get(node) ?? 0;
    return d >= 2 && d <= cap ? Math.log((n + 1) / d) : 0;
  };
  const vecs = papers.map((list) => {
    const v = new Map(list.filter((it) => it.kind === kind).map((it) => [it.node, idf(it.node)]));
    const norm = Math.sqrt([...v.values()].reduce((s, x) => s + x * x, 0)) || 1;
    for (const [k, x] of v) v.set(k, x / norm);
    return v;
  });
  return vecs.map((a) =>
    vecs.map((b) => weight * [...a].reduce((s, [k, x]) => s + x * (b.get(k) ?? 0), 0)),
  );
}

describe("similarPairs community network", () => {
  const papers = corpus(300, 5);

  it("is the similar edges when its weights and k are theirs", () => {
    const o = opts({});
    const out = similarPairs(internItems(papers), {
      ...o,
      communityWeights: o.weights,
      communityTopK: o.topK,
    });
    expect(Array.from(out.network.pairs)).toEqual(Array.from(out.pairs));
    expect(Array.from(out.network.weights)).toEqual(Array.from(out.weights));
  });

  it.each([
    [5, 0.35],
    [12, 0.35],
    [12, 0],
  ])("keeps each paper's top %i by the community weights only (related authors %f)", (k, a) => {
    const o = opts({
      weights: { ...DEFAULTS.similarity.weights, authors: a },
      communityWeights: only({ authors: 0.7 }),
      communityTopK: k,
    });
    const net = edges(similarPairs(internItems(papers), o).network);
    const ref = cosines(papers, "author", 0.7, 0.6 * papers.length);
    for (const [key, w] of net) {
      const [a, b] = key.split("-").map(Number);
      expect(w).toBeCloseTo(ref[a][b], 4);
      expect(w).toBeGreaterThan(0);
    }
    ref.forEach((row, i) => {
      const best = row
        .map((w, j) => ({ w, j }))
        .filter(({ w, j }) => j !== i && w > 0)
        .sort((x, y) => y.w - x.w || x.j - y.j);
      // Every paper's k best (strictly above the k-th, to leave ties aside) are linked to it.
      const kth = best[k - 1]?.w ?? 0;
      for (const { w, j } of best.filter((x) => x.w > kth + 1e-9))
        expect(net.has(i < j ? `${i}-${j}` : `${j}-${i}`), `${i}-${j} (${w})`).toBe(true);
    });
  });

  it.each([30, 200, 5000])(
    "weighs every shared item, however far the walk went (candidate budget %i)",
    (budget) => {
      const o = opts({ communityWeights: only({ authors: 0.7 }), candidateBudget: budget });
      const net = edges(similarPairs(internItems(papers), o).network);
      const ref = cosines(papers, "author", 0.7, 0.6 * papers.length);
      expect(net.size).toBeGreaterThan(0);
      for (const [key, w] of net) {
        const [a, b] = key.split("-").map(Number);
        expect(w).toBeCloseTo(ref[a][b], 4);
      }
    },
  );

  it("links no two papers that share only what it does not weigh", () => {
    const o = opts({ communityWeights: only({ authors: 1 }) });
    const out = similarPairs(internItems(papers), o);
    const authorsOf = papers.map(
      (list) => new Set(list.filter((it) => it.kind === "author").map((it) => it.node)),
    );
    for (const key of edges(out.network).keys()) {
      const [a, b] = key.split("-").map(Number);
      expect([...authorsOf[a]].some((x) => authorsOf[b].has(x))).toBe(true);
    }
    // The related papers still come from the tasks too.
    const shareNoAuthor = (e: number) =>
      ![...authorsOf[out.pairs[2 * e]]].some((x) => authorsOf[out.pairs[2 * e + 1]].has(x));
    expect(out.weights.some((_, e) => shareNoAuthor(e))).toBe(true);
  });
});

describe("buildGraph communities come from the community network", () => {
  it("an authors-only network puts in one community only papers linked by shared authors", () => {
    const built = buildGraph(seedExtracted(), {
      similarity: { communityWeights: only({ authors: 1 }) },
      communities: { minSize: 1 },
    });
    const { graph } = built;
    const papers = graph.filterNodes((_, a) => a.type === "paper");
    // Papers → their authors, and the components of the shared-author relation.
    const authorsOf = new Map(
      papers.map((p) => [
        p,
        new Set(
          graph.outNeighbors(p).filter((n) => graph.getNodeAttribute(n, "type") === "author"),
        ),
      ]),
    );
    const parent = new Map(papers.map((p) => [p, p]));
    const find = (p: string): string => (parent.get(p) === p ? p : find(parent.get(p) as string));
    for (const a of papers)
      for (const b of papers)
        if (a < b && [...(authorsOf.get(a) ?? [])].some((x) => authorsOf.get(b)?.has(x)))
          parent.set(find(a), find(b));
    const components = new Set(papers.map(find));
    const communities = new Set(papers.map((p) => graph.getNodeAttribute(p, "community")));
    for (const a of papers)
      for (const b of papers)
        if (graph.getNodeAttribute(a, "community") === graph.getNodeAttribute(b, "community"))
          expect(find(a), `${a} / ${b}`).toBe(find(b));
    expect(communities.size).toBeGreaterThanOrEqual(components.size);
    // The default network (text and authors) does join papers without a shared author.
    const byDefault = buildGraph(seedExtracted());
    const joined = papers.some((a) =>
      papers.some(
        (b) =>
          find(a) !== find(b) &&
          byDefault.graph.getNodeAttribute(a, "community") >= 0 &&
          byDefault.graph.getNodeAttribute(a, "community") ===
            byDefault.graph.getNodeAttribute(b, "community"),
      ),
    );
    expect(joined).toBe(true);
  });
});
