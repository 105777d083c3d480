// Consensus clustering (communities.ts, options.communities.consensus*): run on a real kNN
// network, the AAAI 2022 slice of test/fixtures/relatedness (see its ORIGIN.md).
import Graph from "graphology";
import louvain from "graphology-communities-louvain";
import { describe, expect, it } from "vitest";
import { createRng } from "../src/common/rng.ts";
import { extractPapers } from "../src/extract/index.ts";
import { louvainOn, runResolution } from "../src/graph/communities.ts";
import { buildGraph } from "../src/graph/index.ts";
import { type CommunityOptions, DEFAULTS } from "../src/graph/options.ts";
import { ingestTexts } from "../src/ingest/index.ts";
import slice from "./fixtures/relatedness/aaai2022-slice.json" with { type: "json" };

const papersOf = (g: Graph) => g.filterNodes((_, a) => a.type === "paper");
const opts = (o: Partial<CommunityOptions>): CommunityOptions => ({
  ...DEFAULTS.communities,
  ...o,
});

/** Two 5-cliques joined by one edge, and a node hanging between them by weak edges. */
function bridged(): Graph {
  const g = new Graph({ type: "undirected" });
  const add = (a: string, b: string, w: number) => {
    for (const n of [a, b]) if (!g.hasNode(n)) g.addNode(n, { type: "paper" });
    g.addEdge(a, b, { type: "similar", weight: w });
  };
  for (const side of ["a", "b"])
    for (let i = 0; i < 5; i++)
      for (let j = i + 1; j < 5; j++) add(`${side}${i}`, `${side}${j}`, 1);
  add("a0", "b0", 1);
  add("x", "a1", 0.2);
  add("x", "b1", 0.2);
  return g;
}

describe("consensus clustering", () => {
  it("with one run is graphology's Louvain with the seed", () => {
    const g = bridged();
    const nodes = g.nodes();
    const ours = louvainOn(g, nodes, "similar", opts({ consensusRuns: 1, minSize: 1 }));
    const net = louvain(g, { rng: createRng(DEFAULTS.communities.seed), getEdgeWeight: "weight" });
    const same = (a: string, b: string) => (ours.get(a) === ours.get(b)) === (net[a] === net[b]);
    for (const a of nodes) for (const b of nodes) expect(same(a, b)).toBe(true);
  });

  it.each([
    ["a1", "a4", true],
    ["b1", "b4", true],
    ["a1", "b1", false],
  ])("keeps what every run agrees on: %s with %s together = %s", (a, b, together) => {
    const c = louvainOn(bridged(), bridged().nodes(), "similar", opts({ minSize: 1 }));
    expect(c.get(a) === c.get(b)).toBe(together);
  });

  const file = "test/fixtures/relatedness/aaai2022-slice.json";
  const ingested = ingestTexts([{ file, text: JSON.stringify(slice) }], {
    asOf: new Date("2026-12-07"),
  });
  const papers = extractPapers(ingested.papers);
  const build = (o: Partial<CommunityOptions>) => buildGraph(papers, { communities: o }).graph;

  it("is the same partition on every build of the same papers", () => {
    const [g1, g2] = [build({}), build({})];
    for (const p of papersOf(g1))
      expect(g1.getNodeAttribute(p, "community")).toBe(g2.getNodeAttribute(p, "community"));
  });

  it("falls back to one Louvain run above consensusMaxNodes", () => {
    const capped = build({ consensusMaxNodes: 1 });
    const plain = build({ consensusRuns: 1 });
    for (const p of papersOf(plain))
      expect(capped.getNodeAttribute(p, "community")).toBe(plain.getNodeAttribute(p, "community"));
  });

  // On these 48 papers the default consensus (threshold 0.7) happens to give plain Louvain's
  // partition; where every run must agree, the edges they disagree on go and it differs.
  it("differs from one Louvain run on a real kNN network (the runs disagree on some edges)", () => {
    const consensus = build({ consensusThreshold: 1 });
    const plain = build({ consensusRuns: 1 });
    const differ = papersOf(plain).some(
      (p) => consensus.getNodeAttribute(p, "community") !== plain.getNodeAttribute(p, "community"),
    );
    expect(differ).toBe(true);
  });

  it.each([
    [{ consensusRuns: 10, consensusSpread: 0.3, resolution: 1 }, [0.7, 1, 1.3]],
    [{ consensusRuns: 5, consensusSpread: 0.5, resolution: 2 }, [1, 2, 3]],
    [{ consensusRuns: 10, consensusSpread: 0, resolution: 1.2 }, [1.2, 1.2, 1.2]],
    [{ consensusRuns: 1, consensusSpread: 0.3, resolution: 1 }, [1, 1, 1]],
  ])("spreads the runs' resolutions evenly: %o → first, mean, last %o", (o, [first, mid, last]) => {
    const c = opts(o);
    const rs = Array.from({ length: c.consensusRuns }, (_, r) => runResolution(c, r));
    expect(rs[0]).toBeCloseTo(first, 10);
    expect(rs.reduce((a, b) => a + b, 0) / rs.length).toBeCloseTo(mid, 10);
    expect(rs[rs.length - 1]).toBeCloseTo(last, 10);
  });

  it("with a wide spread differs from runs at one resolution on a real kNN network", () => {
    const flat = build({ consensusSpread: 0 });
    const wide = build({ consensusSpread: 0.9 });
    const differ = papersOf(flat).some(
      (p) => wide.getNodeAttribute(p, "community") !== flat.getNodeAttribute(p, "community"),
    );
    expect(differ).toBe(true);
  });
});
