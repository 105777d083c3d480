// Text cut to a width, for labels drawn on a canvas (pure: the measure is given).

/** The longest start of `text` (with "…" when cut) that fits in `width` pixels. */
export function fitText(measure: (s: string) => number, text: string, width: number): string {
  if (measure(text) <= width) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (measure(`${text.slice(0, mid)}…`) <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo)}…`;
}
