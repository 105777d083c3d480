// New phrases (not in the ontology): canonical labels and typing by head noun.
import { functionWords, headNouns, weakModifiers } from "./lexicon/index.ts";
import { normWord, singular } from "./text/normalise.ts";
import type { Token } from "./text/tokenize.ts";
import type { EntityType } from "./types.ts";

export type NewType = "method" | "task" | "modality" | "dataset";

const headType = new Map<string, NewType>();
for (const t of ["dataset", "modality", "task", "method"] as NewType[]) {
  for (const w of headNouns.heads[t]) headType.set(normWord(w), t);
}
const generic = new Set(headNouns.generic.map(normWord));
const functionNorm = new Set([...functionWords].map(normWord));
const weakNorm = new Set([...weakModifiers].map(normWord));

/** Acronyms, CamelCase and mixed letter-digit names keep their case ("CE-SSL", "RiskAgent", "GPT-4o"). */
export function isNameLike(raw: string): boolean {
  return (
    /^.+\p{Lu}/u.test(raw) || (/\d/.test(raw) && /\p{L}/u.test(raw)) || /^\p{Lu}{2,}/u.test(raw)
  );
}

/** A word written with a capital where an ordinary word would not have one. */
export const isCapitalised = (raw: string): boolean => /^\p{Lu}/u.test(raw);

export const isFunctionWord = (t: Token): boolean =>
  functionNorm.has(t.norm) || /^\d+$/.test(t.raw);
export const isWeak = (t: Token): boolean => weakNorm.has(t.norm);
export const isGeneric = (t: Token): boolean => generic.has(t.norm);

/**
 * Canonical label of a token run: lower case except names, hyphens kept, last word singular.
 * `expand` may replace a word (a defined abbreviation) by its long form.
 */
export function canonicalLabel(tokens: Token[], expand?: (t: Token) => string | undefined): string {
  let out = "";
  tokens.forEach((t, i) => {
    const last = i === tokens.length - 1;
    let word = expand?.(t);
    if (word === undefined) {
      if (isNameLike(t.raw)) word = last && /\p{Lu}s$/u.test(t.raw) ? t.raw.slice(0, -1) : t.raw;
      else word = last ? singular(t.raw.toLowerCase()) : t.raw.toLowerCase();
    } else if (last) {
      word = word.replace(/(\w+)$/, (w) => singular(w));
    }
    // A possessive "s" right after its word ("Alzheimer's", "Alzheimer’s") is written "'s".
    const possessive = i > 0 && t.raw === "s" && t.start === tokens[i - 1].end + 1;
    out += i === 0 ? word : t.hyphen ? `-${word}` : possessive ? `'${word}` : ` ${word}`;
  });
  return out;
}

/** Type suggested by how a name ends: "…Net" → method, "…Bench" → dataset. */
export function suffixType(raw: string): NewType | null {
  for (const s of headNouns.suffixes.dataset)
    if (raw.length > s.length && raw.endsWith(s)) return "dataset";
  for (const s of headNouns.suffixes.method)
    if (raw.length > s.length && raw.endsWith(s)) return "method";
  return null;
}

export interface Typed {
  type: NewType;
  /** The tokens that carry the meaning (generic heads and leading function words removed). */
  tokens: Token[];
  /** A generic head ("framework", "approach") was removed. */
  generic: boolean;
}

/**
 * Type a phrase by its head word. Generic heads are stripped; a phrase whose head was generic is
 * a method when what remains has a method head (or `conceptType` says method), otherwise untyped.
 */
export function typePhrase(
  tokens: Token[],
  conceptType?: (tokens: Token[]) => EntityType | null,
): Typed | null {
  let end = tokens.length;
  let stripped = false;
  while (end > 0 && (isGeneric(tokens[end - 1]) || tokens[end - 1].norm === "based")) {
    end--;
    stripped = true;
  }
  let start = 0;
  while (
    start < end &&
    (isFunctionWord(tokens[start]) || isWeak(tokens[start])) &&
    !tokens[start + 1]?.hyphen
  )
    start++;
  if (start >= end) return null;
  const core = tokens.slice(start, end);
  const head = core[core.length - 1];
  let type: NewType | null = headType.get(head.norm) ?? suffixType(head.raw);
  if (!type && conceptType) {
    const t = conceptType(core);
    if (t === "method" || t === "task" || t === "modality" || t === "dataset") type = t;
  }
  if (!type) return null;
  if (stripped && type !== "method") return null;
  return { type, tokens: core, generic: stripped };
}
