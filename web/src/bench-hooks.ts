// Measurements bench/web.ts runs inside the page through window.litgraph (read-only otherwise).
import type { Renderer } from "./renderer.ts";
import type { Store } from "./state.ts";

/**
 * Script time of the highlight reducers per frame: with `key` selected (its neighbourhood
 * highlighted, the rest greyed: on a view of 5,000+ edges a hover is drawn by the overlay
 * instead, hover-overlay.ts, so the selection is the reducers' worst case), every node and edge
 * of the view through nodeReducer / edgeReducer once, as sigma does on each refresh (sigma hands
 * each reducer a fresh copy of the attributes; the copies are made outside the timed part). Also
 * the time of one sigma.refresh in that state. Restores the selection.
 */
export function reducerCost(
  renderer: Renderer,
  store: Store,
  key: string,
  frames: number,
): { reducers: number[]; withRefresh: number[] } {
  const graph = renderer.view().graph;
  const { node, edge } = renderer.reducers;
  const selection = store.get().selection;
  store.set({ selection: key });
  const reducers: number[] = [];
  const withRefresh: number[] = [];
  for (let f = 0; f < frames; f++) {
    const nodes: [string, never][] = [];
    const edges: [string, never][] = [];
    graph.forEachNode((k, a) => {
      nodes.push([k, { ...a } as never]);
    });
    graph.forEachEdge((k, a) => {
      edges.push([k, { ...a } as never]);
    });
    const t0 = performance.now();
    for (const [k, a] of nodes) node(k, a);
    for (const [k, a] of edges) edge(k, a);
    reducers.push(performance.now() - t0);
    const t1 = performance.now();
    renderer.sigma.refresh({ skipIndexation: true });
    withRefresh.push(performance.now() - t1);
  }
  store.set({ selection });
  return { reducers, withRefresh };
}

/** Time of one sigma.refresh (nothing hovered), with the view's reducers or with none. */
export function refreshCost(renderer: Renderer, frames: number, reducers: boolean): number[] {
  const { sigma } = renderer;
  if (!reducers) sigma.setSettings({ nodeReducer: null, edgeReducer: null });
  const out: number[] = [];
  for (let f = 0; f < frames; f++) {
    const t0 = performance.now();
    sigma.refresh({ skipIndexation: true });
    out.push(performance.now() - t0);
  }
  if (!reducers)
    sigma.setSettings({ nodeReducer: renderer.reducers.node, edgeReducer: renderer.reducers.edge });
  return out;
}
