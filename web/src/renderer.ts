// Sigma renderer for one view at a time: colours, hover/selection neighbourhoods and filters all
// go through nodeReducer/edgeReducer; community labels are drawn at the cluster centres. Each view
// is drawn by a sigma of its own, kept when another view is shown (scenes.ts).
import Graph from "graphology";
import type { CameraState, EdgeDisplayData, NodeDisplayData } from "sigma/types";
import { createCameraMoves } from "./camera-moves.ts";
import { nodeColouring } from "./colouring.ts";
import { communityColour, GREYED } from "./colours.ts";
import { drawCommunityLabels } from "./community-labels.ts";
import { el } from "./dom.ts";
import { hasEdgeAt } from "./edge-pick.ts";
import { HOVER_OVERLAY_MIN_EDGES } from "./hover-overlay.ts";
import { edgesWithin, neighbourhood, strongestNeighbours, visibleNodes } from "./neighbourhood.ts";
import {
  createScene,
  HOME,
  hideScene,
  inner,
  killScene,
  type Scene,
  type SceneName,
  showScene,
  sizedForLayer,
  type ViewSigma,
} from "./scenes.ts";
import { type Filters, filtersActive, NODE_TYPES, type State, type Store } from "./state.ts";
import type { View, ViewEdge, ViewGraph, ViewNode } from "./views.ts";

export interface Renderer {
  /** The sigma of the scene shown (another one after a view switch or a filter on a big view). */
  readonly sigma: ViewSigma;
  view(): View;
  setView(view: View): void;
  /**
   * Animates the camera to a node of the current view, placed in the part of the graph that
   * nothing covers; `zoom` false keeps the zoom (a click re-centres, a search zooms in).
   */
  focusNode(key: string, zoom?: boolean): void;
  /**
   * Animates the camera so that the selection and its visible neighbourhood fill the part of the
   * graph nothing covers (with nothing selected: every visible node). Returns the nodes fitted.
   */
  fitSelection(): number;
  /**
   * Animates the camera to a point in graph coordinates (`animate` false: moves it at once, so
   * that a big view is drawn once there rather than in every frame of the way).
   */
  focusPoint(x: number, y: number, ratio?: number, animate?: boolean): void;
  /** Sigma measures its container again, and draws again when the size changed. */
  measure(): void;
  /** Re-runs the reducers and draws in the next animation frame (several calls: once). */
  refreshSoon(): void;
  /** The neighbourhood drawn over a big view on hover (hover-overlay.ts): for tests and bench. */
  hoverOverlay(): { focus: string | null; nodes: number; edges: number; labels: number };
  /** Which labels come first (lower first; null = unranked): the focus, its strongest neighbours. */
  labelRank(node: string): number | null;
  /** Node labels drawn in the last frame (label-pass.ts), with their boxes: for tests. */
  drawnLabels(): { key: string; box: { x0: number; y0: number; x1: number; y1: number } }[];
  /**
   * How many nodes and edges sigma would index to show `view` in `state` (0: its scene is drawn
   * with that state already): a step that indexes few needs no busy note (busy.ts).
   */
  indexCost(view: View, state: State): number;
  /** Makes the scene of `name` (its canvases and WebGL contexts) now, with nothing to draw yet. */
  prepare(name: SceneName): void;
  /** Each scene made so far: full index passes and frames drawn, which is shown (tests, bench). */
  scenes(): { name: SceneName; indexed: number; drawn: number; shown: boolean }[];
  /** The reducers sigma calls, for the benchmark's per-frame cost. */
  reducers: {
    node: (node: string, data: ViewNode) => Partial<NodeDisplayData>;
    edge: (edge: string, data: ViewEdge) => Partial<EdgeDisplayData>;
  };
  destroy(): void;
}

/** What the reducers read, derived once per state change (never per node or edge). */
interface Derived {
  visible: Set<string> | null;
  /** Edges between visible nodes (with `visible`), else null. */
  visibleEdges: Set<string> | null;
  focus: string | null;
  /** The focus node's neighbourhood (precomputed for the depth), or null. */
  near: Set<string> | null;
  /** Edges inside the neighbourhood (with `near`), else null. */
  nearEdges: Set<string> | null;
  /** The members of the near set that are labelled, by rank (the focus 0, then the strongest). */
  labelRank: Map<string, number> | null;
  selection: string | null;
  hovered: string | null;
  /** A node's colour in the current colouring. */
  colourOf: (a: ViewNode) => string;
  /** Edge colour with nothing highlighted (lighter on very dense views). */
  edgeColour: string;
  /**
   * Everything above, for the view, as one string: a scene drawn with the same key need not be
   * drawn again to show it.
   */
  key: string;
}

/** How many neighbours of a hovered or selected node are labelled (the strongest). */
const LABELLED_NEIGHBOURS = 24;
/** …or all of them, with "label all neighbours" on (labels that would overlap are still left out). */
const labelled = (s: State) => (s.labelAll ? Number.POSITIVE_INFINITY : LABELLED_NEIGHBOURS);

/** Level of detail by graph size: fewer labels and no edges while moving on big graphs. */
function lodSettings(graph: ViewGraph) {
  const n = graph.order;
  return {
    hideEdgesOnMove: graph.size > 2_000,
    hideLabelsOnMove: n > 5_000,
    labelDensity: n > 2_000 ? 0.25 : n > 50 ? 0.4 : 1,
    labelGridCellSize: n > 50 ? 160 : 100,
    // Sizes are already scaled down for dense views (see sizeScale, down to 0.4), so the threshold
    // stays low and the label grid (largest node per cell first) decides which labels show: a
    // big map of equal-sized papers still opens with labels.
    labelRenderedSizeThreshold: n > 2_000 ? 2.5 : n > 300 ? 3.5 : 3,
  };
}

/** The smallest and largest x and y of a view's nodes (infinite for an empty view). */
function bounds(graph: ViewGraph): [number, number, number, number] {
  let x0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  graph.forEachNode((_k, a) => {
    x0 = Math.min(x0, a.x);
    x1 = Math.max(x1, a.x);
    y0 = Math.min(y0, a.y);
    y1 = Math.max(y1, a.y);
  });
  return [x0, x1, y0, y1];
}

/**
 * The graph's extent with room on the right for the labels of the rightmost nodes (sigma draws a
 * label right of its node); views with more than 500 nodes label few nodes and keep the plain
 * extent (null).
 */
export function labelledBBox(
  graph: ViewGraph,
): { x: [number, number]; y: [number, number] } | null {
  if (graph.order === 0 || graph.order > 500) return null;
  const [x0, x1, y0, y1] = bounds(graph);
  const w = x1 - x0 || 1;
  return { x: [x0, x1 + 0.25 * w], y: [y0, y1] };
}

/** The plain extent of a view's layout (cached per graph): a filtered part keeps its frame. */
const extents = new WeakMap<ViewGraph, { x: [number, number]; y: [number, number] } | null>();
function extentOf(graph: ViewGraph): { x: [number, number]; y: [number, number] } | null {
  if (extents.has(graph)) return extents.get(graph) ?? null;
  const [x0, x1, y0, y1] = bounds(graph);
  const e = graph.order
    ? { x: [x0, x1] as [number, number], y: [y0, y1] as [number, number] }
    : null;
  extents.set(graph, e);
  return e;
}

/**
 * Views with at least this many edges draw a filter by handing a scene of its own (scenes.ts
 * "filtered") a graph of the visible part alone (same keys, attributes and frame): sigma then
 * indexes and draws only that, instead of every node and edge of the view through the reducers
 * to hide most of them, and the view's own scene stays drawn for Reset.
 */
export const FILTERED_GRAPH_MIN_EDGES = 5_000;

export interface RendererOptions {
  /** What may lie over the graph (the details panel in a narrow window), or null. */
  cover?: () => HTMLElement | null;
  /** A click on a `has` edge of the knowledge graph (instead of clearing the selection). */
  onEdgeClick?: (paper: string, concept: string) => void;
}

/** The view's frame (what sigma normalises positions with), the same for a filtered part of it. */
const frameOf = (graph: ViewGraph) => labelledBBox(graph) ?? extentOf(graph);

/** A filter as a key: the same filters by value give the same key. */
const filterKey = (f: Filters) =>
  [
    f.types.length === NODE_TYPES.length ? "all" : [...f.types].sort().join(","),
    f.yearMin,
    f.yearMax,
    f.community,
    f.minPapers,
  ].join("|");

/**
 * Everything the reducers draw `view` with in state `s`, as one string: a scene drawn with the
 * same key need not be indexed again to show it. (The same inputs as derive() below.)
 */
function stateKey(view: View, s: State): string {
  const g = view.graph;
  const overlay = g.size >= HOVER_OVERLAY_MIN_EDGES;
  const inView = (k: string | null) => (k !== null && g.hasNode(k) ? k : null);
  const focus = inView(overlay ? s.selection : (s.hovered ?? s.selection));
  return JSON.stringify([
    view.name,
    filterKey(s.filters),
    focus ? [focus, s.depth, s.labelAll] : null,
    inView(s.selection),
    overlay ? null : inView(s.hovered),
    s.colourBy,
  ]);
}

/** The nodes a filter leaves visible in a graph and the edges between them (null: all). */
interface Visible {
  nodes: Set<string> | null;
  edges: Set<string> | null;
}
/** The last filter's visible sets per graph: a step's cost and its drawing compute them once. */
const lastVisible = new WeakMap<ViewGraph, { key: string; visible: Visible }>();
function visibleOf(graph: ViewGraph, f: Filters): Visible {
  const key = filterKey(f);
  const known = lastVisible.get(graph);
  if (known?.key === key) return known.visible;
  const nodes = visibleNodes(graph, f);
  const visible = { nodes, edges: nodes && edgesWithin(graph, nodes) };
  lastVisible.set(graph, { key, visible });
  return visible;
}

/** What a scene is to draw: which scene, its graph and its frame. */
interface Drawn {
  scene: SceneName;
  graph: ViewGraph;
  bbox: ReturnType<typeof labelledBBox>;
}

export function createRenderer(
  container: HTMLElement,
  store: Store,
  initial: View,
  opts: RendererOptions = {},
): Renderer {
  let current = initial;
  const derived: Derived = {
    visible: null,
    visibleEdges: null,
    focus: null,
    near: null,
    nearEdges: null,
    labelRank: null,
    selection: null,
    hovered: null,
    colourOf: (a) => communityColour(a.community),
    edgeColour: "#d0d0d0",
    key: "",
  };
  /** Stored sizes suit a few hundred nodes; denser views draw smaller nodes so clusters stay apart. */
  let sizeScale = 1;
  const rescale = () => {
    sizeScale = Math.max(0.4, Math.min(1, Math.sqrt(300 / Math.max(1, current.graph.order))));
  };
  rescale();

  const overlayMode = () => current.graph.size >= HOVER_OVERLAY_MIN_EDGES;
  // the colouring is made again only when the mode or the view changes (a year range is a pass)
  let coloured: { mode: State["colourBy"] | null; graph: ViewGraph | null } = {
    mode: null,
    graph: null,
  };
  const derive = (s: State) => {
    const g = current.graph;
    // the filters' sets change only with the filters or the view, not on hover
    const visible = visibleOf(g, s.filters);
    derived.visible = visible.nodes;
    derived.visibleEdges = visible.edges;
    // On a big view the hover is drawn by the overlay, not by the reducers (see hover-overlay.ts).
    derived.focus = overlayMode() ? s.selection : (s.hovered ?? s.selection);
    derived.near =
      derived.focus && g.hasNode(derived.focus) ? neighbourhood(g, derived.focus, s.depth) : null;
    derived.nearEdges = derived.near && edgesWithin(g, derived.near);
    derived.labelRank =
      derived.focus && derived.near
        ? strongestNeighbours(g, derived.focus, derived.near, labelled(s))
        : null;
    derived.selection = s.selection;
    derived.hovered = overlayMode() ? null : s.hovered;
    if (coloured.mode !== s.colourBy || coloured.graph !== g) {
      coloured = { mode: s.colourBy, graph: g };
      derived.colourOf = nodeColouring(s.colourBy, g);
    }
    derived.edgeColour = g.size > 10_000 ? "#ececec" : "#d0d0d0";
    derived.key = stateKey(current, s);
  };
  derive(store.get());

  /**
   * What to draw: the view in its own scene, or on a big view with a filter on, the visible part
   * of it (FILTERED_GRAPH_MIN_EDGES) in the filtered scene, with the view's own frame.
   */
  const drawnGraph = (): Drawn => {
    const { visible, visibleEdges } = derived;
    const full = current.graph;
    if (!visible || !visibleEdges || full.size < FILTERED_GRAPH_MIN_EDGES)
      return { scene: current.name, graph: full, bbox: labelledBBox(full) };
    const part: ViewGraph = new Graph({ type: "undirected", multi: false, allowSelfLoops: false });
    for (const n of visible) part.addNode(n, full.getNodeAttributes(n));
    for (const e of visibleEdges) {
      const [s, t] = full.extremities(e);
      part.addEdgeWithKey(e, s, t, full.getEdgeAttributes(e));
    }
    return { scene: "filtered", graph: part, bbox: frameOf(full) };
  };

  // Sigma hands each reducer its own shallow copy of the attributes: the reducers set fields on
  // it and return it (no allocation), with O(1) set lookups per node or edge.
  type NodeOut = ViewNode & Partial<NodeDisplayData>;
  type EdgeOut = ViewEdge & Partial<EdgeDisplayData>;
  const nodeReducer = (node: string, data: ViewNode): Partial<NodeDisplayData> => {
    const res = data as NodeOut;
    if (derived.visible && !derived.visible.has(node)) {
      res.hidden = true;
      return res;
    }
    res.color = derived.colourOf(data);
    res.size = data.size * sizeScale;
    if (derived.near) {
      if (derived.near.has(node)) {
        res.zIndex = 1;
        if (derived.labelRank?.has(node)) res.forceLabel = true;
      } else {
        res.color = GREYED;
        res.label = "";
        res.zIndex = 0;
      }
    }
    if (node === derived.selection || node === derived.hovered) {
      res.highlighted = true;
      res.forceLabel = true;
      res.zIndex = 2;
    }
    return res;
  };

  const edgeReducer = (edge: string, data: ViewEdge): Partial<EdgeDisplayData> => {
    const res = data as EdgeOut;
    const { visibleEdges, nearEdges } = derived;
    if ((visibleEdges && !visibleEdges.has(edge)) || (nearEdges && !nearEdges.has(edge))) {
      res.hidden = true;
      return res;
    }
    if (nearEdges) {
      res.color = "#7a7a7a";
      res.zIndex = 1;
    } else res.color = derived.edgeColour;
    return res;
  };

  // Labels never overlap: the focus first, then its strongest neighbours, then the label grid's
  // picks (bigger nodes first).
  const labelRank = (node: string) =>
    node === derived.selection || node === derived.hovered
      ? -1
      : (derived.labelRank?.get(node) ?? null);

  // The community labels lie over every scene (text nodes only; community-labels.ts).
  const labelLayer = el("div", { class: "community-labels", attrs: { "aria-hidden": "true" } });
  container.appendChild(labelLayer);

  const scenes = new Map<SceneName, Scene>();
  let active: Scene | null = null;
  const shown = (): Scene => {
    if (!active) throw new Error("web/renderer: no scene shown");
    return active;
  };
  const drawLabels = () => {
    const scene = shown();
    drawCommunityLabels(labelLayer, {
      sigma: scene.sigma,
      view: current,
      state: store.get(),
      near: derived.near,
      drawn: scene.labels.drawn(),
      dimmed: derived.near !== null || scene.overlay.state().focus !== null,
    });
  };

  /**
   * Sigma keeps the last hovered node after the pointer leaves the graph (its leave handler emits
   * leaveNode without clearing it), so hovering that node again, in this view or another, sent no
   * enterNode. Cleared here, with the highlight.
   */
  const forgetHover = () => {
    if (active) inner(active.sigma).hoveredNode = null;
    if (store.get().hovered !== null) store.set({ hovered: null });
  };
  let cameraTimer: ReturnType<typeof setTimeout> | undefined;
  /** The URL follows the shown scene's camera, once it has settled. */
  const followCamera = (scene: Scene) =>
    scene.sigma.getCamera().on("updated", (c) => {
      if (scene !== active) return;
      clearTimeout(cameraTimer);
      cameraTimer = setTimeout(
        () => store.set({ camera: { x: c.x, y: c.y, ratio: c.ratio, angle: c.angle } }),
        150,
      );
    });

  /** A scene of its own for `name`, made on first use (a view never shown costs no canvas). */
  const sceneOf = (name: SceneName): Scene => {
    const known = scenes.get(name);
    if (known) return known;
    const scene = createScene(container, name, {
      settings: {
        nodeReducer,
        edgeReducer,
        zIndex: true,
        labelFont: "system-ui, -apple-system, 'Segoe UI', sans-serif",
        labelSize: 12,
        labelWeight: "500",
        labelColor: { color: "#222" },
        defaultEdgeColor: "#d0d0d0",
        minCameraRatio: 0.02,
        stagePadding: 40,
        maxCameraRatio: 8,
        // a container squeezed to nothing (a narrow window) is drawn 1 px wide instead of throwing
        allowInvalidContainer: true,
      },
      overlay: { colour: (n) => derived.colourOf(current.graph.getNodeAttributes(n)), ...OVERLAY },
      graph: () => current.graph,
      labelRank,
      labelAll: () => store.get().labelAll,
    });
    const { sigma } = scene;
    sigma.on("afterRender", () => {
      if (scene !== active) return;
      drawLabels();
      scene.overlay.redraw();
    });
    sigma.on("enterNode", ({ node }) => store.set({ hovered: node }));
    sigma.on("leaveNode", () => store.set({ hovered: null }));
    sigma.on("leaveStage", forgetHover);
    sigma.on("clickNode", ({ node }) => {
      store.set({ selection: node, hovered: null });
      // once the panel is shown: the node and its label in the part of the graph left free
      requestAnimationFrame(() => moves.focusNode(node, false));
    });
    sigma.on("clickStage", ({ event }) => {
      const edge = opts.onEdgeClick ? hasEdgeAt(sigma, current, derived, event.x, event.y) : null;
      if (edge) opts.onEdgeClick?.(edge[0], edge[1]);
      else store.set({ selection: null });
    });
    followCamera(scene);
    scenes.set(name, scene);
    return scene;
  };

  // A state change re-runs the reducers over the whole view: once per frame at most, however many
  // enter/leave events a mouse sweep over a dense map sends in between.
  let pending = 0;
  /** Index and draw the shown scene with the current state, now. */
  const redraw = (scene: Scene) => {
    cancelAnimationFrame(pending);
    pending = 0;
    scene.drawnKey = derived.key;
    scene.sigma.refresh();
  };
  const refreshSoon = () => {
    if (pending) return;
    pending = requestAnimationFrame(() => {
      pending = 0;
      if (active) redraw(active);
    });
  };

  /**
   * Shows `next` with the camera at `camera`, doing only what its scene lacks: a new graph is
   * indexed and drawn once (its settings, frame and camera set first, without sigma's setters,
   * each of which would index or draw it again); a scene drawn with another state is indexed
   * and drawn again; one drawn with this state is drawn again only if the camera moved, or
   * shown as it is. Then the scene shown before is hidden, as it was drawn.
   */
  const present = (next: Drawn, camera: CameraState) => {
    const scene = sceneOf(next.scene);
    const before = active;
    cancelAnimationFrame(pending);
    pending = 0;
    active = scene;
    const { sigma } = scene;
    if (sigma.getGraph() !== next.graph) {
      const s = inner(sigma);
      s.settings = { ...s.settings, ...lodSettings(current.graph) };
      s.customBBox = next.bbox;
      sigma.getCamera().setState(camera);
      scene.drawnKey = derived.key;
      // setGraph indexes and draws at once (and drops the frame the camera asked for)
      sigma.setGraph(next.graph);
    } else {
      sigma.getCamera().setState(camera);
      if (scene.drawnKey !== derived.key || !sizedForLayer(scene)) redraw(scene);
    }
    showScene(scene);
    if (before && before !== scene) hideScene(before);
    // A scene shown as it was drawn has no new frame to draw them after: drawn now.
    drawLabels();
  };
  /** The camera a filter or Reset hands over with: where the scene shown has it now. */
  const cameraNow = () => (active ? active.sigma.getCamera().getState() : HOME);

  /** Show or hide the overlay for the hovered node of a big view. */
  const hoverOverlay = (s: State) => {
    const { overlay } = shown();
    if (!overlayMode() || !s.hovered || !current.graph.hasNode(s.hovered)) {
      overlay.hide();
      return;
    }
    // the filters hide nodes from the overlay as the reducers hide them from the graph
    const all = neighbourhood(current.graph, s.hovered, s.depth);
    const { visible } = derived;
    const near = visible ? new Set([...all].filter((n) => visible.has(n))) : all;
    const ranks = strongestNeighbours(current.graph, s.hovered, near, labelled(s));
    overlay.show(s.hovered, near, edgesWithin(current.graph, near), ranks);
  };

  present(drawnGraph(), store.get().camera ?? HOME);

  // Resizing clears every canvas without drawing again: draw after any change of size (the
  // panel opening beside the graph, a narrow window, the sidebar shown or hidden).
  const measure = () => {
    const { sigma } = shown();
    const before = sigma.getDimensions();
    sigma.resize();
    const after = sigma.getDimensions();
    if (after.width !== before.width || after.height !== before.height) refreshSoon();
  };
  const resizes = new ResizeObserver(measure);
  resizes.observe(container);
  const unsubscribe = store.subscribe((s, prev) => {
    const changed =
      s.filters !== prev.filters ||
      s.hovered !== prev.hovered ||
      s.selection !== prev.selection ||
      s.depth !== prev.depth ||
      s.colourBy !== prev.colourBy ||
      s.labelAll !== prev.labelAll;
    if (!changed) return;
    derive(s);
    // On a big view a hover alone changes only the overlay: no refresh, no redraw of the graph.
    const hoverOnly =
      s.filters === prev.filters &&
      s.selection === prev.selection &&
      s.colourBy === prev.colourBy &&
      ((s.depth === prev.depth && s.labelAll === prev.labelAll) || s.selection === null);
    if (overlayMode()) {
      hoverOverlay(s);
      labelLayer.classList.toggle("dimmed", derived.near !== null || s.hovered !== null);
      if (hoverOnly) return;
    }
    if (s.filters !== prev.filters) {
      const next = drawnGraph();
      const scene = shown();
      if (next.scene !== scene.name || next.graph !== scene.sigma.getGraph())
        return present(next, cameraNow());
    }
    refreshSoon();
  });

  const moves = createCameraMoves({
    sigma: () => shown().sigma,
    graph: () => current.graph,
    state: () => store.get(),
    visible: () => derived.visible,
    measure,
    container,
    cover: opts.cover,
  });

  return {
    get sigma() {
      return shown().sigma;
    },
    view: () => current,
    setView(view) {
      // (the scene hidden forgets its hovered node: scenes.ts hideScene)
      current = view;
      rescale();
      derive(store.get());
      present(drawnGraph(), HOME);
      hoverOverlay(store.get());
    },
    ...moves,
    indexCost(view, s) {
      const g = view.graph;
      if (filtersActive(s.filters) && g.size >= FILTERED_GRAPH_MIN_EDGES) {
        // the filtered scene indexes the visible part, always a new graph
        const visible = visibleOf(g, s.filters);
        return (visible.nodes?.size ?? g.order) + (visible.edges?.size ?? g.size);
      }
      const scene = scenes.get(view.name);
      const drawn =
        scene?.sigma.getGraph() === g &&
        scene.drawnKey === stateKey(view, s) &&
        sizedForLayer(scene);
      return drawn ? 0 : g.order + g.size;
    },
    prepare: (name) => {
      sceneOf(name);
    },
    hoverOverlay: () => shown().overlay.state(),
    drawnLabels: () => shown().labels.drawn(),
    labelRank,
    scenes: () =>
      [...scenes.values()].map((sc) => ({ name: sc.name, ...sc.counts, shown: sc === active })),
    reducers: { node: nodeReducer, edge: edgeReducer },
    refreshSoon,
    measure,
    destroy() {
      resizes.disconnect();
      clearTimeout(cameraTimer);
      cancelAnimationFrame(pending);
      unsubscribe();
      for (const scene of scenes.values()) killScene(scene);
      scenes.clear();
      active = null;
      labelLayer.remove();
    },
  };
}

/** How the hover overlay draws besides the node colours (hover-overlay.ts). */
const OVERLAY = { edgeColour: "#7a7a7a", labelColour: "#222" };
