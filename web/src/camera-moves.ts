// Camera moves of the shown scene: to a node (into the part of the graph the panel leaves free),
// to a point, or so that the selection and its neighbourhood (or every visible node) fill it.
import type { NodeDisplayData } from "sigma/types";
import { neighbourhood } from "./neighbourhood.ts";
import type { ViewSigma } from "./scenes.ts";
import type { State } from "./state.ts";
import type { ViewGraph } from "./views.ts";
import { focusSpot, freeArea } from "./visible-area.ts";

/** What the moves read, at the time of the move. */
export interface MoveContext {
  sigma(): ViewSigma;
  graph(): ViewGraph;
  state(): State;
  /** The nodes the filters leave visible, or null (all). */
  visible(): ReadonlySet<string> | null;
  /** Sigma measures its container again (the panel may have taken width). */
  measure(): void;
  container: HTMLElement;
  /** What may lie over the graph (the details panel in a narrow window), or null. */
  cover?: () => HTMLElement | null;
}

export interface CameraMoves {
  focusNode(key: string, zoom?: boolean): void;
  fitSelection(): number;
  focusPoint(x: number, y: number, ratio?: number, animate?: boolean): void;
}

export function createCameraMoves(ctx: MoveContext): CameraMoves {
  /**
   * Zoom that shows the node with its visible neighbours around it (a paper's co-authors sit
   * close together: zooming in on them keeps their labels apart). Never wider than by view size:
   * small views whole, bigger ones zoomed in on the node; never closer than 0.04.
   */
  const fitRatio = (key: string, d: NodeDisplayData) => {
    const sigma = ctx.sigma();
    const graph = ctx.graph();
    const n = graph.order;
    const widest = n > 500 ? 0.3 : n > 60 ? 0.6 : 1;
    let reach = 0;
    graph.forEachNeighbor(key, (m) => {
      const e = sigma.getNodeDisplayData(m);
      if (!e || e.hidden) return;
      reach = Math.max(reach, Math.abs(e.x - d.x), Math.abs(e.y - d.y));
    });
    // ratio 1 shows the whole view (extent 1 in framed coordinates): reach on 40% of either side
    return reach > 0 ? Math.max(0.04, Math.min(widest, reach / 0.4)) : widest;
  };

  /** The free part of the graph area (what the panel leaves), in the container's coordinates. */
  const free = () => {
    const cover = ctx.cover?.();
    return freeArea(
      ctx.container.getBoundingClientRect(),
      cover && !cover.hidden ? cover.getBoundingClientRect() : null,
    );
  };

  /** The framed extent of the members the scene draws, or null when it draws none. */
  const extent = (members: Iterable<string>) => {
    const sigma = ctx.sigma();
    const visible = ctx.visible();
    let x0 = Number.POSITIVE_INFINITY;
    let x1 = Number.NEGATIVE_INFINITY;
    let y0 = Number.POSITIVE_INFINITY;
    let y1 = Number.NEGATIVE_INFINITY;
    let n = 0;
    for (const m of members) {
      if (visible && !visible.has(m)) continue;
      const d = sigma.getNodeDisplayData(m);
      if (!d || d.hidden) continue;
      x0 = Math.min(x0, d.x);
      x1 = Math.max(x1, d.x);
      y0 = Math.min(y0, d.y);
      y1 = Math.max(y1, d.y);
      n++;
    }
    return n ? { x0, x1, y0, y1, n } : null;
  };

  const fitSelection = () => {
    ctx.measure();
    const sigma = ctx.sigma();
    const camera = sigma.getCamera();
    const s = ctx.state();
    const g = ctx.graph();
    const members: Iterable<string> =
      s.selection && g.hasNode(s.selection)
        ? neighbourhood(g, s.selection, s.depth)
        : (ctx.visible() ?? g.nodes());
    // the members' extent in framed graph coordinates (what the camera moves in)
    const e = extent(members);
    if (!e) return 0;
    const area = free();
    const centre = { x: (e.x0 + e.x1) / 2, y: (e.y0 + e.y1) / 2 };
    // the extent on screen at ratio 1 (distances on screen scale as 1 / ratio), with room for
    // node sizes and the labels running right of their nodes
    const at1 = { ...centre, ratio: 1, angle: camera.angle };
    const a = sigma.framedGraphToViewport({ x: e.x0, y: e.y0 }, { cameraState: at1 });
    const b = sigma.framedGraphToViewport({ x: e.x1, y: e.y1 }, { cameraState: at1 });
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
    return e.n;
  };

  const focusPoint = (x: number, y: number, ratio = 0.35, animate = true) => {
    const sigma = ctx.sigma();
    const camera = sigma.getCamera();
    const p = sigma.viewportToFramedGraph(sigma.graphToViewport({ x, y }));
    const target = { x: p.x, y: p.y, ratio: Math.min(camera.ratio, ratio) };
    if (animate) camera.animate(target, { duration: 450 });
    else camera.setState(target);
  };

  const focusNode = (key: string, zoom = true) => {
    ctx.measure();
    const sigma = ctx.sigma();
    const camera = sigma.getCamera();
    const d = sigma.getNodeDisplayData(key);
    if (!d) return;
    const ratio = zoom ? fitRatio(key, d) : camera.ratio;
    const target = { x: d.x, y: d.y, ratio, angle: camera.angle };
    // where the node would be with the camera on it, moved to the free area's focus spot
    const q = sigma.viewportToFramedGraph(focusSpot(free()), { cameraState: target });
    camera.animate({ ...target, x: 2 * d.x - q.x, y: 2 * d.y - q.y }, { duration: 450 });
  };

  return { focusNode, fitSelection, focusPoint };
}
