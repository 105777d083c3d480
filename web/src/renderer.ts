// Sigma renderer for one view at a time: colours, hover/selection neighbourhoods and filters all
// go through nodeReducer/edgeReducer; community labels are drawn at the cluster centres.
import Graph from "graphology";
import Sigma from "sigma";
import type { EdgeDisplayData, NodeDisplayData } from "sigma/types";
import { nodeColouring } from "./colouring.ts";
import { communityColour, GREYED } from "./colours.ts";
import { el } from "./dom.ts";
import { createHoverOverlay, HOVER_OVERLAY_MIN_EDGES } from "./hover-overlay.ts";
import { createLabelPass } from "./label-pass.ts";
import { edgesWithin, neighbourhood, strongestNeighbours, visibleNodes } from "./neighbourhood.ts";
import type { State, Store } from "./state.ts";
import type { View, ViewEdge, ViewGraph, ViewNode } from "./views.ts";
import { focusSpot, freeArea } from "./visible-area.ts";

export interface Renderer {
  sigma: Sigma<ViewNode, ViewEdge>;
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
 * Views with at least this many edges draw a filter by handing sigma a graph of the visible part
 * alone (same keys, attributes and frame): sigma then indexes and draws only that, instead of
 * every node and edge of the view through the reducers to hide most of them.
 */
export const FILTERED_GRAPH_MIN_EDGES = 5_000;

export interface RendererOptions {
  /** What may lie over the graph (the details panel in a narrow window), or null. */
  cover?: () => HTMLElement | null;
  /** A click on a `has` edge of the knowledge graph (instead of clearing the selection). */
  onEdgeClick?: (paper: string, concept: string) => void;
}

/** How close to a drawn `has` edge a click must be to open it (px). */
const EDGE_CLICK_PX = 5;

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
  };
  /** Stored sizes suit a few hundred nodes; denser views draw smaller nodes so clusters stay apart. */
  let sizeScale = 1;
  const rescale = () => {
    sizeScale = Math.max(0.4, Math.min(1, Math.sqrt(300 / Math.max(1, current.graph.order))));
  };
  rescale();

  // the filters' sets change only with the filters or the view, not on hover
  let filtered: { filters: State["filters"] | null; graph: ViewGraph | null } = {
    filters: null,
    graph: null,
  };
  const overlayMode = () => current.graph.size >= HOVER_OVERLAY_MIN_EDGES;
  // the colouring is made again only when the mode or the view changes (a year range is a pass)
  let coloured: { mode: State["colourBy"] | null; graph: ViewGraph | null } = {
    mode: null,
    graph: null,
  };
  const derive = (s: State) => {
    if (filtered.filters !== s.filters || filtered.graph !== current.graph) {
      filtered = { filters: s.filters, graph: current.graph };
      derived.visible = visibleNodes(current.graph, s.filters);
      derived.visibleEdges = derived.visible && edgesWithin(current.graph, derived.visible);
    }
    // On a big view the hover is drawn by the overlay, not by the reducers (see hover-overlay.ts).
    derived.focus = overlayMode() ? s.selection : (s.hovered ?? s.selection);
    derived.near =
      derived.focus && current.graph.hasNode(derived.focus)
        ? neighbourhood(current.graph, derived.focus, s.depth)
        : null;
    derived.nearEdges = derived.near && edgesWithin(current.graph, derived.near);
    derived.labelRank =
      derived.focus && derived.near
        ? strongestNeighbours(current.graph, derived.focus, derived.near, labelled(s))
        : null;
    derived.selection = s.selection;
    derived.hovered = overlayMode() ? null : s.hovered;
    if (coloured.mode !== s.colourBy || coloured.graph !== current.graph) {
      coloured = { mode: s.colourBy, graph: current.graph };
      derived.colourOf = nodeColouring(s.colourBy, current.graph);
    }
    derived.edgeColour = current.graph.size > 10_000 ? "#ececec" : "#d0d0d0";
  };
  derive(store.get());

  /**
   * The graph sigma draws: the view, or on a big view with a filter on, the visible part of it
   * (FILTERED_GRAPH_MIN_EDGES) with the view's own frame.
   */
  const drawnGraph = (): { graph: ViewGraph; bbox: ReturnType<typeof labelledBBox> } => {
    const { visible, visibleEdges } = derived;
    if (!visible || !visibleEdges || current.graph.size < FILTERED_GRAPH_MIN_EDGES)
      return { graph: current.graph, bbox: labelledBBox(current.graph) };
    const full = current.graph;
    const part: ViewGraph = new Graph({ type: "undirected", multi: false, allowSelfLoops: false });
    for (const n of visible) part.addNode(n, full.getNodeAttributes(n));
    for (const e of visibleEdges) {
      const [s, t] = full.extremities(e);
      part.addEdgeWithKey(e, s, t, full.getEdgeAttributes(e));
    }
    return { graph: part, bbox: extentOf(full) };
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
  // only labels that fit on screen: a label running off the edge is left out, not cut
  const labels = createLabelPass<ViewNode, ViewEdge>(labelRank, true, () => store.get().labelAll);
  const first = drawnGraph();
  const sigma = new Sigma<ViewNode, ViewEdge>(first.graph, container, {
    defaultDrawNodeLabel: labels.collect,
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
    ...lodSettings(current.graph),
  });

  labels.attach(sigma);
  // the bounding box is read when sigma indexes the graph: index again (only when there is one:
  // a second full refresh of a big view would cost as much as the first frame)
  if (first.bbox) sigma.setCustomBBox(first.bbox).refresh();

  // Community labels: an HTML layer above the canvases (text nodes only), placed greedily by
  // community size so they never overlap; dimmed while a neighbourhood is highlighted.
  const labelLayer = el("div", { class: "community-labels", attrs: { "aria-hidden": "true" } });
  container.appendChild(labelLayer);
  const overlay = createHoverOverlay(sigma, () => current.graph, {
    colour: (n) => {
      const a = current.graph.getNodeAttributes(n);
      return derived.colourOf(a);
    },
    edgeColour: "#7a7a7a",
    labelFont: sigma.getSetting("labelFont"),
    labelSize: sigma.getSetting("labelSize"),
    labelWeight: sigma.getSetting("labelWeight"),
    labelColour: "#222",
  });
  /** Show or hide the overlay for the hovered node of a big view. */
  const hoverOverlay = (s: State) => {
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
  const anchor = (c: View["communities"][number]) => {
    if (!c.members) return sigma.graphToViewport({ x: c.x, y: c.y });
    let x = 0;
    let y = 0;
    let top = Number.POSITIVE_INFINITY;
    let n = 0;
    for (const m of c.members) {
      const d = sigma.getNodeDisplayData(m);
      if (!d || d.hidden) continue;
      const v = sigma.framedGraphToViewport(d);
      x += v.x;
      y += v.y;
      top = Math.min(top, v.y - sigma.scaleSize(d.size));
      n++;
    }
    if (!n) return null;
    // a big group (hundreds of authors in one blob) is labelled at its centre, not above its top
    return c.members.length > 30 ? { x: x / n, y: y / n } : { x: x / n, y: top - 16 };
  };
  type Box = { x0: number; y0: number; x1: number; y1: number };
  const hits = (boxes: Box[], b: Box) =>
    boxes.some((o) => o.x0 < b.x1 && b.x0 < o.x1 && o.y0 < b.y1 && b.y0 < o.y1);
  /** Where sigma draws a node and its label (to the right of the node, ~7 px a character). */
  const nodeLabelBox = (m: string): Box | null => {
    const d = sigma.getNodeDisplayData(m);
    if (!d || d.hidden) return null;
    const v = sigma.framedGraphToViewport(d);
    const r = sigma.scaleSize(d.size);
    const h = Math.max(r, 9);
    const text = d.label ?? "";
    return { x0: v.x - r, y0: v.y - h, x1: v.x + r + 6 + 7 * text.length, y1: v.y + h };
  };
  const drawCommunityLabels = () => {
    const s = store.get();
    const { width, height } = sigma.getDimensions();
    // never covered: other community labels, and the labels of a highlighted neighbourhood
    const placed: Box[] = [];
    // covered only when no nearby spot is free: the other node labels on screen
    const avoid: Box[] = [];
    const items: HTMLElement[] = [];
    if (derived.near && derived.near.size <= 60)
      for (const m of derived.near) {
        const b = nodeLabelBox(m);
        if (b) placed.push(b);
      }
    // the node labels the label pass drew in this frame (it runs first), where it drew them
    for (const d of labels.drawn()) if (!derived.near?.has(d.key)) avoid.push(d.box);
    // Few enough labels to read: the biggest groups first; tiny groups only when there are few.
    // and fewer on a small screen (a phone: about 8)
    const room = Math.floor((width * height) / 40_000);
    const limit = Math.max(3, Math.min(current.name === "collab" ? 10 : 14, room));
    const minSize = current.communities.length > limit ? 3 : 1;
    const shown = current.communities
      .filter((c) =>
        s.filters.community === null ? c.size >= minSize : c.id === s.filters.community,
      )
      .sort((a, b) => b.size - a.size || a.id - b.id);
    // at the cluster's centre (collaboration: above the group), else a little above or below it
    const shifts = current.name === "collab" ? [0, -22, -44] : [0, -26, 26, -52, 52, -78, 78];
    for (const c of shown) {
      if (items.length >= limit) break;
      const a = anchor(c);
      // the cluster itself must be in view; only its label is then pulled inside the edges
      if (!a || a.x < 0 || a.x > width || a.y < -11 || a.y > height + 11) continue;
      const w = Math.min(280, 8.5 * c.label.length + 30);
      const spots = shifts
        // kept inside the view when the cluster is near an edge
        .map((dy) => ({ x: Math.max(w / 2 + 2, Math.min(width - w / 2 - 2, a.x)), y: a.y + dy }))
        .map((p) => ({ p, box: { x0: p.x - w / 2, y0: p.y - 11, x1: p.x + w / 2, y1: p.y + 11 } }))
        .filter(({ box }) => !(box.x1 < 0 || box.x0 > width || box.y1 < 0 || box.y0 > height))
        .filter(({ box }) => !hits(placed, box));
      const spot = spots.find(({ box }) => !hits(avoid, box)) ?? spots[0];
      if (!spot) continue;
      const { p, box } = spot;
      placed.push(box);
      const label = el(
        "div",
        { class: "community-label", attrs: { "data-community": String(c.id) } },
        c.label,
      );
      label.style.left = `${p.x}px`;
      label.style.top = `${p.y}px`;
      label.style.maxWidth = `${w}px`;
      label.style.borderColor = communityColour(c.id);
      items.push(label);
    }
    labelLayer.classList.toggle("dimmed", derived.near !== null || overlay.state().focus !== null);
    labelLayer.replaceChildren(...items);
  };
  sigma.on("afterRender", drawCommunityLabels);
  sigma.on("afterRender", () => overlay.redraw());
  // The constructor has already rendered once, before this listener existed.
  drawCommunityLabels();

  /**
   * Sigma keeps the last hovered node after the pointer leaves the graph (its leave handler emits
   * leaveNode without clearing it), so hovering that node again, in this view or another, sent no
   * enterNode. Cleared here, with the highlight.
   */
  const forgetHover = () => {
    (sigma as unknown as { hoveredNode: string | null }).hoveredNode = null;
    if (store.get().hovered !== null) store.set({ hovered: null });
  };
  sigma.on("enterNode", ({ node }) => store.set({ hovered: node }));
  sigma.on("leaveNode", () => store.set({ hovered: null }));
  sigma.on("leaveStage", forgetHover);
  sigma.on("clickNode", ({ node }) => {
    store.set({ selection: node, hovered: null });
    // once the panel is shown: the node and its label in the part of the graph left free
    requestAnimationFrame(() => focusNode(node, false));
  });
  /**
   * The `has` edge drawn nearest to a viewport point, within EDGE_CLICK_PX, in the knowledge
   * graph: found on click only (sigma's own edge picking would draw every edge a second time in
   * every frame).
   */
  const hasEdgeAt = (x: number, y: number): [string, string] | null => {
    if (current.name !== "knowledge") return null;
    const g = current.graph;
    const { visibleEdges, nearEdges } = derived;
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
  };
  sigma.on("clickStage", ({ event }) => {
    const edge = opts.onEdgeClick ? hasEdgeAt(event.x, event.y) : null;
    if (edge) opts.onEdgeClick?.(edge[0], edge[1]);
    else store.set({ selection: null });
  });

  let cameraTimer: ReturnType<typeof setTimeout> | undefined;
  const camera = sigma.getCamera();
  const initialCamera = store.get().camera;
  if (initialCamera) camera.setState(initialCamera);
  camera.on("updated", (c) => {
    clearTimeout(cameraTimer);
    cameraTimer = setTimeout(
      () => store.set({ camera: { x: c.x, y: c.y, ratio: c.ratio, angle: c.angle } }),
      150,
    );
  });

  // A state change re-runs the reducers over the whole view: once per frame at most, however many
  // enter/leave events a mouse sweep over a dense map sends in between.
  let pending = 0;
  const refreshSoon = () => {
    if (pending) return;
    pending = requestAnimationFrame(() => {
      pending = 0;
      sigma.refresh({ skipIndexation: true });
    });
  };
  type Inner = {
    hoveredNode: string | null;
    settings: ReturnType<typeof sigma.getSettings>;
    customBBox: ReturnType<typeof labelledBBox>;
  };
  const inner = sigma as unknown as Inner;
  /**
   * Hands sigma `next` to draw (indexed and drawn at once, in its frame); false when it draws
   * that graph already (a refresh is then what is needed).
   */
  const show = (next: { graph: ViewGraph; bbox: ReturnType<typeof labelledBBox> }): boolean => {
    if (next.graph === sigma.getGraph()) return false;
    // set without sigma's setter, which would schedule a render of the old graph
    inner.customBBox = next.bbox;
    cancelAnimationFrame(pending);
    pending = 0;
    sigma.setGraph(next.graph);
    return true;
  };

  // Resizing clears every canvas without drawing again: draw after any change of size (the
  // panel opening beside the graph, a narrow window, the sidebar shown or hidden).
  const measure = () => {
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
    if (s.filters !== prev.filters && show(drawnGraph())) return;
    refreshSoon();
  });

  /**
   * Zoom that shows the node with its visible neighbours around it (a paper's co-authors sit close
   * together: zooming in on them keeps their labels apart). Never wider than by view size: small
   * views whole, bigger ones zoomed in on the node; never closer than 0.04.
   */
  const fitRatio = (key: string, d: NodeDisplayData) => {
    const n = current.graph.order;
    const widest = n > 500 ? 0.3 : n > 60 ? 0.6 : 1;
    let reach = 0;
    current.graph.forEachNeighbor(key, (m) => {
      const e = sigma.getNodeDisplayData(m);
      if (!e || e.hidden) return;
      reach = Math.max(reach, Math.abs(e.x - d.x), Math.abs(e.y - d.y));
    });
    // ratio 1 shows the whole view (extent 1 in framed coordinates): reach on 40% of either side
    return reach > 0 ? Math.max(0.04, Math.min(widest, reach / 0.4)) : widest;
  };

  /** The free part of the graph area (what the panel leaves), in the container's coordinates. */
  const free = () => {
    const cover = opts.cover?.();
    return freeArea(
      container.getBoundingClientRect(),
      cover && !cover.hidden ? cover.getBoundingClientRect() : null,
    );
  };

  const fitSelection = () => {
    measure();
    const s = store.get();
    const g = current.graph;
    const members: Iterable<string> =
      s.selection && g.hasNode(s.selection)
        ? neighbourhood(g, s.selection, s.depth)
        : (derived.visible ?? g.nodes());
    // the members' extent in framed graph coordinates (what the camera moves in)
    let x0 = Number.POSITIVE_INFINITY;
    let x1 = Number.NEGATIVE_INFINITY;
    let y0 = Number.POSITIVE_INFINITY;
    let y1 = Number.NEGATIVE_INFINITY;
    let n = 0;
    for (const m of members) {
      if (derived.visible && !derived.visible.has(m)) continue;
      const d = sigma.getNodeDisplayData(m);
      if (!d || d.hidden) continue;
      x0 = Math.min(x0, d.x);
      x1 = Math.max(x1, d.x);
      y0 = Math.min(y0, d.y);
      y1 = Math.max(y1, d.y);
      n++;
    }
    if (!n) return 0;
    const area = free();
    const centre = { x: (x0 + x1) / 2, y: (y0 + y1) / 2 };
    // the extent on screen at ratio 1 (distances on screen scale as 1 / ratio), with room for
    // node sizes and the labels running right of their nodes
    const at1 = { ...centre, ratio: 1, angle: camera.angle };
    const a = sigma.framedGraphToViewport({ x: x0, y: y0 }, { cameraState: at1 });
    const b = sigma.framedGraphToViewport({ x: x1, y: y1 }, { cameraState: at1 });
    const span = { w: Math.abs(b.x - a.x), h: Math.abs(b.y - a.y) };
    const room = { w: Math.max(40, area.width - 200), h: Math.max(40, area.height - 60) };
    const ratio = Math.min(
      sigma.getSetting("maxCameraRatio") ?? 8,
      Math.max(sigma.getSetting("minCameraRatio") ?? 0.02, span.w / room.w, span.h / room.h),
    );
    const target = { ...centre, ratio, angle: camera.angle };
    // the extent's centre at the centre of the free area, left of centre for the labels
    const spot = { x: area.left + (area.width - 140) / 2, y: area.top + area.height / 2 };
    const q = sigma.viewportToFramedGraph(spot, { cameraState: target });
    camera.animate({ ...target, x: 2 * centre.x - q.x, y: 2 * centre.y - q.y }, { duration: 450 });
    return n;
  };

  const focusPoint = (x: number, y: number, ratio = 0.35, animate = true) => {
    const p = sigma.viewportToFramedGraph(sigma.graphToViewport({ x, y }));
    const target = { x: p.x, y: p.y, ratio: Math.min(camera.ratio, ratio) };
    if (animate) camera.animate(target, { duration: 450 });
    else camera.setState(target);
  };

  const focusNode = (key: string, zoom = true) => {
    measure();
    const d = sigma.getNodeDisplayData(key);
    if (!d) return;
    const ratio = zoom ? fitRatio(key, d) : camera.ratio;
    const target = { x: d.x, y: d.y, ratio, angle: camera.angle };
    // where the node would be with the camera on it, moved to the free area's focus spot
    const cover = opts.cover?.();
    const free = freeArea(
      container.getBoundingClientRect(),
      cover && !cover.hidden ? cover.getBoundingClientRect() : null,
    );
    const q = sigma.viewportToFramedGraph(focusSpot(free), { cameraState: target });
    camera.animate({ ...target, x: 2 * d.x - q.x, y: 2 * d.y - q.y }, { duration: 450 });
  };

  return {
    sigma,
    view: () => current,
    setView(view) {
      inner.hoveredNode = null;
      current = view;
      rescale();
      derive(store.get());
      // Everything the new graph is indexed with is set first, without sigma's setters (each
      // re-indexes or schedules a refresh of the whole graph: three full passes over a big view
      // where one is needed); then setGraph indexes and draws it once.
      inner.settings = { ...inner.settings, ...lodSettings(view.graph) };
      camera.setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
      show(drawnGraph());
      hoverOverlay(store.get());
    },
    focusNode,
    focusPoint,
    fitSelection,
    hoverOverlay: () => overlay.state(),
    drawnLabels: () => labels.drawn(),
    labelRank,
    reducers: { node: nodeReducer, edge: edgeReducer },
    refreshSoon,
    measure,
    destroy() {
      resizes.disconnect();
      clearTimeout(cameraTimer);
      cancelAnimationFrame(pending);
      unsubscribe();
      overlay.kill();
      sigma.kill();
      labelLayer.remove();
    },
  };
}
