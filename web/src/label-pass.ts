// Node labels that never overlap: sigma draws every label the grid picks plus every forced one,
// so the labels of a highlighted neighbourhood ran over each other. Here sigma's label drawer
// only collects the labels of a frame; after the frame they are placed in priority order (the
// focus, then its strongest neighbours, then bigger nodes first) and a label that would overlap
// one already placed is left out. Labels are drawn with fillText: text, never markup.
import type { Attributes } from "graphology-types";
import type Sigma from "sigma";
import { drawDiscNodeLabel, type NodeLabelDrawingFunction } from "sigma/rendering";
import type { Settings } from "sigma/settings";
import type { NodeDisplayData, PartialButFor } from "sigma/types";
import { type LabelBox, labelBox, placeShifted } from "./label-place.ts";

type LabelData = PartialButFor<NodeDisplayData, "x" | "y" | "size" | "label" | "color"> & {
  key?: string;
};

export interface LabelPass<N extends Attributes, E extends Attributes> {
  /** sigma's `defaultDrawNodeLabel`: collects the labels of a frame. */
  collect: NodeLabelDrawingFunction<N, E>;
  /**
   * Draws the collected labels after each frame of `sigma`, from now on and for the frame already
   * drawn (sigma's constructor renders once, before it can be attached).
   */
  attach(sigma: Sigma<N, E>): void;
  /** Labels drawn in the last frame, with their boxes: for tests. */
  drawn(): { key: string; box: LabelBox }[];
}

const UNRANKED = 1e9;

/** Up and down by one, two and three lines: where a crowded ranked label may go instead. */
const SHIFTS = [1, -1, 2, -2, 3, -3].map((k) => k * 15);

/**
 * Node labels placed without overlaps; `rank` orders them (lower first; null = unranked).
 * `whole`: only labels that fit inside the canvas (a label running off the edge is left out).
 * `spread()`: a ranked label whose place is taken may move a few lines up or down ("label all
 * neighbours": every neighbour is meant to be named).
 */
export function createLabelPass<
  N extends Attributes = Attributes,
  E extends Attributes = Attributes,
>(
  rank: (node: string) => number | null,
  whole = false,
  spread: () => boolean = () => false,
): LabelPass<N, E> {
  let context: CanvasRenderingContext2D | null = null;
  let size = { width: Number.POSITIVE_INFINITY, height: Number.POSITIVE_INFINITY };
  const inside = (b: LabelBox) =>
    !whole || (b.x0 >= 0 && b.y0 >= 0 && b.x1 <= size.width && b.y1 <= size.height);
  let pending: { data: LabelData; settings: Settings<N, E> }[] = [];
  let drawn: { key: string; box: LabelBox }[] = [];
  const order = (d: LabelData) => rank(d.key ?? "") ?? UNRANKED;
  const flush = () => {
    const items = pending;
    pending = [];
    const ctx = context;
    if (!ctx) return;
    items.sort((a, b) => order(a.data) - order(b.data) || b.data.size - a.data.size);
    const boxed = items.map(({ data, settings }) => {
      const s = settings.labelSize;
      ctx.font = `${settings.labelWeight} ${s}px ${settings.labelFont}`;
      const width = ctx.measureText(data.label ?? "").width;
      return { data, settings, box: labelBox(data.x, data.y, data.size, width, s) };
    });
    const moves = spread();
    const kept = placeShifted(
      boxed.filter((b) => inside(b.box)),
      (b) => b.box,
      (b) => (moves && rank(b.data.key ?? "") !== null ? SHIFTS : []),
    );
    for (const { item, dy } of kept) {
      const { data, settings } = item;
      if (dy) {
        // a thin leader from the node to its moved label
        ctx.strokeStyle = "rgba(90, 90, 90, 0.6)";
        ctx.lineWidth = 1;
        ctx.beginPath();
        ctx.moveTo(data.x + data.size, data.y);
        ctx.lineTo(data.x + data.size + 3, data.y + dy);
        ctx.stroke();
      }
      drawDiscNodeLabel(ctx, { ...data, y: data.y + dy }, settings);
    }
    drawn = kept.map(({ item, dy }) => ({
      key: item.data.key ?? "",
      box: { ...item.box, y0: item.box.y0 + dy, y1: item.box.y1 + dy },
    }));
  };
  return {
    collect(ctx, data, settings) {
      // another renderer copying these settings (the PNG export) draws as sigma would
      if (context && ctx !== context) drawDiscNodeLabel(ctx, data, settings);
      else if (data.label) pending.push({ data, settings });
    },
    attach(sigma) {
      context = sigma.getCanvases().labels.getContext("2d");
      size = sigma.getDimensions();
      sigma.on("resize", () => {
        size = sigma.getDimensions();
      });
      sigma.on("afterRender", flush);
      flush();
    },
    drawn: () => drawn,
  };
}
