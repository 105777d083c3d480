// Split a BibTeX file into top-level entries with their 1-based start lines, so that each
// entry can be parsed on its own and one broken entry is rejected alone.
import { lineAt, lineStarts } from "../common.ts";

export interface BibChunk {
  /** Entry type, lower-case: "inproceedings", "string", "comment", … */
  type: string;
  /** Citation key when one could be read, else "". */
  key: string;
  /** 1-based line of the "@". */
  line: number;
  /** The entry's text from "@" to its closing delimiter (or to where it was cut off). */
  text: string;
  /** False when the closing delimiter was missing before the next entry or the end of file. */
  closed: boolean;
}

const ENTRY_START = /@[ \t]*([A-Za-z][A-Za-z0-9_-]*)[ \t\r\n]*([{(])/g;
/** A line that opens a new entry: "@type{" at the line start (leading blanks allowed). */
const NEXT_ENTRY_LINE = /^[ \t]*@[ \t]*[A-Za-z]+[ \t]*[{(]/;

/** Find the end of an entry whose opening delimiter is at `open`. */
function scanEntry(text: string, open: number): { end: number; closed: boolean } {
  const closer = text[open] === "(" ? ")" : "}";
  let depth = 0;
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (c === "\\") {
      i++; // an escaped brace does not count
    } else if (c === "{") {
      depth++;
    } else if (c === "}" && depth > 0) {
      depth--;
    } else if (c === closer && depth === 0) {
      return { end: i + 1, closed: true };
    } else if (c === "\n" || c === "\r") {
      // A new entry at the start of a line while this one is still open: this one is broken.
      if (NEXT_ENTRY_LINE.test(text.slice(i + 1, i + 120))) return { end: i + 1, closed: false };
    }
  }
  return { end: text.length, closed: false };
}

/** Split `text` into entries; text between entries is a comment in BibTeX and is skipped. */
export function splitBibtex(text: string): BibChunk[] {
  const starts = lineStarts(text);
  const chunks: BibChunk[] = [];
  ENTRY_START.lastIndex = 0;
  let m: RegExpExecArray | null = ENTRY_START.exec(text);
  while (m) {
    const type = (m[1] ?? "").toLowerCase();
    const open = m.index + m[0].length - 1;
    const { end, closed } = scanEntry(text, open);
    const body = text.slice(open + 1, end);
    const key = /^\s*([^,\s{}()"=]+)\s*,/.exec(body)?.[1] ?? "";
    chunks.push({
      type,
      key,
      line: lineAt(starts, m.index),
      text: text.slice(m.index, end),
      closed,
    });
    ENTRY_START.lastIndex = Math.max(end, m.index + 1);
    m = ENTRY_START.exec(text);
  }
  return chunks;
}

/** "@comment", "@string" or "@preamble" with what follows it. */
const NON_ENTRY = /@[ \t]*(comment|string|preamble)\b[ \t\r\n]*([{(])?/iy;

/**
 * The offset of the first thing in `text` that is not preamble: blank lines, % comment lines,
 * @comment, @string and @preamble entries. A .bib file may open with any amount of these before
 * its first entry. Linear in what it skips; stops at the first other character.
 */
export function skipPreamble(text: string): number {
  let at = 0;
  while (at < text.length) {
    const c = text[at];
    if (c === " " || c === "\t" || c === "\r" || c === "\n" || c === "\uFEFF") at++;
    else if (c === "%") at = lineEnd(text, at);
    else if (c === "@") {
      NON_ENTRY.lastIndex = at;
      const m = NON_ENTRY.exec(text);
      if (!m) return at;
      // "@comment text" without a brace runs to the end of its line.
      at = m[2] ? scanEntry(text, NON_ENTRY.lastIndex - 1).end : lineEnd(text, at);
    } else return at;
  }
  return at;
}

function lineEnd(text: string, from: number): number {
  const n = text.indexOf("\n", from);
  return n < 0 ? text.length : n + 1;
}
