// Format detection by content: every reader's cheap sniff, in registry order. The file
// extension only breaks ties between readers that all claim the text.
import type { FormatReader } from "./types.ts";

/** File extensions (lower-case, no dot) that favour a format when several readers claim a text. */
export const EXTENSIONS: Readonly<Record<string, readonly string[]>> = {
  bibtex: ["bib", "bibtex"],
  ris: ["ris", "nbib", "enw"],
  csl: ["json", "csljson", "csl"],
  semanticscholar: ["json"],
  paperlists: ["json"],
  atom: ["xml", "atom"],
  oaipmh: ["xml"],
  scopus: ["csv"],
  seed: ["txt"],
  openalex: ["json"],
  crossref: ["json"],
  pubmed: ["xml"],
  medline: ["nbib", "medline", "txt"],
  wos: ["txt", "isi", "ciw"],
};

/** Last path segment of a "/" or "\" separated path. */
export function basenameOf(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

/** Lower-case extension without the dot ("" when none). */
export function extensionOf(file: string): string {
  const base = basenameOf(file);
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
}

/**
 * True for text that is really binary data: a NUL character, or more than 2% control
 * characters other than tab/newline/carriage return/form feed in the first 64 KiB.
 */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 65536);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) control++;
  }
  return sample.length > 0 && control / sample.length > 0.02;
}

/**
 * The reader for a text: the only reader whose sniff claims it, else among several the first
 * whose extensions include the file's, else the first in registry order; null when none.
 * A sniff that throws counts as "not mine".
 */
export function detectReader(
  text: string,
  file: string,
  readers: readonly FormatReader[],
): FormatReader | null {
  const claims = readers.filter((r) => {
    try {
      return r.detect(text, file);
    } catch {
      return false;
    }
  });
  if (claims.length <= 1) return claims[0] ?? null;
  const ext = extensionOf(file);
  return claims.find((r) => EXTENSIONS[r.format]?.includes(ext)) ?? claims[0] ?? null;
}
