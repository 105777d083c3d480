// Where node labels go: boxes on screen and the greedy pass that keeps them apart (pure; used by
// label-pass.ts for sigma's labels and by hover-overlay.ts for its own).

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
