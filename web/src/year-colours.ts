// Colour by year: a sequential palette (viridis stops, dark = old, yellow = recent) over the
// view's years. Papers take their year; authors and concepts the mean year of their papers.
import { NO_COMMUNITY } from "./colours.ts";
import type { ViewGraph } from "./views.ts";

const STOPS = ["#440154", "#3b528b", "#21918c", "#5ec962", "#fde725"].map((h) => [
  Number.parseInt(h.slice(1, 3), 16),
  Number.parseInt(h.slice(3, 5), 16),
  Number.parseInt(h.slice(5, 7), 16),
]);

export interface YearRange {
  min: number;
  max: number;
}

const hex = (n: number) => Math.round(n).toString(16).padStart(2, "0");

/** The palette at t in [0, 1]. */
export function sequential(t: number): string {
  const x = Math.max(0, Math.min(1, t)) * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(x));
  const f = x - i;
  const [a, b] = [STOPS[i], STOPS[i + 1]];
  return `#${[0, 1, 2].map((k) => hex(a[k] + (b[k] - a[k]) * f)).join("")}`;
}

/** A (mean) year's colour in the range; no year: the grey of "no community". */
export function yearColour(year: number | null, range: YearRange | null): string {
  if (year === null || !range) return NO_COMMUNITY;
  return sequential(range.max === range.min ? 1 : (year - range.min) / (range.max - range.min));
}

/** The years of a view's nodes, or null when none has one. */
export function yearRange(graph: ViewGraph): YearRange | null {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  graph.forEachNode((_k, a) => {
    if (a.year === null) return;
    min = Math.min(min, a.year);
    max = Math.max(max, a.year);
  });
  return min <= max ? { min: Math.floor(min), max: Math.ceil(max) } : null;
}

export interface YearEntry {
  colour: string;
  label: string;
  count: string;
}

/**
 * The year legend: every year of the range (or every k-th on a long range, at most 12 rows), with
 * how many of the view's nodes fall in it (a mean year counts in the year it rounds to), and the
 * nodes without a year last.
 */
export function yearLegend(graph: ViewGraph, range: YearRange | null): YearEntry[] {
  const counts = new Map<number, number>();
  let undated = 0;
  graph.forEachNode((_k, a) => {
    if (a.year === null) undated++;
    else counts.set(Math.round(a.year), (counts.get(Math.round(a.year)) ?? 0) + 1);
  });
  const out: YearEntry[] = [];
  if (range) {
    const step = Math.max(1, Math.ceil((range.max - range.min + 1) / 12));
    for (let y = range.max; y >= range.min; y -= step) {
      let n = 0;
      for (let k = y; k > y - step && k >= range.min; k--) n += counts.get(k) ?? 0;
      const from = Math.max(range.min, y - step + 1);
      out.push({
        colour: yearColour(y, range),
        label: from === y ? String(y) : `${from}–${y}`,
        count: String(n),
      });
    }
  }
  if (undated)
    out.push({ colour: yearColour(null, range), label: "no year", count: String(undated) });
  return out;
}
