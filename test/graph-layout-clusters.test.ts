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

/** layoutView of `nodes` over their similar edges, with the default layout options and `over`. */
const lay = (g: Graph, nodes: string[], over: Partial<typeof DEFAULTS.layout> = {}) =>
  layoutView(g, nodes, new Set(["similar"]), "community", {
    ...DEFAULTS.layout,
    ...over,
  });

describe("layoutView on a view above clusterLayoutAbove", () => {
  const g = clustered(20, 150);
  const nodes = g.filterNodes((n) => n.startsWith("p"));
  const pos = lay(g, nodes);

  it("gives each community its own region: centroids further apart than their spreads", () => {
    // Two discs of radius r have rms r/√2 each; tangent discs are 1.41 (rms + rms) apart.
    expect(separation(g, pos, 20)).toBeGreaterThan(1);
    // ForceAtlas2 alone, with the iterations its budget allows at this size, mixes them.
    expect(separation(g, lay(g, nodes, { clusterLayoutAbove: 1e9 }), 20)).toBeLessThan(1);
  });

  it("is deterministic", () => {
    expect([...lay(g, nodes)]).toEqual([...pos]);
  });
});

describe("layoutView on a view with more communities than clusterLayoutMaxCommunities", () => {
  // A collaboration network: one big component of 20 communities (3,000 authors), plus 400 teams
  // of 3 on their own, each its own community: 420 communities in all, above the 300 default.
  const g = clustered(20, 150);
  for (let t = 0; t < 400; t++) {
    for (let i = 0; i < 3; i++) g.addNode(`p-team${t}-${i}`, { community: 20 + t, size: 2 });
    for (let i = 0; i < 3; i++)
      g.addUndirectedEdge(`p-team${t}-${i}`, `p-team${t}-${(i + 1) % 3}`, {
        type: "similar",
        weight: 1,
      });
  }
  const nodes = g.filterNodes((n) => n.startsWith("p"));
  const pos = lay(g, nodes);

  it("lays out the big component by community: its communities get their own regions", () => {
    expect(separation(g, pos, 20)).toBeGreaterThan(1);
    // Without the big-component rule (every component counted) the view falls back to
    // ForceAtlas2, which mixes them.
    expect(separation(g, lay(g, nodes, { clusterComponentMin: 1 }), 20)).toBeLessThan(1);
  });

  it("keeps every team together, apart from the big component", () => {
    const big = nodes.filter((n) => !n.startsWith("p-team"));
    const xs = big.map((n) => pos.get(n)?.x ?? 0);
    const ys = big.map((n) => pos.get(n)?.y ?? 0);
    const box = {
      x0: Math.min(...xs),
      x1: Math.max(...xs),
      y0: Math.min(...ys),
      y1: Math.max(...ys),
    };
    let inside = 0;
    for (let t = 0; t < 400; t++) {
      const team = [0, 1, 2].map((i) => pos.get(`p-team${t}-${i}`) as { x: number; y: number });
      const spread = Math.max(
        ...team.flatMap((a) => team.map((b) => Math.hypot(a.x - b.x, a.y - b.y))),
      );
      // a team is a tight group: far smaller than the big component
      expect(spread).toBeLessThan((box.x1 - box.x0) / 10);
      const [cx, cy] = [team[0].x, team[0].y];
      if (cx > box.x0 && cx < box.x1 && cy > box.y0 && cy < box.y1) inside++;
    }
    // packed around the big component, not on top of it
    expect(inside).toBeLessThan(40);
  });
});
