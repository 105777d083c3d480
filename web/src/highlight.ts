// Splits a text into plain and highlighted segments from entity mention offsets.

export interface Span {
  start: number;
  end: number;
  /** Entity type shown beside the highlight, e.g. "method". */
  type: string;
  /** Concept node key, so a highlight can be clicked. */
  node: string;
  /** The mention's text as extracted; a span whose text does not match the field is dropped. */
  text: string;
}

export interface Segment {
  text: string;
  span: Span | null;
}

/**
 * Non-overlapping segments covering `text` in order. Overlapping spans keep the one that starts
 * first (the longer on ties); spans out of range or not matching the text are ignored.
 */
export function segments(text: string, spans: readonly Span[]): Segment[] {
  const valid = spans
    .filter((s) => s.start >= 0 && s.end <= text.length && s.start < s.end)
    .filter((s) => text.slice(s.start, s.end) === s.text)
    .sort((a, b) => a.start - b.start || b.end - a.end || a.node.localeCompare(b.node));
  const out: Segment[] = [];
  let at = 0;
  for (const s of valid) {
    if (s.start < at) continue;
    if (s.start > at) out.push({ text: text.slice(at, s.start), span: null });
    out.push({ text: text.slice(s.start, s.end), span: s });
    at = s.end;
  }
  if (at < text.length || out.length === 0) out.push({ text: text.slice(at), span: null });
  return out;
}
