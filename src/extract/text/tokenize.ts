// Tokens with offsets into the original text; the unit every matcher works on.
import { normWord } from "./normalise.ts";

export interface Token {
  /** The word as written. */
  raw: string;
  /** Match key (see normWord). */
  norm: string;
  start: number;
  end: number;
  /**
   * True when the gap before this token is only white space (line breaks too), one hyphen, an en
   * dash with no space around it ("Drug–Target") or an apostrophe.
   */
  joined: boolean;
  /** True when the gap before this token is a hyphen ("semi-supervised") or an unspaced en dash. */
  hyphen: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;
// An en dash joins words only when unspaced: "Drug–Target" is one name, "X – Y" is punctuation.
const JOIN_GAP = /^(?:\s+|\s*[-\u2010\u2011]\s*|\u2013|['\u2019])$/;
const HYPHEN_GAP = /^(?:[-\u2010\u2011]\s*|\u2013)$/;

/** Split text into word tokens (runs of letters and digits) with original offsets. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let prevEnd = -1;
  for (const m of text.matchAll(WORD)) {
    const start = m.index ?? 0;
    const raw = m[0];
    const gap = prevEnd < 0 ? "" : text.slice(prevEnd, start);
    out.push({
      raw,
      norm: normWord(raw),
      start,
      end: start + raw.length,
      joined: prevEnd >= 0 && JOIN_GAP.test(gap),
      hyphen: HYPHEN_GAP.test(gap),
    });
    prevEnd = start + raw.length;
  }
  return out;
}
