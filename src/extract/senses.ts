// Word sense of ambiguous ontology terms (lexicon/word-senses.json): "stroke" is a clinical
// condition in a paper about patients, not in one about pen strokes or badminton.
import { z } from "zod";
import wordSensesJson from "./lexicon/word-senses.json" with { type: "json" };
import type { ConceptIndex, Match } from "./matcher.ts";
import { normWord } from "./text/normalise.ts";
import type { Token } from "./text/tokenize.ts";

const Word = z.string().regex(/^\S+$/, "one word");

export const WordSenseData = z.object({
  description: z.string().optional(),
  domains: z.record(
    z.string(),
    z.object({ cues: z.array(Word), types: z.array(z.string()), ids: z.array(z.string()) }),
  ),
  terms: z.array(
    z.object({
      id: z.string(),
      forms: z.array(z.string()).min(1),
      domain: z.string(),
      cues: z.array(Word),
    }),
  ),
});
export type WordSenseData = z.infer<typeof WordSenseData>;

/** One ambiguous concept: the folded forms that are ambiguous and what supports its sense. */
interface Sense {
  forms: Set<string>;
  cues: Set<string>;
  types: Set<string>;
  ids: Set<string>;
}

const foldForm = (form: string) =>
  (form.match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => normWord(w)).join(" ");

/** The senses of a data file by concept id; throws naming the first problem. */
export function parseWordSenses(data: unknown): Map<string, Sense> {
  const r = WordSenseData.safeParse(data);
  if (!r.success)
    throw new Error(`extract/lexicon: word-senses.json: ${r.error.issues[0]?.message}`);
  const out = new Map<string, Sense>();
  for (const t of r.data.terms) {
    const d = r.data.domains[t.domain];
    if (!d) throw new Error(`extract/lexicon: word-senses.json: ${t.id}: no domain ${t.domain}`);
    out.set(t.id, {
      forms: new Set(t.forms.map(foldForm)),
      cues: new Set([...d.cues, ...t.cues].map(normWord)),
      types: new Set(d.types),
      ids: new Set(d.ids),
    });
  }
  return out;
}

export const wordSenses = parseWordSenses(wordSensesJson);

const listedCache = new WeakMap<ConceptIndex, Set<number>>();

/** Indexes of the concepts of `index` that word-senses.json lists (computed once per index). */
function listedIn(index: ConceptIndex): Set<number> {
  let out = listedCache.get(index);
  if (!out) {
    out = new Set();
    index.concepts.forEach((c, i) => {
      if (wordSenses.has(c.id)) out?.add(i);
    });
    listedCache.set(index, out);
  }
  return out;
}

export interface SenseField {
  tokens: Token[];
  matches: Match[];
}

const matchedForm = (f: SenseField, m: Match) =>
  f.tokens
    .slice(m.start, m.end)
    .map((t) => t.norm)
    .join(" ");

/** A concept of this match taken in an ambiguous form (its sense still to be decided). */
function isAmbiguous(f: SenseField, m: Match, ci: number, index: ConceptIndex): boolean {
  const s = wordSenses.get(index.concepts[ci].id);
  return s?.forms.has(matchedForm(f, m)) ?? false;
}

/** Does a cue word or another (unambiguous) entity of the paper support the term's domain? */
function supported(s: Sense, words: Set<string>, others: Set<number>, index: ConceptIndex) {
  for (const c of s.cues) if (words.has(c)) return true;
  for (const ci of others) {
    const c = index.concepts[ci];
    if (s.ids.has(c.id) || s.types.has(c.type)) return true;
  }
  return false;
}

/**
 * Drop an ambiguous concept from the matches of a paper (title and abstract) whose words and
 * other entities do not support its domain. Mutates `fields[].matches`; matches left with no
 * concept are removed.
 */
export function resolveSenses(fields: SenseField[], index: ConceptIndex): void {
  const listed = listedIn(index);
  if (!fields.some((f) => f.matches.some((m) => m.concepts.some((ci) => listed.has(ci))))) return;
  const doubtful = new Set<number>();
  const sure = new Set<number>();
  for (const f of fields)
    for (const m of f.matches)
      for (const ci of m.concepts) (isAmbiguous(f, m, ci, index) ? doubtful : sure).add(ci);
  if (doubtful.size === 0) return;
  const words = new Set(fields.flatMap((f) => f.tokens.map((t) => t.norm)));
  const wrong = new Set<number>();
  for (const ci of doubtful) {
    const s = wordSenses.get(index.concepts[ci].id);
    if (s && !sure.has(ci) && !supported(s, words, sure, index)) wrong.add(ci);
  }
  if (wrong.size === 0) return;
  for (const f of fields) {
    f.matches = f.matches
      .map((m) => ({ ...m, concepts: m.concepts.filter((ci) => !wrong.has(ci)) }))
      .filter((m) => m.concepts.length > 0);
  }
}
