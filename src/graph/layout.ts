// Three seeded layouts (ForceAtlas2 + noverlap) and node sizes from degree centrality.
import type Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import noverlap from "graphology-layout-noverlap";
import { createRng } from "../common/rng.ts";
import { CLUSTER_DEFAULTS, communityCentres } from "./layout-clusters.ts";
import {
  INCREMENTAL_DEFAULTS,
  type IncrementalOptions,
  type LayoutSnapshot,
  placeIncrementally,
  type View,
  viewPositions,
} from "./layout-incremental.ts";
import { components, type Links, packComponents } from "./layout-pack.ts";
import type { LayoutOptions } from "./options.ts";
import { round4 } from "./similarity.ts";
import { type Networks, type SubNetwork, subKey, subNetwork } from "./subnetwork.ts";

/**
 * noverlap jitters nodes that sit on the exact same spot with Math.random (its Float32 matrix
 * makes that happen, e.g. for the 75 authors of one paper): run it with a seeded Math.random so
 * the same input gives the same layout.
 */
export function withSeededMathRandom<T>(seed: number, fn: () => T): T {
  const original = Math.random;
  Math.random = createRng(seed);
  try {
    return fn();
  } finally {
    Math.random = original;
  }
}

/** Iterations scaled down with size so a view costs about `budget` node-iterations. */
export function iterationsFor(order: number, opts: LayoutOptions): number {
  const scaled = Math.floor(opts.budget / Math.max(1, order));
  return Math.max(opts.minIterations, Math.min(opts.iterations, scaled));
}

/**
 * Lay out `nodes` linked by edges whose type is in `edgeTypes`. Initial positions: community
 * centres on a circle, members scattered around their centre (seeded); nodes without a
 * community anywhere on the disc. A view of more than `clusterLayoutAbove` nodes without start
 * positions takes its centres from a layout of its community graph instead and keeps the discs
 * (no ForceAtlas2 on every node). A view of more than `startOnlyAbove` nodes with start positions
 * keeps them (no ForceAtlas2). After ForceAtlas2 the connected components are rescaled to one
 * node density and packed around the biggest (layout-pack.ts), then noverlap. Returns rounded
 * positions. A view of part of the graph is laid out on its sub-network (`net`, or one built
 * here), which holds only undirected edges (similar, coauthor); the whole graph is laid out in
 * place, where edges of other types weigh 0 and join no component.
 */
export function layoutView(
  graph: Graph,
  nodes: string[],
  edgeTypes: Set<string>,
  communityAttr: string,
  opts: LayoutOptions,
  start?: Map<string, { x: number; y: number }>,
  net?: SubNetwork,
): Map<string, { x: number; y: number }> {
  const rng = createRng(opts.seed);
  // The whole graph (knowledge-graph view) is laid out in place, on its edges of `edgeTypes`:
  // copying 30k nodes and their edges into a sub-graph costs more than the layout itself.
  const inPlace = nodes.length === graph.order;
  const view = inPlace ? undefined : (net ?? subNetwork(graph, nodes, edgeTypes));
  // In place, an edge of another type weighs 0 (no pull) and links no component.
  const counts: Links = (a) => !inPlace || edgeTypes.has(a.type);
  const sub = view ? view.graph : graph;
  const communities = new Map<number, number>();
  for (const n of nodes) {
    const c = graph.getNodeAttribute(n, communityAttr) as number;
    communities.set(c, (communities.get(c) ?? 0) + 1);
  }
  const ids = [...communities.keys()].filter((c) => c >= 0).sort((a, b) => a - b);
  let radius = 10 * Math.sqrt(nodes.length + 1);
  let centre = new Map<number, [number, number]>();
  ids.forEach((c, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, ids.length);
    centre.set(c, [radius * Math.cos(angle), radius * Math.sin(angle)]);
  });
  // A big view without start positions is laid out by community (layout-clusters.ts).
  const members =
    !start && view !== undefined && nodes.length > opts.clusterLayoutAbove
      ? clusterMembers(graph, nodes, sub, communityAttr, ids.length, opts)
      : undefined;
  const byCluster = members !== undefined;
  if (members) {
    const edges: [number, number, number][] = [];
    sub.forEachEdge((_e, a, s, t) => {
      edges.push([Number(s.slice(1)), Number(t.slice(1)), a.weight]);
    });
    centre = communityCentres(members, edges, { ...CLUSTER_DEFAULTS, seed: opts.seed });
    // nodes without a community: anywhere within the centres' extent
    radius = Math.max(1, ...[...centre.values()].map(([x, y]) => Math.hypot(x, y))) / 1.5;
  }
  nodes.forEach((n, i) => {
    const c = graph.getNodeAttribute(n, communityAttr) as number;
    const [cx, cy] = centre.get(c) ?? [0, 0];
    const spread = c >= 0 ? 3 * Math.sqrt(communities.get(c) ?? 1) : radius * 1.5;
    const a = rng() * 2 * Math.PI;
    const r = spread * Math.sqrt(rng());
    const given = start?.get(n);
    const x = given ? given.x + Math.cos(a) : cx + r * Math.cos(a);
    const y = given ? given.y + Math.sin(a) : cy + r * Math.sin(a);
    if (inPlace) graph.mergeNodeAttributes(n, { x, y });
    else sub.mergeNodeAttributes(subKey(i), { x, y, size: graph.getNodeAttribute(n, "size") });
  });
  if (sub.order > 1) {
    const keepStart = start !== undefined && sub.order > opts.startOnlyAbove;
    if (!byCluster && !keepStart)
      forceAtlas2.assign(sub, {
        iterations: iterationsFor(sub.order, opts),
        settings: {
          ...forceAtlas2.inferSettings(sub),
          barnesHutOptimize: sub.order > opts.barnesHutAbove,
        },
        getEdgeWeight: (_e, a) => (counts(a) ? a.weight : 0),
      });
    // components to one density, packed around the biggest: no far-off isolates, no tight clumps
    packComponents(sub, undefined, view ? (k) => view.keys[Number(k.slice(1))] : undefined, counts);
    if (sub.order <= opts.noverlapMaxNodes)
      withSeededMathRandom(opts.seed, () =>
        noverlap.assign(sub, { maxIterations: opts.noverlapIterations, settings: { margin: 1 } }),
      );
  }
  const out = new Map<string, { x: number; y: number }>();
  sub.forEachNode((n, a) => {
    out.set(view ? view.keys[Number(n.slice(1))] : n, { x: round4(a.x), y: round4(a.y) });
  });
  return out;
}

/**
 * The community of each node of a big view for the community-first layout, or undefined when
 * the view has too many communities for it. With more than clusterLayoutMaxCommunities in all,
 * only nodes in connected components of at least clusterComponentMin nodes keep theirs (the
 * others get -1: no centre; they start around the origin and are packed with their component).
 */
function clusterMembers(
  graph: Graph,
  nodes: string[],
  sub: Graph,
  communityAttr: string,
  communityCount: number,
  opts: LayoutOptions,
): Int32Array | undefined {
  const members = Int32Array.from(nodes, (n) => graph.getNodeAttribute(n, communityAttr));
  if (communityCount <= opts.clusterLayoutMaxCommunities) return members;
  const big = new Uint8Array(nodes.length);
  for (const component of components(sub)) {
    if (component.length < opts.clusterComponentMin) break;
    for (const k of component) big[Number(k.slice(1))] = 1;
  }
  const kept = new Set<number>();
  members.forEach((c, i) => {
    if (!big[i]) members[i] = -1;
    else if (c >= 0) kept.add(c);
  });
  return kept.size > 0 && kept.size <= opts.clusterLayoutMaxCommunities ? members : undefined;
}

/** size = 2..20 from √degree in the whole graph. */
export function assignSizes(graph: Graph): void {
  // Degrees in node order, the order both walks take.
  const degrees = new Float64Array(graph.order);
  let i = 0;
  let max = 0;
  graph.forEachNode((n) => {
    const d = graph.degree(n);
    degrees[i++] = d;
    max = Math.max(max, d);
  });
  i = 0;
  // One pass, not a setNodeAttribute (and its event) per node.
  graph.updateEachNodeAttributes(
    (_n, a) => {
      const d = degrees[i++];
      a.size = round4(2 + (max > 0 ? (18 * Math.sqrt(d)) / Math.sqrt(max) : 0));
      return a;
    },
    { attributes: ["size"] },
  );
}

/**
 * Knowledge-graph start positions from the paper map: papers where the map put them, every other
 * node at the mean of its papers (parents without papers: of their children), then ForceAtlas2.
 */
function startFromMap(graph: Graph, map: Map<string, { x: number; y: number }>) {
  const start = new Map(map);
  const mean = (ps: { x: number; y: number }[]) =>
    ps.length
      ? {
          x: ps.reduce((acc, p) => acc + p.x, 0) / ps.length,
          y: ps.reduce((acc, p) => acc + p.y, 0) / ps.length,
        }
      : undefined;
  const others = graph.filterNodes((_, a) => a.type !== "paper");
  for (const n of others) {
    const ps: { x: number; y: number }[] = [];
    graph.forEachInNeighbor(n, (m) => {
      const p = map.get(m);
      if (p) ps.push(p);
    });
    const m = mean(ps);
    if (m) start.set(n, m);
  }
  for (const n of others) {
    if (start.has(n)) continue;
    const ps: { x: number; y: number }[] = [];
    graph.forEachInNeighbor(n, (m) => {
      const p = start.get(m);
      if (p) ps.push(p);
    });
    const m = mean(ps);
    if (m) start.set(n, m);
  }
  return start;
}

/**
 * Paper map (mapX, mapY), knowledge graph (x, y) started from it, collaboration network. With a
 * `previous` snapshot of the same layout options, each view whose nodes are mostly known keeps
 * the known positions and places only the new nodes (layout-incremental.ts); returns the views
 * placed that way.
 */
export function assignLayouts(
  graph: Graph,
  opts: LayoutOptions,
  previous?: LayoutSnapshot,
  incremental: IncrementalOptions = INCREMENTAL_DEFAULTS,
  nets: Networks = {},
): View[] {
  assignSizes(graph);
  const reuse = previous && previous.options === JSON.stringify(opts) ? previous : undefined;
  const reused: View[] = [];
  const view = (
    name: View,
    nodes: string[],
    types: Set<string>,
    community: string,
    start?: () => Map<string, { x: number; y: number }>,
    net?: () => SubNetwork,
    laidOutBy = types,
  ) => {
    const placed =
      reuse && placeIncrementally(graph, nodes, types, viewPositions(reuse, name), incremental);
    if (placed) reused.push(name);
    return placed || layoutView(graph, nodes, laidOutBy, community, opts, start?.(), net?.());
  };
  const papers = graph.filterNodes((_, a) => a.type === "paper");
  const map = view("map", papers, new Set(["similar"]), "community", undefined, nets.papers);
  const all = graph.nodes();
  const drawn = new Set(["authored", "has", "is-a", "cites"]);
  // all nodes: laid out in place over the edges this view draws; a new node is placed by its
  // neighbours over every edge type
  const kg = view(
    "kg",
    all,
    new Set([...drawn, "coauthor", "similar"]),
    "community",
    () => startFromMap(graph, map),
    undefined,
    drawn,
  );
  const authors = graph.filterNodes((_, a) => a.type === "author");
  const collab = view(
    "collab",
    authors,
    new Set(["coauthor"]),
    "collabCommunity",
    undefined,
    nets.authors,
  );
  // One pass for the three views (no view reads another's positions from the attributes).
  graph.updateEachNodeAttributes(
    (n, a) => {
      // Set in place, in this order (as Object.assign of each pair would), without temporaries.
      const m = map.get(n);
      const k = kg.get(n);
      const c = collab.get(n);
      if (m) {
        a.mapX = m.x;
        a.mapY = m.y;
      }
      if (k) {
        a.x = k.x;
        a.y = k.y;
      }
      if (c) {
        a.collabX = c.x;
        a.collabY = c.y;
      }
      return a;
    },
    { attributes: ["mapX", "mapY", "x", "y", "collabX", "collabY"] },
  );
  return reused;
}
