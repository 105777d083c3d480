// Word normalisation for matching: lower case, accents stripped, singular, American spelling.
import { spelling } from "../lexicon/index.ts";

const words = new Map(Object.entries(spelling.words));
const pluralKeep = new Set(spelling.pluralKeep);
// Longest suffix first so "isation" wins over "ise".
const suffixes = [...spelling.suffixes].sort((a, b) => b[0].length - a[0].length);
const infixes = spelling.infixes;

/** Drop a plural ending: "models" → "model", "studies" → "study", "analyses" → "analysis". */
export function singular(w: string): string {
  if (w.length <= 3 || pluralKeep.has(w)) return w;
  if (!w.endsWith("s")) return w;
  if (w.endsWith("ss") || w.endsWith("us") || w.endsWith("is")) return w;
  if (w.endsWith("yses")) return `${w.slice(0, -4)}ysis`;
  // "biases", "aliases": the singular ends in "ias".
  if (w.endsWith("iases")) return w.slice(0, -2);
  if (w.endsWith("ies") && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith("sses")) return w.slice(0, -2);
  if (/(?:x|ch|sh)es$/.test(w)) return w.slice(0, -2);
  return w.slice(0, -1);
}

/** British → American spelling of one lower-case singular word. */
export function americanise(w: string): string {
  const direct = words.get(w);
  if (direct) return direct;
  let out = w;
  for (const [from, to] of infixes) if (out.includes(from)) out = out.replace(from, to);
  if (out.length > 5) {
    for (const [from, to] of suffixes) {
      if (out.endsWith(from)) {
        out = out.slice(0, -from.length) + to;
        break;
      }
    }
  }
  return out;
}

const cache = new Map<string, string>();

/** The match key of one word: lower case, no accents, singular, American spelling. */
export function normWord(raw: string): string {
  const hit = cache.get(raw);
  if (hit !== undefined) return hit;
  let w = raw.toLowerCase();
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ASCII fast path test
  if (!/^[\x00-\x7f]*$/.test(w)) w = w.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  const out = americanise(singular(w));
  if (cache.size > 200_000) cache.clear();
  cache.set(raw, out);
  return out;
}
