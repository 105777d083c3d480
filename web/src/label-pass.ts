// Node labels that never overlap: sigma draws every label the grid picks plus every forced one,
// so the labels of a highlighted neighbourhood ran over each other. Here sigma's label drawer
// only collects the labels of a frame; after the frame they are placed in priority order (the
// focus, then its strongest neighbours, then bigger nodes first) and a label that would overlap
// one already placed is left out. Labels are drawn with fillText: text, never markup.
import type Sigma from "sigma";
import { drawDiscNodeLabel } from "sigma/rendering";
import type { Settings } from "sigma/settings";
import type { NodeDisplayData, PartialButFor } from "sigma/types";

export interface LabelBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const overlaps = (a: LabelBox, b: LabelBox) =>
  a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** The items, in the given order, whose boxes overlap none kept before them. */
export function placeLabels<T>(items: readonly T[], box: (item: T) => LabelBox): T[] {
  const kept: T[] = [];
  const boxes: LabelBox[] = [];
  for (const item of items) {
    const b = box(item);
    if (boxes.some((o) => overlaps(o, b))) continue;
    boxes.push(b);
    kept.push(item);
  }
  return kept;
}

/** Where a label drawn as sigma draws it (right of the node, `size` px text) lies on screen. */
export function labelBox(
  x: number,
  y: number,
  radius: number,
  textWidth: number,
  size: number,
): LabelBox {
  const left = x + radius + 3;
  return { x0: left - 2, y0: y - size * 0.75, x1: left + textWidth + 2, y1: y + size * 0.6 };
}

type LabelData = PartialButFor<NodeDisplayData, "x" | "y" | "size" | "label" | "color"> & {
  key?: string;
};

export interface LabelPass {
  /** sigma's `defaultDrawNodeLabel`: collects the labels of a frame. */
  collect: NonNullable<Settings["defaultDrawNodeLabel"]>;
  /**
   * Draws the collected labels after each frame of `sigma`, from now on and for the frame already
   * drawn (sigma's constructor renders once, before it can be attached).
   */
  // biome-ignore lint/suspicious/noExplicitAny: any sigma instance (main view or export copy)
  attach(sigma: Sigma<any, any>): void;
  /** Labels drawn in the last frame, with their boxes: for tests. */
  drawn(): { key: string; box: LabelBox }[];
}

const UNRANKED = 1e9;

/** Node labels placed without overlaps; `rank` orders them (lower first; null = unranked). */
export function createLabelPass(rank: (node: string) => number | null): LabelPass {
  let context: CanvasRenderingContext2D | null = null;
  let pending: { data: LabelData; settings: Settings }[] = [];
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
    const kept = placeLabels(boxed, (b) => b.box);
    for (const { data, settings } of kept) drawDiscNodeLabel(ctx, data, settings);
    drawn = kept.map(({ data, box }) => ({ key: data.key ?? "", box }));
  };
  return {
    collect(ctx, data, settings) {
      // another renderer copying these settings (the PNG export) draws as sigma would
      if (context && ctx !== context) drawDiscNodeLabel(ctx, data, settings);
      else if (data.label) pending.push({ data, settings: settings as Settings });
    },
    attach(sigma) {
      context = sigma.getCanvases().labels.getContext("2d");
      sigma.on("afterRender", flush);
      flush();
    },
    drawn: () => drawn,
  };
}
