// The words of a paper's title and abstract as text-vector terms: folded to lower case without
// accents, split at anything but letters and digits, stop words (lexicon.ts) and tokens without
// a letter left out, plurals folded to the singular ("networks" → "network", "studies" → "study").
import { allStopWords } from "./lexicon.ts";

/** A term's key (the folded singular) and the word as written (lower case). */
export interface Token {
  key: string;
  form: string;
}

/** "networks" → "network", "policies" → "policy"; "loss", "bias", "analysis" stay. */
export function singular(word: string): string {
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith("s") && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

const MAX_TOKEN = 30;

/** The terms of a text, in order (see the file header). */
export function tokens(text: string, stop: ReadonlySet<string> = allStopWords): Token[] {
  const out: Token[] = [];
  // Only text beyond ASCII needs its accents taken off (most abstracts are ASCII).
  const ascii = !/[^\x00-\x7f]/.test(text);
  const folded = (
    ascii ? text : text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
  ).toLowerCase();
  for (const form of folded.split(/[^a-z0-9]+/)) {
    if (form.length < 2 || form.length > MAX_TOKEN || !/[a-z]/.test(form) || stop.has(form))
      continue;
    const key = singular(form);
    if (stop.has(key)) continue;
    out.push({ key, form });
  }
  return out;
}
