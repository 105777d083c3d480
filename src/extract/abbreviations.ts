// Abbreviation definitions in running text: "dataset condensation (DC)", "Large Language Models (LLMs)".
// The long form is found with the Schwartz & Hearst (2003) backward character match.
import { nameConnectives } from "./lexicon/index.ts";

export interface Definition {
  /** The short form as written, e.g. "LLMs". */
  short: string;
  /** The short form without a plural "s", e.g. "LLM". */
  key: string;
  shortStart: number;
  shortEnd: number;
  longStart: number;
  longEnd: number;
}

const PAREN = /\(([^()]{1,12})\)/g;
const isAlnum = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** Short form candidates: 2–10 characters, a letter first, at most two words, some capital. */
function shortKey(s: string): string | null {
  const t = s.trim();
  if (t.length < 2 || t.length > 10 || t.split(/\s+/).length > 2) return null;
  if (!/^[\p{L}]/u.test(t) || !/\p{Lu}/u.test(t)) return null;
  if (/^(?:i|ii|iii|iv|v|vi|e\.g|i\.e)$/i.test(t)) return null;
  return /\p{Lu}s$/u.test(t) ? t.slice(0, -1) : t;
}

/** Schwartz & Hearst: the shortest suffix of `long` whose characters cover the short form in order. */
export function bestLongForm(short: string, long: string): number | null {
  let s = short.length - 1;
  let l = long.length - 1;
  while (s >= 0) {
    const c = short[s].toLowerCase();
    if (!isAlnum(c)) {
      s--;
      continue;
    }
    while ((l >= 0 && long[l].toLowerCase() !== c) || (s === 0 && l > 0 && isAlnum(long[l - 1]))) {
      l--;
    }
    if (l < 0) return null;
    l--;
    s--;
  }
  const start = long.lastIndexOf(" ", l) + 1;
  return start;
}

/**
 * The parts of a short form a long form's words can stand for: each capital, each run of digits
 * and each run of two or more small letters ("MSDialogue": M, S, D, ialogue).
 */
const partsOf = (key: string) => key.match(/\p{Lu}|\p{N}+|\p{Ll}{2,}/gu)?.length ?? 0;
/** The long form's words other than connectives ("for", "of", "via", "the": lexicon). */
const contentWords = (long: string) =>
  long.split(/\s+/).filter((w) => !nameConnectives.has(w.toLowerCase()));
/**
 * The backward character match alone lets a name with small letters collect a clause: "we use
 * transformer base models to evaluate the proposed approach using a labelled dialogue dataset
 * (MSDialogue)" read "models to … dataset" (8 content words) as the long form of MSDialogue (4
 * parts). So a long form has at most this many content words beyond its short form's parts;
 * "Federated Learning Aggregation Biased by a Foundation Model (FedBaF)" has 6 for 4.
 */
const MAX_EXTRA_WORDS = 3;
const plausible = (key: string, long: string) =>
  contentWords(long).length <= partsOf(key) + MAX_EXTRA_WORDS;

/** Every "long form (SHORT)" definition in text, in order. */
export function findDefinitions(text: string): Definition[] {
  const out: Definition[] = [];
  for (const m of text.matchAll(PAREN)) {
    const key = shortKey(m[1]);
    if (!key) continue;
    const open = m.index ?? 0;
    // The window: up to min(|SF| + 5, 2|SF|) words before "(", within the clause.
    const maxWords = Math.min(key.length + 5, key.length * 2);
    let from = open;
    let words = 0;
    while (from > 0 && words < maxWords) {
      const c = text[from - 1];
      if (/[.;:()[\]!?,]/.test(c) && !/\d/.test(text[from - 2] ?? "")) break;
      from--;
      if (c === " " && isAlnum(text[from - 1])) words++;
    }
    const window = text.slice(from, open).replace(/\s+$/, "");
    if (!window) continue;
    const rel = bestLongForm(key, window);
    if (rel === null) continue;
    const longStart = from + rel;
    const longEnd = from + window.length;
    const long = text.slice(longStart, longEnd);
    if (long.length <= key.length || long.toLowerCase() === key.toLowerCase()) continue;
    if (!plausible(key, long)) continue;
    const shortStart = open + 1 + (m[1].length - m[1].trimStart().length);
    const short = m[1].trim();
    out.push({ short, key, shortStart, shortEnd: shortStart + short.length, longStart, longEnd });
  }
  return out;
}
