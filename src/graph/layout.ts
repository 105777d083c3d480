// Three seeded layouts (ForceAtlas2 + noverlap) and node sizes from degree centrality.
import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import noverlap from "graphology-layout-noverlap";
import { createRng } from "../common/rng.ts";
import type { LayoutOptions } from "./options.ts";
import { round4 } from "./similarity.ts";

/** Iterations scaled down with size: full count up to 1,000 nodes, then ∝ 1/√order. */
export function iterationsFor(order: number, opts: LayoutOptions): number {
  const scale = order <= 1000 ? 1 : Math.sqrt(1000 / order);
  return Math.max(opts.minIterations, Math.round(opts.iterations * scale));
}

/**
 * Lay out `nodes` linked by edges whose type is in `edgeTypes`. Initial positions: community
 * centres on a circle, members scattered around their centre (seeded); nodes without a
 * community anywhere on the disc. Returns rounded positions.
 */
export function layoutView(
  graph: Graph,
  nodes: string[],
  edgeTypes: Set<string>,
  communityAttr: string,
  opts: LayoutOptions,
): Map<string, { x: number; y: number }> {
  const rng = createRng(opts.seed);
  const sub = new Graph({ type: "undirected" });
  const communities = new Map<number, number>();
  for (const n of nodes) {
    const c = graph.getNodeAttribute(n, communityAttr) as number;
    communities.set(c, (communities.get(c) ?? 0) + 1);
  }
  const ids = [...communities.keys()].filter((c) => c >= 0).sort((a, b) => a - b);
  const radius = 10 * Math.sqrt(nodes.length + 1);
  const centre = new Map<number, [number, number]>();
  ids.forEach((c, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, ids.length);
    centre.set(c, [radius * Math.cos(angle), radius * Math.sin(angle)]);
  });
  for (const n of nodes) {
    const c = graph.getNodeAttribute(n, communityAttr) as number;
    const [cx, cy] = centre.get(c) ?? [0, 0];
    const spread = c >= 0 ? 3 * Math.sqrt(communities.get(c) ?? 1) : radius * 1.5;
    const a = rng() * 2 * Math.PI;
    const r = spread * Math.sqrt(rng());
    sub.addNode(n, {
      x: cx + r * Math.cos(a),
      y: cy + r * Math.sin(a),
      size: graph.getNodeAttribute(n, "size") as number,
    });
  }
  graph.forEachEdge((_, e, s, t) => {
    if (edgeTypes.has(e.type) && sub.hasNode(s) && sub.hasNode(t) && !sub.hasEdge(s, t))
      sub.addEdge(s, t, { weight: e.weight });
  });
  if (sub.order > 1) {
    const settings = {
      ...forceAtlas2.inferSettings(sub),
      barnesHutOptimize: sub.order > opts.barnesHutAbove,
    };
    forceAtlas2.assign(sub, {
      iterations: iterationsFor(sub.order, opts),
      settings,
      getEdgeWeight: "weight",
    });
    noverlap.assign(sub, { maxIterations: opts.noverlapIterations, settings: { margin: 1 } });
  }
  const out = new Map<string, { x: number; y: number }>();
  sub.forEachNode((n, a) => {
    out.set(n, { x: round4(a.x), y: round4(a.y) });
  });
  return out;
}

/** size = 2..20 from √degree in the whole graph. */
export function assignSizes(graph: Graph): void {
  let max = 0;
  graph.forEachNode((n) => {
    max = Math.max(max, graph.degree(n));
  });
  graph.forEachNode((n) => {
    const d = graph.degree(n);
    graph.setNodeAttribute(
      n,
      "size",
      round4(2 + (max > 0 ? (18 * Math.sqrt(d)) / Math.sqrt(max) : 0)),
    );
  });
}

export function assignLayouts(graph: Graph, opts: LayoutOptions): void {
  assignSizes(graph);
  const all = graph.nodes();
  const kg = layoutView(
    graph,
    all,
    new Set(["authored", "has", "is-a", "coauthor", "similar"]),
    "community",
    opts,
  );
  for (const [n, p] of kg) graph.mergeNodeAttributes(n, p);
  const papers = graph.filterNodes((_, a) => a.type === "paper");
  const map = layoutView(graph, papers, new Set(["similar"]), "community", opts);
  for (const [n, p] of map) graph.mergeNodeAttributes(n, { mapX: p.x, mapY: p.y });
  const authors = graph.filterNodes((_, a) => a.type === "author");
  const collab = layoutView(graph, authors, new Set(["coauthor"]), "collabCommunity", opts);
  for (const [n, p] of collab) graph.mergeNodeAttributes(n, { collabX: p.x, collabY: p.y });
}
