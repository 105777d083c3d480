// The words of a paper's title and abstract as text-vector terms: TeX commands (\mathbb, \emph)
// left out, folded to lower case without accents, split at anything but letters and digits, stop words (lexicon.ts) and tokens without
// a letter left out, plurals folded to the singular ("networks" → "network", "studies" → "study").
import { allStopWords } from "./lexicon.ts";

/** A term's key (the folded singular) and the word as written (lower case). */
export interface Token {
  key: string;
  form: string;
}

const S = 115; // "s"

/** "networks" → "network", "policies" → "policy"; "loss", "bias", "analysis", "corpus" stay. */
export function singular(word: string): string {
  const n = word.length;
  if (n > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (n <= 3 || word.charCodeAt(n - 1) !== S) return word;
  const before = word.charCodeAt(n - 2);
  // -ss, -us, -is
  return before === S || before === 117 || before === 105 ? word : word.slice(0, -1);
}

const MAX_TOKEN = 30;

const TEX_COMMAND = /\\[A-Za-z]+/g;

/**
 * The written forms of a text's words (lower case, accents off), in order, before stop words. A
 * TeX command is no word: "$\mathbb{R}^d$" gives "r", "d", never "mathbb".
 */
export function words(text: string): string[] {
  const plain = text.includes("\\") ? text.replace(TEX_COMMAND, " ") : text;
  // Only text beyond ASCII needs its accents taken off (most abstracts are ASCII).
  const ascii = !/[\u0080-\uffff]/.test(plain);
  const folded = ascii ? plain : plain.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  return folded.toLowerCase().split(/[^a-z0-9]+/);
}

/**
 * A written form's term key, or null when it is no term (too short or long, no letter, a stop
 * word before or after folding the plural).
 */
export function termKey(form: string, stop: ReadonlySet<string> = allStopWords): string | null {
  if (form.length < 2 || form.length > MAX_TOKEN || !/[a-z]/.test(form) || stop.has(form))
    return null;
  const key = singular(form);
  return stop.has(key) ? null : key;
}

/** The terms of a text, in order (see the file header). */
export function tokens(text: string, stop: ReadonlySet<string> = allStopWords): Token[] {
  const out: Token[] = [];
  for (const form of words(text)) {
    const key = termKey(form, stop);
    if (key !== null) out.push({ key, form });
  }
  return out;
}
