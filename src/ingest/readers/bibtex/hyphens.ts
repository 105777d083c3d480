// Line-break hyphens left in PDF-extracted abstracts (PMLR BibTeX: "classifi- cation", "pre- dict").
// "X- y" becomes "Xy" where that word is known: written unbroken elsewhere in the same file (or as
// its plural), or listed in hyphenation.json; otherwise "X-y" where X is a compound's first half
// listed there or "X-y" is written elsewhere in the file ("self- supervised" → "self-supervised").
// Anything else stays as written: a suspended hyphen ("low- and middle-income"), an unknown word.
// Every change is recorded in the record's `repairs`.
import { z } from "zod";
import type { PaperRecord } from "../../types.ts";
import dataJson from "./hyphenation.json" with { type: "json" };

const Hyphenation = z.object({
  description: z.string().optional(),
  words: z.array(z.string().regex(/^[a-z]+$/)),
  prefixes: z.array(z.string().regex(/^[a-z]+$/)),
});
const parsed = Hyphenation.safeParse(dataJson);
if (!parsed.success)
  throw new Error(`ingest/bibtex: hyphenation.json: ${parsed.error.issues[0]?.message}`);
const listedWords = new Set(parsed.data.words);
const prefixes = new Set(parsed.data.prefixes);

/** A letter word, a hyphen, one space, a lower-case word: the shape a line break leaves. */
const BROKEN = /(?<![\p{L}\p{N}-])(\p{L}+)- (\p{Ll}+)(?![\p{L}\p{N}-])/gu;
const HAS_BROKEN = new RegExp(BROKEN.source, "u");
/** Words that follow a suspended hyphen ("low- and middle-income", "pre- or post-operative"). */
const SUSPENDED = new Set(["and", "or", "to", "nor", "as", "vs"]);

/** The words a file writes whole (lower case) and its hyphenated compounds, from its records. */
export interface FileWords {
  whole: Set<string>;
  hyphenated: Set<string>;
}

export function fileWords(papers: readonly PaperRecord[]): FileWords {
  const whole = new Set<string>();
  const hyphenated = new Set<string>();
  for (const p of papers) {
    const text = `${p.title} ${p.abstract}`.toLowerCase();
    for (const m of text.matchAll(/(?<![\p{L}-])\p{L}+(?![\p{L}-])/gu)) whole.add(m[0]);
    for (const m of text.matchAll(/\p{L}+-\p{L}+/gu)) hyphenated.add(m[0]);
  }
  return { whole, hyphenated };
}

function known(words: FileWords, w: string): boolean {
  return listedWords.has(w) || words.whole.has(w) || words.whole.has(`${w}s`);
}

/** The abstract with its line-break hyphens repaired, and what was changed. */
export function repairHyphens(text: string, words: FileWords): { text: string; repairs: string[] } {
  const repairs: string[] = [];
  const out = text.replace(BROKEN, (all: string, a: string, b: string) => {
    if (SUSPENDED.has(b)) return all;
    const lower = a.toLowerCase();
    let fixed: string | undefined;
    if (known(words, `${lower}${b}`)) fixed = `${a}${b}`;
    else if (prefixes.has(lower) || words.hyphenated.has(`${lower}-${b}`)) fixed = `${a}-${b}`;
    if (!fixed) return all;
    repairs.push(`abstract: "${all}" → "${fixed}"`);
    return fixed;
  });
  return { text: out, repairs };
}

/** Each record with its abstract's line-break hyphens repaired (`repairs` lists them). */
export function repairRecords(papers: PaperRecord[]): PaperRecord[] {
  if (!papers.some((p) => HAS_BROKEN.test(p.abstract))) return papers;
  const words = fileWords(papers);
  return papers.map((p) => {
    const { text, repairs } = repairHyphens(p.abstract, words);
    return repairs.length
      ? { ...p, abstract: text, repairs: [...(p.repairs ?? []), ...repairs] }
      : p;
  });
}
