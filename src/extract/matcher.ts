// Ontology matcher: every concept surface form in a token trie, longest match first.
import { headNouns, spelling, wordForms } from "./lexicon/index.ts";
import type { Concept } from "./ontology/schema.ts";
import { type Token, tokenize } from "./text/tokenize.ts";
import { insert, longestAt, lookup, newTrie, type TrieNode } from "./trie.ts";

export interface ConceptIndex {
  concepts: Concept[];
  byId: Map<string, Concept>;
  /** Case-insensitive surfaces (normalised words). */
  norm: TrieNode<number>;
  /** Case-sensitive surfaces: safe abbreviations and caseSensitive concepts. */
  exact: TrieNode<number>;
  /** Ambiguous abbreviations (matched only where a paper defines them): text → concept indexes. */
  ambiguous: Map<string, number[]>;
}

export interface Match {
  /** Token range [start, end). */
  start: number;
  end: number;
  concepts: number[];
}

const PREFIX = new RegExp(`\\b(${spelling.splitPrefixes.join("|")})(?=[a-z]{3,})`, "g");
const taskHeads = new Set(headNouns.taskLabelHeads);
const taskVerbs = new Map(Object.entries(headNouns.taskVerbs));
const methodVerbs = new Map(Object.entries(headNouns.methodVerbs));
/** One-word objects a task verb's variant never takes (head-nouns.json notTaskModifiers). */
const notObjects = new Set(headNouns.notTaskModifiers);
const SHORT_CAPS = /^[A-Z]{2,4}$/;
const ACRONYM = /^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*$/;

/** Surface spellings of one form: as written, hyphens joined, known prefixes split off. */
export function surfaceVariants(form: string, type: string): string[] {
  const out = new Set([form]);
  out.add(form.replace(/(\p{L})-(\p{L})/gu, "$1$2"));
  out.add(form.replace(PREFIX, "$1-"));
  if (type === "method") {
    // "distilling knowledge", "augment the data": a method head's verb before its object.
    const words = form.split(/\s+/);
    const head = words[words.length - 1]?.toLowerCase() ?? "";
    if (words.length === 2)
      for (const verb of methodVerbs.get(head) ?? []) out.add(`${verb} ${words[0]}`);
  }
  if (type === "task") {
    const words = form.split(/\s+/);
    const head = words[words.length - 1]?.toLowerCase() ?? "";
    if (words.length > 1 && taskHeads.has(head))
      out.add(`${head} of ${words.slice(0, -1).join(" ")}`);
    // "Predicting Clinical Events", "predicts survival": the verb and its object name the task;
    // not a generic object ("evaluate models" is no model evaluation task).
    if (words.length > 1 && !(words.length === 2 && notObjects.has(words[0].toLowerCase())))
      for (const verb of taskVerbs.get(head) ?? [])
        out.add(`${verb} ${words.slice(0, -1).join(" ")}`);
  }
  return [...out];
}

/** Each listed word → the other forms of its group (lexicon/word-forms.json). */
const formsOf = new Map<string, { others: string[]; alone: boolean }>();
for (const g of wordForms.groups)
  for (const f of g.forms)
    formsOf.set(f, { others: g.forms.filter((o) => o !== f), alone: g.alone });

const notVariants = new Set(wordForms.notVariants);

/**
 * Word-form variants of one form ("fair classification" → "fairness classification"; "fine-tuning"
 * → "fine-tuned", "fine-tune"): every combination of its listed words' other forms. A one-word
 * form (hyphenated parts count as one word) varies only through groups marked `alone`.
 */
export function wordFormVariants(form: string): string[] {
  const parts = form.toLowerCase().split(/(\s+|-)/);
  const spaced = /\s/.test(form);
  let out = [""];
  let changed = false;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    const f = i % 2 === 0 ? formsOf.get(p) : undefined;
    const options = f && (spaced || f.alone) ? [p, ...f.others] : [p];
    if (options.length > 1) changed = true;
    out = out.flatMap((o) => options.map((x) => o + x));
    if (out.length > 16) break;
  }
  return changed ? out.filter((v) => v !== form.toLowerCase() && !notVariants.has(v)) : [];
}

const keysOf = (form: string, exact: boolean): string[] =>
  tokenize(form).map((t: Token) => (exact ? t.raw : t.norm));

export function buildIndex(concepts: Concept[]): ConceptIndex {
  const norm = newTrie<number>();
  const exact = newTrie<number>();
  const ambiguous = new Map<string, number[]>();
  const addAmbiguous = (text: string, i: number) => {
    const list = ambiguous.get(text) ?? [];
    if (!list.includes(i)) list.push(i);
    ambiguous.set(text, list);
  };
  concepts.forEach((c, i) => {
    for (const form of [c.label, ...c.aliases]) {
      // A short all-caps alias ("RE", "NER") is an abbreviation in disguise: never matched alone.
      if (SHORT_CAPS.test(form) && !c.abbreviations.some((a) => a.text === form && a.safe)) {
        addAmbiguous(form, i);
        continue;
      }
      // An acronym label ("ECG", "PTB-XL") is matched as written, like a safe abbreviation.
      const asWritten = c.caseSensitive || (form === c.label && ACRONYM.test(form));
      for (const v of surfaceVariants(form, c.type))
        insert(asWritten ? exact : norm, keysOf(v, asWritten), i);
    }
    for (const a of c.abbreviations) {
      if (a.safe) insert(exact, keysOf(a.text, true), i);
      else addAmbiguous(a.text, i);
    }
  });
  // Word-form variants last, and only where no concept has that surface already.
  concepts.forEach((c, i) => {
    if (c.caseSensitive) return;
    for (const form of [c.label, ...c.aliases]) {
      if (SHORT_CAPS.test(form) || (form === c.label && ACRONYM.test(form))) continue;
      for (const w of wordFormVariants(form))
        for (const v of surfaceVariants(w, c.type)) {
          const keys = keysOf(v, false);
          const there = lookup(norm, keys);
          if (!there?.length || there.includes(i)) insert(norm, keys, i);
        }
    }
  });
  return { concepts, byId: new Map(concepts.map((c) => [c.id, c])), norm, exact, ambiguous };
}

/** Types that name what a longer phrase is about ("ECG" in "ECG foundation model"). */
const MODIFIER_TYPES = new Set(["modality", "condition", "dataset", "model"]);

/**
 * Ontology matches in a token list: the longest match at each start; a match inside a longer
 * one is dropped ("supervised learning" in "semi-supervised learning", "regression" in "Cox
 * regression") unless it is a modality, condition, dataset or model of another type than the
 * longer one ("ECG" in "ECG foundation model").
 */
export function matchTokens(index: ConceptIndex, tokens: Token[]): Match[] {
  const raw: Match[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const a = longestAt(index.norm, tokens, i, false);
    const b = longestAt(index.exact, tokens, i, true);
    const best = a && b ? (a.end === b.end ? null : a.end > b.end ? a : b) : (a ?? b);
    if (best) raw.push({ start: i, end: best.end, concepts: [...best.values] });
    else if (a && b)
      raw.push({ start: i, end: a.end, concepts: [...new Set([...a.values, ...b.values])] });
  }
  const typesOf = (m: Match) => new Set(m.concepts.map((c) => index.concepts[c].type));
  return raw.filter((m) => {
    const types = typesOf(m);
    const modifier = [...types].every((t) => MODIFIER_TYPES.has(t));
    return !raw.some(
      (o) =>
        o !== m &&
        o.start <= m.start &&
        o.end >= m.end &&
        o.end - o.start > m.end - m.start &&
        (!modifier || [...typesOf(o)].some((t) => types.has(t))),
    );
  });
}
