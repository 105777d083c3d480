// "Export PNG → Whole graph": the whole current view (camera reset, current colours, filters and
// highlight) drawn large by a temporary sigma renderer, with a title, the community labels and the
// legend beside it. Node labels are placed without overlaps and only where they fit whole. Every
// text is drawn with fillText: data, never markup.
import { drawOnCanvas } from "@sigma/export-image";
import type Sigma from "sigma";
import { communityColour, TYPE_COLOURS } from "./colours.ts";
import { roundedRect } from "./export-png.ts";
import { fitText } from "./fit-text.ts";
import { createLabelPass } from "./label-pass.ts";
import { NODE_TYPES, type State } from "./state.ts";
import type { View, ViewCommunity, ViewEdge, ViewNode } from "./views.ts";
import { yearLegend, yearRange } from "./year-colours.ts";

type ViewSigma = Sigma<ViewNode, ViewEdge>;

export interface LegendEntry {
  colour: string;
  label: string;
  count: string;
}

export interface WholeExport {
  canvas: HTMLCanvasElement;
  /** The graph's area in the image (CSS pixels) and the labels drawn in it: for tests. */
  graph: { x: number; y: number; width: number; height: number };
  nodeLabels: { x0: number; y0: number; x1: number; y1: number }[];
  communityLabels: number;
  legend: LegendEntry[];
}

const PAD = 24;
const TITLE = 64;
const LEGEND = 340;
const LINE = 22;

/** The legend of the image: the view's communities by size, or the node types shown. */
export function legendEntries(view: View, state: State): LegendEntry[] {
  if (state.colourBy === "year") return yearLegend(view.graph, yearRange(view.graph));
  if (state.colourBy === "type") {
    const present = new Set<string>();
    view.graph.forEachNode((_k, a) => {
      present.add(a.kind);
    });
    return NODE_TYPES.filter((t) => present.has(t)).map((t) => ({
      colour: TYPE_COLOURS[t],
      label: t,
      count: "",
    }));
  }
  return [...view.communities]
    .filter((c) => c.size > 0)
    .filter((c) => state.filters.community === null || c.id === state.filters.community)
    .sort((a, b) => b.size - a.size || a.id - b.id)
    .map((c) => ({ colour: communityColour(c.id), label: c.label, count: String(c.size) }));
}

/** Where a community's label goes in `r`'s viewport: its centre, or its members' mean. */
function communityAt(r: ViewSigma, c: ViewCommunity): { x: number; y: number } | null {
  if (!c.members) return r.graphToViewport({ x: c.x, y: c.y });
  let x = 0;
  let y = 0;
  let n = 0;
  for (const m of c.members) {
    const d = r.getNodeDisplayData(m);
    if (!d || d.hidden) continue;
    const v = r.framedGraphToViewport(d);
    x += v.x;
    y += v.y;
    n++;
  }
  return n ? { x: x / n, y: y / n } : null;
}

type Box = { x0: number; y0: number; x1: number; y1: number };
const hits = (boxes: Box[], b: Box) =>
  boxes.some((o) => o.x0 < b.x1 && b.x0 < o.x1 && o.y0 < b.y1 && b.y0 < o.y1);

/**
 * The biggest communities' labels as pills inside the graph's area: never over each other, and
 * moved a little up or down off the node labels (`avoid`) when a free spot is near.
 */
function drawCommunityLabels(
  ctx: CanvasRenderingContext2D,
  r: ViewSigma,
  view: View,
  state: State,
  area: { width: number; height: number },
  avoid: Box[],
): number {
  ctx.font = "650 15px system-ui, -apple-system, 'Segoe UI', sans-serif";
  const items = [...view.communities]
    .filter((c) => c.size > 0)
    .filter((c) => state.filters.community === null || c.id === state.filters.community)
    .sort((a, b) => b.size - a.size || a.id - b.id)
    .slice(0, 16)
    .flatMap((c) => {
      const p = communityAt(r, c);
      if (!p) return [];
      const text = fitText((s) => ctx.measureText(s).width, c.label, 300);
      const w = ctx.measureText(text).width + 18;
      const x = Math.max(2, Math.min(area.width - w - 2, p.x - w / 2));
      const spots = [0, -28, 28, -56, 56].map((dy) => {
        const y = Math.max(2, Math.min(area.height - 26, p.y - 13 + dy));
        return { x0: x, y0: y, x1: x + w, y1: y + 24 };
      });
      return [{ c, text, spots }];
    });
  const placed: { c: ViewCommunity; text: string; box: Box }[] = [];
  for (const { c, text, spots } of items) {
    const free = spots.filter(
      (b) =>
        !hits(
          placed.map((p) => p.box),
          b,
        ),
    );
    const box = free.find((b) => !hits(avoid, b)) ?? free[0];
    if (box) placed.push({ c, text, box });
  }
  for (const { c, text, box } of placed) {
    roundedRect(ctx, box.x0, box.y0, box.x1 - box.x0, box.y1 - box.y0, 11);
    ctx.fillStyle = "rgba(255,255,255,0.85)";
    ctx.fill();
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = communityColour(c.id);
    ctx.stroke();
    ctx.fillStyle = "#1f2328";
    ctx.textBaseline = "middle";
    ctx.fillText(text, box.x0 + 9, box.y0 + 12);
  }
  return placed.length;
}

function drawLegend(
  ctx: CanvasRenderingContext2D,
  entries: LegendEntry[],
  heading: string,
  x: number,
  y: number,
) {
  ctx.textBaseline = "middle";
  ctx.fillStyle = "#4b5563";
  ctx.font = "700 13px system-ui, -apple-system, 'Segoe UI', sans-serif";
  ctx.fillText(heading.toUpperCase(), x, y + 8);
  ctx.font = "400 14px system-ui, -apple-system, 'Segoe UI', sans-serif";
  entries.forEach((e, i) => {
    const cy = y + 34 + i * LINE;
    ctx.beginPath();
    ctx.arc(x + 6, cy, 6, 0, 2 * Math.PI);
    ctx.fillStyle = e.colour;
    ctx.fill();
    ctx.fillStyle = "#1f2328";
    const room = LEGEND - 60 - ctx.measureText(e.count).width;
    ctx.fillText(
      fitText((s) => ctx.measureText(s).width, e.label, room),
      x + 20,
      cy,
    );
    ctx.fillStyle = "#6b7280";
    ctx.fillText(e.count, x + LEGEND - 24 - ctx.measureText(e.count).width, cy);
  });
}

/**
 * The whole view as an image: `title` and `subtitle` on top, the graph (width × height CSS
 * pixels; node labels in `rank` order), the legend on the right.
 */
export async function renderWhole(
  sigma: ViewSigma,
  view: View,
  state: State,
  rank: (node: string) => number | null,
  text: { title: string; subtitle: string },
  size = { width: 1600, height: 1100 },
): Promise<WholeExport> {
  let nodeLabels: WholeExport["nodeLabels"] = [];
  let communityLabels = 0;
  const { width, height } = size;
  const graph = await drawOnCanvas(sigma as unknown as Sigma, {
    width,
    height,
    backgroundColor: "#ffffff",
    cameraState: { x: 0.5, y: 0.5, ratio: 1, angle: 0 },
    sigmaSettings: { stagePadding: 60, hideLabelsOnMove: false },
    withTempRenderer: (tmp) => {
      const r = tmp as unknown as ViewSigma;
      const pass = createLabelPass<ViewNode, ViewEdge>(rank, true);
      r.setSetting("defaultDrawNodeLabel", pass.collect);
      pass.attach(r);
      r.refresh();
      nodeLabels = pass.drawn().map((d) => d.box);
      const labels = r.getCanvases().labels.getContext("2d") as CanvasRenderingContext2D;
      communityLabels = drawCommunityLabels(labels, r, view, state, size, nodeLabels);
    },
  });
  const legend = legendEntries(view, state).slice(0, 40);
  const heading = { type: "Node types", year: "Years", community: "Communities" }[state.colourBy];
  const ratio = graph.width / width;
  const canvas = document.createElement("canvas");
  const total = {
    width: PAD + width + PAD + LEGEND + PAD,
    height: PAD + TITLE + Math.max(height, 40 + legend.length * LINE) + PAD,
  };
  canvas.width = Math.round(total.width * ratio);
  canvas.height = Math.round(total.height * ratio);
  const ctx = canvas.getContext("2d") as CanvasRenderingContext2D;
  ctx.scale(ratio, ratio);
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, total.width, total.height);
  ctx.textBaseline = "alphabetic";
  // One line of the heading, cut to the canvas width.
  const headLine = (line: string, font: string, colour: string, y: number) => {
    ctx.font = `${font} system-ui, -apple-system, 'Segoe UI', sans-serif`;
    ctx.fillStyle = colour;
    ctx.fillText(
      fitText((s) => ctx.measureText(s).width, line, total.width - 2 * PAD),
      PAD,
      y,
    );
  };
  headLine(text.title, "700 24px", "#1f2328", PAD + 24);
  headLine(text.subtitle, "400 15px", "#6b7280", PAD + 50);
  const top = PAD + TITLE;
  ctx.drawImage(graph, PAD, top, width, height);
  ctx.strokeStyle = "#e3e5e8";
  ctx.lineWidth = 1;
  ctx.strokeRect(PAD - 0.5, top - 0.5, width + 1, height + 1);
  drawLegend(ctx, legend, heading, PAD + width + PAD, top);
  return {
    canvas,
    graph: { x: PAD, y: top, width, height },
    nodeLabels,
    communityLabels,
    legend,
  };
}
