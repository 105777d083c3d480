// Big views are laid out by community: centres from the community graph, members in discs.
import Graph from "graphology";
import { describe, expect, it } from "vitest";
import { createRng } from "../src/common/rng.ts";
import { layoutView } from "../src/graph/layout.ts";
import { CLUSTER_DEFAULTS, communityCentres } from "../src/graph/layout-clusters.ts";
import { DEFAULTS } from "../src/graph/options.ts";

describe("communityCentres", () => {
  const members = Int32Array.from([0, 0, 0, 1, 1, 1, 2, 2, 2, -1]);
  const edges: [number, number, number][] = [
    [0, 1, 1],
    [3, 4, 1],
    [0, 3, 5],
    [6, 7, 1],
    [3, 6, 0.1],
  ];

  it("gives every community a centre and keeps discs of neighbours from overlapping much", () => {
    const c = communityCentres(members, edges);
    expect([...c.keys()].sort()).toEqual([0, 1, 2]);
    const r = CLUSTER_DEFAULTS.spread * Math.sqrt(3);
    const d = (a: number, b: number) =>
      Math.hypot(
        (c.get(a)?.[0] ?? 0) - (c.get(b)?.[0] ?? 0),
        (c.get(a)?.[1] ?? 0) - (c.get(b)?.[1] ?? 0),
      );
    for (const [a, b] of [
      [0, 1],
      [0, 2],
      [1, 2],
    ])
      expect(d(a, b)).toBeGreaterThanOrEqual((1 - CLUSTER_DEFAULTS.overlap) * 2 * r - 1e-9);
    // strongly linked communities end up nearer each other than weakly linked ones
    expect(d(0, 1)).toBeLessThan(d(0, 2));
  });

  it("is deterministic", () => {
    expect([...communityCentres(members, edges)]).toEqual([...communityCentres(members, edges)]);
  });
});

/**
 * `k` communities of `n` papers: three strong edges inside, one weaker edge to a random paper
 * anywhere (seeded). Big enough (3,000 papers) for ForceAtlas2's few iterations to mix them.
 */
function clustered(k: number, n: number): Graph {
  const g = new Graph({ type: "mixed" });
  const rng = createRng(3);
  for (let c = 0; c < k; c++)
    for (let i = 0; i < n; i++) g.addNode(`p${c}-${i}`, { community: c, size: 2 });
  const add = (a: string, b: string, weight: number) => {
    if (a !== b && !g.hasEdge(a, b)) g.addUndirectedEdge(a, b, { type: "similar", weight });
  };
  for (let c = 0; c < k; c++)
    for (let i = 0; i < n; i++) {
      for (let e = 0; e < 3; e++) add(`p${c}-${i}`, `p${c}-${Math.floor(rng() * n)}`, 2);
      add(`p${c}-${i}`, `p${Math.floor(rng() * k)}-${Math.floor(rng() * n)}`, 1);
    }
  // a node outside the view: the view is a sub-network, as the paper map and collaboration are
  g.addNode("author:x", { community: 0, size: 2 });
  return g;
}

/** The smallest distance between two community centroids over the sum of their rms spreads. */
function separation(g: Graph, pos: Map<string, { x: number; y: number }>, k: number): number {
  const stats = Array.from({ length: k }, (_, c) => {
    const ps = [...pos].filter(([n]) => g.getNodeAttribute(n, "community") === c).map(([, p]) => p);
    const x = ps.reduce((acc, p) => acc + p.x, 0) / ps.length;
    const y = ps.reduce((acc, p) => acc + p.y, 0) / ps.length;
    const rms = Math.sqrt(
      ps.reduce((acc, p) => acc + (p.x - x) ** 2 + (p.y - y) ** 2, 0) / ps.length,
    );
    return { x, y, rms };
  });
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < k; i++)
    for (let j = i + 1; j < k; j++)
      min = Math.min(
        min,
        Math.hypot(stats[i].x - stats[j].x, stats[i].y - stats[j].y) /
          (stats[i].rms + stats[j].rms),
      );
  return min;
}

describe("layoutView on a view above clusterLayoutAbove", () => {
  const g = clustered(20, 150);
  const nodes = g.filterNodes((n) => n.startsWith("p"));
  const similar = new Set(["similar"]);
  const pos = layoutView(g, nodes, similar, "community", DEFAULTS.layout);

  it("gives each community its own region: centroids further apart than their spreads", () => {
    // Two discs of radius r have rms r/√2 each; tangent discs are 1.41 (rms + rms) apart.
    expect(separation(g, pos, 20)).toBeGreaterThan(1);
    // ForceAtlas2 alone, with the iterations its budget allows at this size, mixes them.
    const fa2 = layoutView(g, nodes, similar, "community", {
      ...DEFAULTS.layout,
      clusterLayoutAbove: 1e9,
    });
    expect(separation(g, fa2, 20)).toBeLessThan(1);
  });

  it("is deterministic", () => {
    expect([...layoutView(g, nodes, similar, "community", DEFAULTS.layout)]).toEqual([...pos]);
  });
});
