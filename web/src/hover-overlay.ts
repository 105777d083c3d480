// Hover highlight for big views without redrawing the graph. Greying every other node and edge
// through the reducers redraws the whole view (45k edges on the 6,318-paper map): fast on a GPU,
// about a second in software WebGL, and sigma's picking on the next mouse move waits for it.
// Instead the graph's layers are faded with CSS (the "hover-dim" class) and the neighbourhood is
// drawn on a 2D canvas layer of its own, below sigma's hover layers: the cost grows with the
// neighbourhood, not with the view. Labels are drawn with fillText: text, never markup.
import type Sigma from "sigma";
import { labelBox, placeLabels } from "./label-place.ts";
import type { ViewEdge, ViewGraph, ViewNode } from "./views.ts";

/** Views with at least this many edges get the overlay instead of a reducer refresh on hover. */
export const HOVER_OVERLAY_MIN_EDGES = 5_000;

/** How the overlay draws: sigma's label settings and the view's colours. */
export interface OverlayStyle {
  colour: (node: string) => string;
  edgeColour: string;
  labelFont: string;
  labelSize: number;
  labelWeight: string;
  labelColour: string;
}

export interface HoverOverlay {
  /**
   * Draw `near` (with the edges `nearEdges`) around `focus`, and fade the graph under it; the
   * members of `ranks` are labelled in rank order, each where it overlaps no label before it.
   */
  show(
    focus: string,
    near: ReadonlySet<string>,
    nearEdges: ReadonlySet<string>,
    ranks: ReadonlyMap<string, number>,
  ): void;
  hide(): void;
  /** Draw again at the current camera (sigma's afterRender). */
  redraw(): void;
  /** What is shown: for tests and the benchmark. */
  state(): { focus: string | null; nodes: number; edges: number; labels: number };
  kill(): void;
}

const LAYER = "hoverOverlay";

/**
 * Sizes the new layer as sigma sizes its own (pixel ratio included). Not `sigma.resize(true)`:
 * that resizes every canvas, which erases the labels and nodes of the frame already drawn and
 * drops the picking texture, so a graph opened with no labels until something redrew it.
 */
function sizeLayer(
  sigma: Sigma<ViewNode, ViewEdge>,
  canvas: HTMLCanvasElement,
  ctx: CanvasRenderingContext2D,
) {
  const { width, height } = sigma.getDimensions();
  const ratio = window.devicePixelRatio || 1;
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  canvas.width = width * ratio;
  canvas.height = height * ratio;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
}

export function createHoverOverlay(
  sigma: Sigma<ViewNode, ViewEdge>,
  graph: () => ViewGraph,
  style: OverlayStyle,
): HoverOverlay {
  // A canvas context sigma sizes with the others (pixel ratio included). Its typings leave out
  // the placement option that it passes on to createCanvas: below the hover layers.
  const place = { beforeLayer: "hovers" } as { style?: Partial<CSSStyleDeclaration> };
  sigma.createCanvasContext(LAYER, place);
  const canvas = sigma.getCanvases()[LAYER];
  const ctx = canvas.getContext("2d") as CanvasRenderingContext2D;
  sizeLayer(sigma, canvas, ctx);
  const container = sigma.getContainer();
  let shown: {
    focus: string;
    near: ReadonlySet<string>;
    nearEdges: ReadonlySet<string>;
    ranks: ReadonlyMap<string, number>;
  } | null = null;
  /** Labels drawn for the neighbours in the last draw. */
  let labelled = 0;

  const at = (key: string) => {
    const d = sigma.getNodeDisplayData(key);
    if (!d) return null;
    const p = sigma.framedGraphToViewport(d);
    return { x: p.x, y: p.y, r: sigma.scaleSize(d.size) };
  };

  const draw = () => {
    const { width, height } = sigma.getDimensions();
    ctx.clearRect(0, 0, width, height);
    if (!shown) return;
    const g = graph();
    ctx.lineWidth = 1;
    ctx.strokeStyle = style.edgeColour;
    ctx.beginPath();
    for (const e of shown.nearEdges) {
      if (!g.hasEdge(e)) continue;
      const a = at(g.source(e));
      const b = at(g.target(e));
      if (!a || !b) continue;
      ctx.moveTo(a.x, a.y);
      ctx.lineTo(b.x, b.y);
    }
    ctx.stroke();
    for (const n of shown.near) {
      const p = at(n);
      if (!p) continue;
      ctx.beginPath();
      ctx.arc(p.x, p.y, p.r, 0, 2 * Math.PI);
      ctx.fillStyle = style.colour(n);
      ctx.fill();
    }
    drawLabels(g, shown.focus, shown.ranks);
  };

  /** The ranked members' labels, as sigma draws a label, on a light halo; never overlapping. */
  const drawLabels = (g: ViewGraph, focus: string, ranks: ReadonlyMap<string, number>) => {
    ctx.font = `${style.labelWeight} ${style.labelSize}px ${style.labelFont}`;
    const items = [...ranks]
      .sort((a, b) => a[1] - b[1])
      .flatMap(([n]) => {
        const p = at(n);
        if (!p) return [];
        const text = g.getNodeAttribute(n, "label") ?? "";
        const box = labelBox(p.x, p.y, p.r, ctx.measureText(text).width, style.labelSize);
        return [{ n, p, text, box }];
      });
    // the focus's own label is drawn by sigma's hover layer; its place is kept free
    const placed = placeLabels(items, (i) => i.box);
    labelled = placed.length - 1;
    for (const { n, p, text } of placed) {
      if (n === focus) continue;
      const x = p.x + p.r + 3;
      const y = p.y + style.labelSize / 3;
      ctx.lineWidth = 3;
      ctx.strokeStyle = "rgba(255,255,255,0.85)";
      ctx.strokeText(text, x, y);
      ctx.fillStyle = style.labelColour;
      ctx.fillText(text, x, y);
    }
  };

  return {
    show(focus, near, nearEdges, ranks) {
      shown = { focus, near, nearEdges, ranks };
      container.classList.add("hover-dim");
      draw();
    },
    hide() {
      if (!shown) return;
      shown = null;
      container.classList.remove("hover-dim");
      draw();
    },
    redraw: draw,
    state: () => ({
      focus: shown?.focus ?? null,
      nodes: shown?.near.size ?? 0,
      edges: shown?.nearEdges.size ?? 0,
      labels: shown ? labelled : 0,
    }),
    kill() {
      container.classList.remove("hover-dim");
      sigma.killLayer(LAYER);
    },
  };
}
