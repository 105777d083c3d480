// A small rule-based sentence splitter: offsets into the original text, abbreviation-aware.

export interface Span {
  start: number;
  end: number;
}

const NO_BREAK_BEFORE =
  /(?:\b(?:e\.g|i\.e|et al|etc|vs|cf|Fig|Figs|Eq|Dr|Mr|Ms|approx|resp|Ref|No|Vol|incl|ca)|\b[A-Z])$/;
const END = /[.!?](?:["'\u201d\u2019)\]]*)(?=\s+["'\u201c([]?[A-Z0-9\\$]|\s*$)/g;

/** Sentence spans of text, trimmed; the whole text when no boundary is found. */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const m of text.matchAll(END)) {
    const at = m.index ?? 0;
    const before = text.slice(Math.max(0, at - 12), at);
    if (text[at] === "." && NO_BREAK_BEFORE.test(before)) continue;
    const end = at + m[0].length;
    pushTrimmed(text, start, end, spans);
    start = end;
  }
  pushTrimmed(text, start, text.length, spans);
  return spans;
}

function pushTrimmed(text: string, start: number, end: number, spans: Span[]): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? "")) s++;
  while (e > s && /\s/.test(text[e - 1] ?? "")) e--;
  if (e > s) spans.push({ start: s, end: e });
}

/** Index of the span containing offset (binary search); -1 if none. */
export function spanAt(spans: Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  // Offsets in the whitespace between sentences belong to the following one.
  return Math.min(lo, spans.length - 1);
}
