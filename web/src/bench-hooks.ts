// The measurement and test hooks of the bench build (web/src/bench-main.ts; never in the shipped
// app): the timing marks window.__parsed / __rendered / __firstFrame / __ready that bench/web.ts
// reads (the bare sigma page of bench/bare/ sets the same), and window.litgraph, read-only views
// of the session for the browser tests and bench/web.ts.
import { installProbe, type SessionInternals } from "./probe.ts";
import type { Renderer } from "./renderer.ts";
import type { Store } from "./state.ts";

const marks = window as unknown as Record<string, number | undefined>;

installProbe({
  parsed() {
    marks.__parsed = performance.now();
  },
  // The first render has returned, and two animation frames later the frame holding it has
  // been drawn.
  rendered() {
    if (marks.__firstFrame !== undefined) return;
    marks.__rendered = performance.now();
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        marks.__firstFrame = performance.now();
      }),
    );
  },
  ready() {
    marks.__ready = performance.now();
  },
  views() {
    marks.__views = performance.now();
  },
  session(s) {
    (window as unknown as { litgraph: unknown }).litgraph = sessionHooks(s);
  },
});

/** Where a node is on screen, what is drawn, the current state; reducer and refresh costs. */
function sessionHooks({ store, renderer, graphArea, select, lastExport }: SessionInternals) {
  return {
    state: () => store.get(),
    nodePosition(key: string) {
      const { sigma } = renderer;
      const d = sigma.getNodeDisplayData(key);
      if (!d) return null;
      const p = sigma.framedGraphToViewport(d);
      const r = graphArea.getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    },
    /** What sigma draws for a node after the reducers: colour, hidden, highlighted. */
    nodeDisplay(key: string) {
      const d = renderer.sigma.getNodeDisplayData(key);
      if (d) return { color: d.color, hidden: d.hidden, highlighted: d.highlighted };
      // a node a filter leaves out of a big view's drawn graph (renderer.ts drawnGraph)
      return renderer.view().graph.hasNode(key)
        ? { color: "", hidden: true, highlighted: false }
        : null;
    },
    viewNodes: () => renderer.view().graph.order,
    viewEdges: () => renderer.view().graph.size,
    displayedLabels: () => renderer.sigma.getNodeDisplayedLabels().size,
    drawnLabels: () => renderer.drawnLabels(),
    /** Nodes and edges sigma draws (not hidden by the reducers) and the labels drawn: for bench. */
    shown() {
      const { sigma } = renderer;
      const g = renderer.view().graph;
      let nodes = 0;
      let edges = 0;
      g.forEachNode((k) => {
        const d = sigma.getNodeDisplayData(k);
        if (d && !d.hidden) nodes++;
      });
      g.forEachEdge((k) => {
        const d = sigma.getEdgeDisplayData(k);
        if (d && !d.hidden) edges++;
      });
      return { nodes, edges, labels: renderer.drawnLabels().length };
    },
    /** Frames sigma has drawn since the session started (every scene): a step's cost in draws. */
    renders: () => renderer.scenes().reduce((n, s) => n + s.drawn, 0),
    /** Full index passes (every node and edge) since the session started (every scene). */
    indexings: () => renderer.scenes().reduce((n, s) => n + s.indexed, 0),
    /** Each scene (one per view shown, one for a big view's filtered part): counts, shown. */
    scenes: () => renderer.scenes(),
    /** WebGL canvases in the graph area (three per scene; Chromium keeps about 16 per page). */
    webglCanvases: () =>
      [...graphArea.querySelectorAll("canvas")].filter((c) =>
        /edges|nodes|hoverNodes/.test(c.className),
      ).length,
    reducerCost: (key: string, frames: number) => reducerCost(renderer, store, key, frames),
    refreshCost: (frames: number, reducers: boolean) => refreshCost(renderer, frames, reducers),
    hidesEdgesOnMove: () => renderer.sigma.getSetting("hideEdgesOnMove"),
    hoverOverlay: () => renderer.hoverOverlay(),
    /** The last whole-graph export's layout (no pixels): for tests. */
    lastExport: () => {
      const e = lastExport();
      return (
        e && {
          width: e.canvas.width,
          height: e.canvas.height,
          graph: e.graph,
          nodeLabels: e.nodeLabels,
          communityLabels: e.communityLabels,
          legend: e.legend,
        }
      );
    },
    select,
  };
}

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
