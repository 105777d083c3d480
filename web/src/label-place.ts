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
  return placeShifted(items, box, () => []).map((p) => p.item);
}

/**
 * placeLabels where an item may also go up or down by one of `shifts(item)` (px, tried in order)
 * when its own place is taken: each kept item with the shift it got (0: its own place).
 */
export function placeShifted<T>(
  items: readonly T[],
  box: (item: T) => LabelBox,
  shifts: (item: T) => readonly number[],
): { item: T; dy: number }[] {
  const kept: { item: T; dy: number }[] = [];
  const boxes: LabelBox[] = [];
  for (const item of items) {
    const b = box(item);
    for (const dy of [0, ...shifts(item)]) {
      const moved = { x0: b.x0, y0: b.y0 + dy, x1: b.x1, y1: b.y1 + dy };
      if (boxes.some((o) => overlaps(o, moved))) continue;
      boxes.push(moved);
      kept.push({ item, dy });
      break;
    }
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
