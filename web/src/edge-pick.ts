// A click on a `has` edge of the knowledge graph opens its evidence: the edge drawn nearest to the
// click is found on click only (sigma's own edge picking would draw every edge a second time in
// every frame).
import type { ViewSigma } from "./scenes.ts";
import type { View } from "./views.ts";

/** How close to a drawn `has` edge a click must be to open it (px). */
export const EDGE_CLICK_PX = 5;

/** Which edges are drawn (null: all of them). */
export interface DrawnEdges {
  visibleEdges: ReadonlySet<string> | null;
  nearEdges: ReadonlySet<string> | null;
}

/**
 * The `has` edge drawn nearest to a viewport point, within EDGE_CLICK_PX, as [paper, concept];
 * null on other views or when none is that close.
 */
export function hasEdgeAt(
  sigma: ViewSigma,
  view: View,
  drawn: DrawnEdges,
  x: number,
  y: number,
): [string, string] | null {
  if (view.name !== "knowledge") return null;
  const g = view.graph;
  const { visibleEdges, nearEdges } = drawn;
  let best: [string, string] | null = null;
  let bestD = EDGE_CLICK_PX;
  const at = (n: string) => {
    const d = sigma.getNodeDisplayData(n);
    return d && !d.hidden ? sigma.framedGraphToViewport(d) : null;
  };
  g.forEachEdge((e, a, s, t) => {
    if (a.kind !== "has") return;
    if ((visibleEdges && !visibleEdges.has(e)) || (nearEdges && !nearEdges.has(e))) return;
    const p = at(s);
    const q = at(t);
    if (!p || !q) return;
    // distance from (x, y) to the segment p–q
    const dx = q.x - p.x;
    const dy = q.y - p.y;
    const len = dx * dx + dy * dy;
    const u = len ? Math.max(0, Math.min(1, ((x - p.x) * dx + (y - p.y) * dy) / len)) : 0;
    const d = Math.hypot(x - (p.x + u * dx), y - (p.y + u * dy));
    if (d < bestD) {
      bestD = d;
      best = g.getNodeAttribute(s, "kind") === "paper" ? [s, t] : [t, s];
    }
  });
  return best;
}
