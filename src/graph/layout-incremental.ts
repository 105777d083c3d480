// Incremental layout: a rebuild that adds a few papers keeps the previous build's positions and
// places only the new nodes, at the weighted mean of their already-placed neighbours. A rebuild
// then costs what the new papers cost, and the researcher's map does not reshuffle.
import type Graph from "graphology";
import { z } from "zod";
import { createRng } from "../common/rng.ts";
import { round4 } from "./similarity.ts";

/**
 * One node's positions in the three views (absent where the view does not show the node), and
 * its communities.
 */
export const NodePositions = z.object({
  x: z.number(),
  y: z.number(),
  mapX: z.number().optional(),
  mapY: z.number().optional(),
  collabX: z.number().optional(),
  collabY: z.number().optional(),
  community: z.number().int().optional(),
  collabCommunity: z.number().int().optional(),
});
export type NodePositions = z.infer<typeof NodePositions>;

/** The positions of a whole build, keyed by node key, with the layout options they came from. */
export const LayoutSnapshot = z.object({
  version: z.literal(1),
  /** JSON of the layout options: positions from other options are not reused. */
  options: z.string(),
  /** JSON of the community options: communities from other options are not reused. */
  communityOptions: z.string().optional(),
  nodes: z.record(z.string(), NodePositions),
});
export type LayoutSnapshot = z.infer<typeof LayoutSnapshot>;

export interface IncrementalOptions {
  /**
   * Reuse the previous positions only when at least this share of a view's nodes has one
   * (default 0.8); below it the view is laid out from scratch.
   */
  minKnownShare: number;
  /** Placement passes: a new node placed in pass k can anchor another in pass k+1 (default 3). */
  passes: number;
  /** rng seed for the small offset that keeps new nodes off their anchor's exact spot (default 7). */
  seed: number;
}

export const INCREMENTAL_DEFAULTS: IncrementalOptions = { minKnownShare: 0.8, passes: 3, seed: 7 };

type XY = { x: number; y: number };
const VIEW_ATTRS = {
  kg: ["x", "y"],
  map: ["mapX", "mapY"],
  collab: ["collabX", "collabY"],
} as const;
export type View = keyof typeof VIEW_ATTRS;

/** The positions of every node of a laid-out graph (what the next incremental build starts from). */
export function layoutSnapshot(
  graph: Graph,
  layoutOptions: unknown,
  communityOptions?: unknown,
): LayoutSnapshot {
  const nodes: Record<string, NodePositions> = {};
  graph.forEachNode((n, a) => {
    const p: NodePositions = { x: a.x, y: a.y, community: a.community };
    if (a.type === "paper") Object.assign(p, { mapX: a.mapX, mapY: a.mapY });
    if (a.type === "author")
      Object.assign(p, {
        collabX: a.collabX,
        collabY: a.collabY,
        collabCommunity: a.collabCommunity,
      });
    nodes[n] = p;
  });
  return {
    version: 1,
    options: JSON.stringify(layoutOptions),
    ...(communityOptions === undefined
      ? {}
      : { communityOptions: JSON.stringify(communityOptions) }),
    nodes,
  };
}

/** A snapshot's nodes as [key, positions] pairs, listed once per snapshot (five readers). */
const entryLists = new WeakMap<LayoutSnapshot, [string, NodePositions][]>();
function entriesOf(snapshot: LayoutSnapshot): [string, NodePositions][] {
  let list = entryLists.get(snapshot);
  if (!list) {
    list = Object.entries(snapshot.nodes);
    entryLists.set(snapshot, list);
  }
  return list;
}

/** A snapshot's communities (`community` or `collabCommunity`) by node key. */
export function snapshotCommunities(
  snapshot: LayoutSnapshot,
  attr: "community" | "collabCommunity",
): Map<string, number> {
  const out = new Map<string, number>();
  for (const [key, p] of entriesOf(snapshot)) {
    const c = p[attr];
    if (c !== undefined) out.set(key, c);
  }
  return out;
}

/** A snapshot's positions for one view. */
export function viewPositions(snapshot: LayoutSnapshot, view: View): Map<string, XY> {
  const [ax, ay] = VIEW_ATTRS[view];
  const out = new Map<string, XY>();
  for (const [key, p] of entriesOf(snapshot)) {
    const x = p[ax];
    const y = p[ay];
    if (x !== undefined && y !== undefined) out.set(key, { x, y });
  }
  return out;
}

/**
 * The shared walk of placeIncrementally and assignIncrementally: known nodes keep their value;
 * the others get `decide(neighbours)` from their already-valued neighbours over `edgeTypes`
 * (value and edge weight), in passes, so a node valued in pass k can serve another in pass k+1
 * (values of one pass are stored after it: no dependence on order within a pass). Returns the
 * values and the nodes still without one, or null when too few nodes are known.
 */
function fillIncrementally<V>(
  graph: Graph,
  nodes: string[],
  edgeTypes: Set<string>,
  known: Map<string, V>,
  opts: IncrementalOptions,
  decide: (neighbours: { value: V; weight: number }[]) => V | undefined,
): { out: Map<string, V>; left: string[] } | null {
  const out = new Map<string, V>();
  let todo: string[] = [];
  for (const n of nodes) {
    const v = known.get(n);
    if (v === undefined) todo.push(n);
    else out.set(n, v);
  }
  if (nodes.length === 0 || out.size < opts.minKnownShare * nodes.length) return null;
  const inView = new Set(nodes);
  for (let pass = 0; pass < opts.passes && todo.length > 0; pass++) {
    const found = new Map<string, V>();
    const left: string[] = [];
    for (const n of todo) {
      const neighbours: { value: V; weight: number }[] = [];
      graph.forEachEdge(n, (_e, a, s, t) => {
        const m = s === n ? t : s;
        const value = out.get(m);
        if (value === undefined || !edgeTypes.has(a.type) || !inView.has(m)) return;
        neighbours.push({
          value,
          weight: typeof a.weight === "number" && a.weight > 0 ? a.weight : 1,
        });
      });
      const v = decide(neighbours);
      if (v === undefined) left.push(n);
      else found.set(n, v);
    }
    for (const [n, v] of found) out.set(n, v);
    todo = left;
  }
  return { out, left: todo };
}

/**
 * Positions for `nodes` from `known`, or null when too few of them are known. Known nodes keep
 * their place; a new node goes to the weighted mean of its placed neighbours (over `edgeTypes`)
 * plus a small seeded offset; nodes with no placed neighbour at all go on a ring just outside
 * the known layout, in key order.
 */
export function placeIncrementally(
  graph: Graph,
  nodes: string[],
  edgeTypes: Set<string>,
  known: Map<string, XY>,
  opts: IncrementalOptions = INCREMENTAL_DEFAULTS,
): Map<string, XY> | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  let count = 0;
  for (const n of nodes) {
    const p = known.get(n);
    if (!p) continue;
    count++;
    minX = Math.min(minX, p.x);
    maxX = Math.max(maxX, p.x);
    minY = Math.min(minY, p.y);
    maxY = Math.max(maxY, p.y);
  }
  // Mean spacing between known nodes: offsets of about half of it keep new nodes apart.
  const spacing = Math.sqrt(((maxX - minX) * (maxY - minY)) / Math.max(1, count)) || 1;
  const rng = createRng(opts.seed);
  const filled = fillIncrementally(graph, nodes, edgeTypes, known, opts, (neighbours) => {
    if (neighbours.length === 0) return undefined;
    let [sx, sy, sw] = [0, 0, 0];
    for (const { value, weight } of neighbours) {
      sx += weight * value.x;
      sy += weight * value.y;
      sw += weight;
    }
    const angle = rng() * 2 * Math.PI;
    const r = 0.5 * spacing * Math.sqrt(rng());
    return { x: round4(sx / sw + r * Math.cos(angle)), y: round4(sy / sw + r * Math.sin(angle)) };
  });
  if (!filled) return null;
  const { out, left } = filled;
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  const ring = Math.max(maxX - minX, maxY - minY) / 2 + spacing;
  left.forEach((n, i) => {
    const angle = (2 * Math.PI * i) / left.length;
    out.set(n, { x: round4(cx + ring * Math.cos(angle)), y: round4(cy + ring * Math.sin(angle)) });
  });
  return out;
}

/**
 * Communities for `nodes` from `known`, or null when too few of them are known: known nodes keep
 * theirs; a new node takes the community most of its already-assigned neighbours (over
 * `edgeTypes`, weighted) are in, ties to the smaller id, or -1 when none is assigned.
 */
export function assignIncrementally(
  graph: Graph,
  nodes: string[],
  edgeTypes: Set<string>,
  known: Map<string, number>,
  opts: IncrementalOptions = INCREMENTAL_DEFAULTS,
): Map<string, number> | null {
  const filled = fillIncrementally(graph, nodes, edgeTypes, known, opts, (neighbours) => {
    const votes = new Map<number, number>();
    for (const { value, weight } of neighbours)
      if (value >= 0) votes.set(value, (votes.get(value) ?? 0) + weight);
    let best = -1;
    let bestVotes = 0;
    for (const [c, v] of votes)
      if (v > bestVotes || (v === bestVotes && c < best)) [best, bestVotes] = [c, v];
    return best >= 0 ? best : undefined;
  });
  if (!filled) return null;
  for (const n of filled.left) filled.out.set(n, -1);
  return filled.out;
}
