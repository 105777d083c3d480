// Community centres for a big view, from a layout of its community graph. ForceAtlas2 on
// thousands of nodes gets only a few iterations within the layout budget, and a few iterations
// scramble communities into one disc; the community graph (one node per community, edges
// weighted by the association strength of the similar/coauthor weight between two communities)
// is small and gets a full layout. Members then sit in a disc around their community's centre:
// each research cluster has its own region, and related clusters are neighbours.
import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import { createRng } from "../common/rng.ts";

export interface ClusterLayoutOptions {
  /** ForceAtlas2 iterations on a small community graph (default 500). */
  iterations: number;
  /**
   * Node-iterations for the community graph (default 200,000): a graph of many communities gets
   * fewer iterations, never under 50, and Barnes-Hut above 1,000 communities.
   */
  budget: number;
  /** Disc radius of a community of n members: spread·√n (default 3, as the initial discs). */
  spread: number;
  /**
   * Share of the discs' radii two neighbouring discs may overlap by; negative: the gap kept
   * between them (default -0.25). With 0.1, the 80 communities of the 6,318-paper map touched
   * one another in one disc; with a gap each reads as a region of its own (looked at in headless
   * Chromium on that map, AAAI 2022's and the collaboration network).
   */
  overlap: number;
  /** rng seed for the community graph's initial positions (default 7). */
  seed: number;
}

export const CLUSTER_DEFAULTS: ClusterLayoutOptions = {
  iterations: 500,
  budget: 200_000,
  spread: 3,
  overlap: -0.25,
  seed: 7,
};

/**
 * Centre of each community (id ≥ 0) from `members` (community id per node index) and the view's
 * weighted edges (node indices). Deterministic: seeded start positions.
 */
export function communityCentres(
  members: Int32Array,
  edges: Iterable<[number, number, number]>,
  opts: ClusterLayoutOptions = CLUSTER_DEFAULTS,
): Map<number, [number, number]> {
  const sizes = new Map<number, number>();
  for (const c of members) if (c >= 0) sizes.set(c, (sizes.get(c) ?? 0) + 1);
  const ids = [...sizes.keys()].sort((a, b) => a - b);
  const out = new Map<number, [number, number]>();
  if (ids.length === 0) return out;
  const meta = new Graph({ type: "undirected" });
  const rng = createRng(opts.seed);
  const spread = 10 * Math.sqrt(ids.length);
  for (const c of ids)
    meta.addNode(String(c), {
      x: spread * (rng() - 0.5),
      y: spread * (rng() - 0.5),
      size: Math.sqrt(sizes.get(c) ?? 1),
    });
  // Weight between two communities, keyed a·span + b (a < b): no string keys per edge.
  const span = ids[ids.length - 1] + 1;
  const between = new Map<number, number>();
  for (const [s, t, w] of edges) {
    const [a, b] = [members[s], members[t]];
    if (a < 0 || b < 0 || a === b) continue;
    const key = a < b ? a * span + b : b * span + a;
    between.set(key, (between.get(key) ?? 0) + w);
  }
  for (const key of [...between.keys()].sort((x, y) => x - y)) {
    const [a, b] = [Math.floor(key / span), key % span];
    const w = (between.get(key) ?? 0) / Math.sqrt((sizes.get(a) ?? 1) * (sizes.get(b) ?? 1));
    meta.addEdge(String(a), String(b), { weight: w });
  }
  if (meta.order > 1)
    forceAtlas2.assign(meta, {
      iterations: Math.min(opts.iterations, Math.max(50, Math.floor(opts.budget / meta.order))),
      settings: {
        ...forceAtlas2.inferSettings(meta),
        adjustSizes: true,
        barnesHutOptimize: meta.order > 1000,
      },
      getEdgeWeight: "weight",
    });
  // Scale so that no disc overlaps its nearest neighbour's by more than `overlap` of their radii'
  // sum (or, with a negative `overlap`, keeps that share of it as a gap); one pair that ForceAtlas2 left on one spot must not blow the whole map up, so the scale
  // is at most 4× the median community's need.
  const radii = ids.map((c) => opts.spread * Math.sqrt(sizes.get(c) ?? 1));
  const at = ids.map((c) => meta.getNodeAttributes(String(c)) as { x: number; y: number });
  const needs: number[] = [];
  for (let i = 0; i < ids.length; i++) {
    let worst = 0;
    for (let j = 0; j < ids.length; j++) {
      if (i === j) continue;
      const dx = at[i].x - at[j].x;
      const dy = at[i].y - at[j].y;
      const d = Math.sqrt(dx * dx + dy * dy);
      worst = Math.max(worst, ((1 - opts.overlap) * (radii[i] + radii[j])) / Math.max(d, 1e-9));
    }
    needs.push(worst);
  }
  const sorted = [...needs].sort((a, b) => a - b);
  const median = sorted[sorted.length >> 1] ?? 1;
  const k = ids.length === 1 ? 1 : Math.min(sorted[sorted.length - 1], 4 * median);
  ids.forEach((c, i) => {
    out.set(c, [at[i].x * k, at[i].y * k]);
  });
  return out;
}
