// Text from input files (paths, titles, reasons quoting them) made safe to print on a terminal:
// a newline in a file name must not start a forged line, and bidi overrides must not reorder one.

/**
 * C0 and C1 controls, DEL, the line/paragraph separators and the bidi controls (ALM, LRM, RLM,
 * LRE…RLO, LRI…PDI).
 */
const UNSAFE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const SHORT: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** `text` with every unsafe character written as an escape (`\n`, `\u202e`); the rest unchanged. */
export function escapeForTerminal(text: string): string {
  return text.replace(
    UNSAFE,
    (c) => SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
