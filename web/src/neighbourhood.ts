// Which nodes are highlighted around a focus node, and which the filters leave visible.
import { type Filters, NODE_TYPES } from "./state.ts";
import type { ViewGraph } from "./views.ts";

/** The node and every node within `depth` hops of it (breadth-first). */
export function neighbourhood(graph: ViewGraph, node: string, depth: number): Set<string> {
  const seen = new Set<string>();
  if (!graph.hasNode(node)) return seen;
  seen.add(node);
  let frontier = [node];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const n of frontier)
      graph.forEachNeighbor(n, (m) => {
        if (seen.has(m)) return;
        seen.add(m);
        next.push(m);
      });
    frontier = next;
  }
  return seen;
}

/** Nodes the filters leave visible, or null when no filter is active (all visible). */
export function visibleNodes(graph: ViewGraph, f: Filters): Set<string> | null {
  const allTypes = f.types.length === NODE_TYPES.length;
  const years = f.yearMin !== null || f.yearMax !== null;
  if (allTypes && !years && f.community === null && f.minPapers <= 1) return null;
  const lo = f.yearMin ?? Number.NEGATIVE_INFINITY;
  const hi = f.yearMax ?? Number.POSITIVE_INFINITY;
  const types = new Set<string>(f.types);
  const out = new Set<string>();
  graph.forEachNode((key, a) => {
    if (!types.has(a.kind)) return;
    if (f.community !== null && a.community !== f.community) return;
    if (a.kind === "author" && a.papers < f.minPapers) return;
    if (years && (a.yearMin === null || a.yearMax === null || a.yearMax < lo || a.yearMin > hi))
      return;
    out.add(key);
  });
  return out;
}

/** Edges with both ends in `nodes`, from the nodes' own edges (O(sum of their degrees)). */
export function edgesWithin(graph: ViewGraph, nodes: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const n of nodes)
    graph.forEachEdge(n, (e, _a, s, t) => {
      if (nodes.has(s) && nodes.has(t)) out.add(e);
    });
  return out;
}

/**
 * The focus (rank 0) and at most `limit` other members of its neighbourhood `near`, strongest
 * first (ranks 1, 2, …): by the weight of their edge to the focus, then by size. These are the
 * ones labelled, so that a node with a hundred neighbours still shows the names that matter.
 */
export function strongestNeighbours(
  graph: ViewGraph,
  focus: string,
  near: ReadonlySet<string>,
  limit: number,
): Map<string, number> {
  const weight = new Map<string, number>();
  for (const n of near) if (n !== focus) weight.set(n, 0);
  if (graph.hasNode(focus))
    graph.forEachEdge(focus, (_e, a, s, t) => {
      const other = s === focus ? t : s;
      const w = weight.get(other);
      if (w !== undefined) weight.set(other, Math.max(w, a.weight));
    });
  const size = (n: string) => graph.getNodeAttribute(n, "size");
  const order = [...weight.keys()].sort(
    (a, b) => (weight.get(b) ?? 0) - (weight.get(a) ?? 0) || size(b) - size(a) || (a < b ? -1 : 1),
  );
  return new Map<string, number>([
    [focus, 0],
    ...order.slice(0, limit).map((n, i): [string, number] => [n, i + 1]),
  ]);
}
