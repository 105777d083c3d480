// Sigma renderer for one view at a time: colours, hover/selection neighbourhoods and filters all
// go through nodeReducer/edgeReducer; community labels are drawn at the cluster centres.
import Sigma from "sigma";
import type { EdgeDisplayData, NodeDisplayData } from "sigma/types";
import { communityColour, GREYED, TYPE_COLOURS } from "./colours.ts";
import { el } from "./dom.ts";
import { neighbourhood, visibleNodes } from "./neighbourhood.ts";
import type { State, Store } from "./state.ts";
import type { View, ViewEdge, ViewGraph, ViewNode } from "./views.ts";

export interface Renderer {
  sigma: Sigma<ViewNode, ViewEdge>;
  view(): View;
  setView(view: View): void;
  /** Animates the camera to a node of the current view. */
  focusNode(key: string): void;
  /** Animates the camera to a point in graph coordinates. */
  focusPoint(x: number, y: number, ratio?: number): void;
  destroy(): void;
}

interface Derived {
  visible: Set<string> | null;
  focus: string | null;
  near: Set<string> | null;
}

/** Level of detail by graph size: fewer labels and no edges while moving on big graphs. */
function lodSettings(graph: ViewGraph) {
  const n = graph.order;
  return {
    hideEdgesOnMove: graph.size > 2_000,
    hideLabelsOnMove: n > 5_000,
    labelDensity: n > 2_000 ? 0.25 : n > 50 ? 0.4 : 1,
    labelGridCellSize: n > 50 ? 160 : 100,
    // Sizes are already scaled down for dense views (see sizeScale), so the threshold stays low and
    // the label grid (largest node per cell first) decides which labels show.
    labelRenderedSizeThreshold: n > 2_000 ? 5 : n > 300 ? 4.5 : 3,
  };
}

export function createRenderer(container: HTMLElement, store: Store, initial: View): Renderer {
  let current = initial;
  const derived: Derived = { visible: null, focus: null, near: null };
  /** Stored sizes suit a few hundred nodes; denser views draw smaller nodes so clusters stay apart. */
  let sizeScale = 1;
  const rescale = () => {
    sizeScale = Math.max(0.4, Math.min(1, Math.sqrt(300 / Math.max(1, current.graph.order))));
  };
  rescale();

  const derive = (s: State) => {
    derived.visible = visibleNodes(current.graph, s.filters);
    derived.focus = s.hovered ?? s.selection;
    derived.near =
      derived.focus && current.graph.hasNode(derived.focus)
        ? neighbourhood(current.graph, derived.focus, s.depth)
        : null;
  };
  derive(store.get());

  const nodeReducer = (node: string, data: ViewNode): Partial<NodeDisplayData> => {
    const s = store.get();
    const res: Partial<NodeDisplayData> & { kind?: string } = { ...data };
    delete res.kind;
    if (derived.visible && !derived.visible.has(node)) return { ...res, hidden: true };
    res.color = s.colourBy === "type" ? TYPE_COLOURS[data.kind] : communityColour(data.community);
    res.size = data.size * sizeScale;
    if (derived.near) {
      if (derived.near.has(node)) {
        res.zIndex = 1;
        if (derived.near.size <= 12) res.forceLabel = true;
      } else {
        res.color = GREYED;
        res.label = "";
        res.zIndex = 0;
      }
    }
    if (node === s.selection || node === s.hovered) {
      res.highlighted = true;
      res.forceLabel = true;
      res.zIndex = 2;
    }
    return res;
  };

  const edgeReducer = (edge: string, data: ViewEdge): Partial<EdgeDisplayData> => {
    const res: Partial<EdgeDisplayData> & { kind?: string; weight?: number } = { ...data };
    delete res.kind;
    const [s, t] = current.graph.extremities(edge);
    if (derived.visible && (!derived.visible.has(s) || !derived.visible.has(t)))
      return { ...res, hidden: true };
    if (derived.near) {
      if (!derived.near.has(s) || !derived.near.has(t)) return { ...res, hidden: true };
      res.color = "#7a7a7a";
      res.zIndex = 1;
    } else res.color = current.graph.size > 10_000 ? "#ececec" : "#d0d0d0";
    return res;
  };

  const sigma = new Sigma<ViewNode, ViewEdge>(current.graph, container, {
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
    ...lodSettings(current.graph),
  });

  // Community labels: an HTML layer above the canvases (text nodes only), placed greedily by
  // community size so they never overlap; dimmed while a neighbourhood is highlighted.
  const labelLayer = el("div", { class: "community-labels", attrs: { "aria-hidden": "true" } });
  container.appendChild(labelLayer);
  const anchor = (c: View["communities"][number]) => {
    if (!c.members) return sigma.graphToViewport({ x: c.x, y: c.y });
    let x = 0;
    let top = Number.POSITIVE_INFINITY;
    let n = 0;
    for (const m of c.members) {
      const d = sigma.getNodeDisplayData(m);
      if (!d || d.hidden) continue;
      const v = sigma.framedGraphToViewport(d);
      x += v.x;
      top = Math.min(top, v.y - sigma.scaleSize(d.size));
      n++;
    }
    return n ? { x: x / n, y: top - 16 } : null;
  };
  const drawCommunityLabels = () => {
    const s = store.get();
    const { width, height } = sigma.getDimensions();
    const placed: { x0: number; y0: number; x1: number; y1: number }[] = [];
    const items: HTMLElement[] = [];
    // Few enough labels to read: the biggest groups first; tiny groups only when there are few.
    const limit = current.name === "collab" ? 10 : 14;
    const minSize = current.communities.length > limit ? 3 : 1;
    const shown = current.communities
      .filter((c) =>
        s.filters.community === null ? c.size >= minSize : c.id === s.filters.community,
      )
      .sort((a, b) => b.size - a.size || a.id - b.id);
    for (const c of shown) {
      if (items.length >= limit) break;
      const p = anchor(c);
      if (!p) continue;
      const w = Math.min(280, 8.5 * c.label.length + 30);
      const box = { x0: p.x - w / 2, y0: p.y - 11, x1: p.x + w / 2, y1: p.y + 11 };
      if (box.x1 < 0 || box.x0 > width || box.y1 < 0 || box.y0 > height) continue;
      if (placed.some((b) => b.x0 < box.x1 && box.x0 < b.x1 && b.y0 < box.y1 && box.y0 < b.y1))
        continue;
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
    labelLayer.classList.toggle("dimmed", derived.near !== null);
    labelLayer.replaceChildren(...items);
  };
  sigma.on("afterRender", drawCommunityLabels);
  // The constructor has already rendered once, before this listener existed.
  drawCommunityLabels();

  sigma.on("enterNode", ({ node }) => store.set({ hovered: node }));
  sigma.on("leaveNode", () => store.set({ hovered: null }));
  sigma.on("clickNode", ({ node }) => store.set({ selection: node, hovered: null }));
  sigma.on("clickStage", () => store.set({ selection: null }));

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

  const unsubscribe = store.subscribe((s, prev) => {
    const changed =
      s.filters !== prev.filters ||
      s.hovered !== prev.hovered ||
      s.selection !== prev.selection ||
      s.depth !== prev.depth ||
      s.colourBy !== prev.colourBy;
    if (!changed) return;
    derive(s);
    sigma.refresh({ skipIndexation: true });
  });

  const focusPoint = (x: number, y: number, ratio = 0.35) => {
    const p = sigma.viewportToFramedGraph(sigma.graphToViewport({ x, y }));
    camera.animate({ x: p.x, y: p.y, ratio: Math.min(camera.ratio, ratio) }, { duration: 450 });
  };

  return {
    sigma,
    view: () => current,
    setView(view) {
      current = view;
      rescale();
      sigma.setGraph(view.graph);
      sigma.setSettings(lodSettings(view.graph));
      derive(store.get());
      camera.setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
      sigma.refresh();
    },
    focusNode(key) {
      const d = sigma.getNodeDisplayData(key);
      if (!d) return;
      // Small views stay whole (just centred); bigger ones zoom in on the node.
      const n = current.graph.order;
      const ratio = n > 500 ? 0.3 : n > 60 ? 0.6 : 1;
      camera.animate({ x: d.x, y: d.y, ratio: Math.min(camera.ratio, ratio) }, { duration: 450 });
    },
    focusPoint,
    destroy() {
      clearTimeout(cameraTimer);
      unsubscribe();
      sigma.kill();
      labelLayer.remove();
    },
  };
}
