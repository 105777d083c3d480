// Where a node can be shown on screen: the graph's area minus what lies over it (the details
// panel of a narrow window, beside the graph or over its lower part).

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The largest strip of `frame` that `cover` leaves free (left, right, above or below it), in
 * `frame`'s own coordinates (0,0 = its top left corner); all of it when nothing covers it.
 */
export function freeArea(frame: Box, cover: Box | null): Box {
  const all = { left: 0, top: 0, width: frame.width, height: frame.height };
  if (!cover || cover.width <= 0 || cover.height <= 0) return all;
  const x0 = Math.max(0, cover.left - frame.left);
  const x1 = Math.min(frame.width, cover.left + cover.width - frame.left);
  const y0 = Math.max(0, cover.top - frame.top);
  const y1 = Math.min(frame.height, cover.top + cover.height - frame.top);
  if (x1 <= x0 || y1 <= y0) return all;
  const strips: Box[] = [
    { left: 0, top: 0, width: x0, height: frame.height },
    { left: x1, top: 0, width: frame.width - x1, height: frame.height },
    { left: 0, top: 0, width: frame.width, height: y0 },
    { left: 0, top: y1, width: frame.width, height: frame.height - y1 },
  ];
  const area = (b: Box) => b.width * b.height;
  const best = strips.reduce((a, b) => (area(b) > area(a) ? b : a));
  return area(best) > 0 ? best : all;
}

/**
 * The point of the free area where a focused node goes: a little left of its centre, since
 * its label runs to the right.
 */
export function focusSpot(free: Box): { x: number; y: number } {
  return { x: free.left + free.width * 0.4, y: free.top + free.height / 2 };
}
