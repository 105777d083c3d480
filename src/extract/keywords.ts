// Keywords the source assigns (MeSH, OpenAlex keywords/topics, author keywords) as entities of
// type "keyword", rule "source" — where the paper's title or abstract shows them, so that each
// keeps the sentence that proves it. A keyword the ontology knows is left to the ontology rule
// (its concept already carries the ontology's type); one whose label another entity of the paper
// already has (a topic, a pattern) adds nothing.
import { slugify } from "../common/text.ts";
import { type ConceptIndex, matchTokens } from "./matcher.ts";
import { type Span, spanAt, splitSentences } from "./text/sentences.ts";
import { tokenize } from "./text/tokenize.ts";
import type { Entity, Mention } from "./types.ts";

/** Confidence of a source keyword's mention: assigned by the source, located in the text. */
export const SOURCE_CONFIDENCE = 0.85;
/** Mentions kept per keyword (the first ones, title first). */
const MAX_MENTIONS = 3;

export interface KeywordText {
  title: string;
  abstract: string;
  keywords?: string[];
}

/** True when the ontology matches the whole keyword as one concept. */
function ontologyKnows(index: ConceptIndex, keyword: string): boolean {
  const tokens = tokenize(keyword);
  return matchTokens(index, tokens).some((m) => m.start === 0 && m.end === tokens.length);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A letter or digit: a match next to one is inside a longer word. */
const WORD_CHAR = /[\p{L}\p{N}]/u;

interface FieldText {
  field: "title" | "abstract";
  text: string;
  sentences: Span[];
}

/**
 * Whole-word, case-insensitive occurrences of `keyword` in one field, with their sentences. The
 * pattern is compiled without the u flag (a \p{…} class per keyword made each compile cost
 * milliseconds); word boundaries are checked on the neighbouring characters instead.
 */
function occurrences(f: FieldText, keyword: string): Mention[] {
  const re = new RegExp(keyword.split(/\s+/).map(escapeRegExp).join("\\s+"), "gi");
  const out: Mention[] = [];
  for (const m of f.text.matchAll(re)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (WORD_CHAR.test(f.text[start - 1] ?? "") || WORD_CHAR.test(f.text[end] ?? "")) continue;
    const s = f.sentences[spanAt(f.sentences, start)] ?? { start: 0, end: f.text.length };
    out.push({
      field: f.field,
      start,
      end,
      text: m[0],
      sentence: f.text.slice(s.start, s.end),
      rule: "source",
      confidence: SOURCE_CONFIDENCE,
    });
  }
  return out;
}

/** The keyword entities of one paper, given the entities it already has. */
export function keywordEntities(p: KeywordText, present: Entity[], index: ConceptIndex): Entity[] {
  if (!p.keywords?.length) return [];
  const labels = new Set(present.map((e) => e.label.toLowerCase()));
  const fields: FieldText[] = [
    { field: "title", text: p.title, sentences: splitSentences(p.title) },
    { field: "abstract", text: p.abstract, sentences: splitSentences(p.abstract) },
  ];
  const out = new Map<string, Entity>();
  for (const keyword of p.keywords ?? []) {
    const id = `keyword:${slugify(keyword)}`;
    if (id === "keyword:" || out.has(id) || labels.has(keyword.toLowerCase())) continue;
    const mentions = fields.flatMap((f) => occurrences(f, keyword)).slice(0, MAX_MENTIONS);
    if (mentions.length && !ontologyKnows(index, keyword))
      out.set(id, { type: "keyword", label: keyword, id, mentions });
  }
  return [...out.values()];
}
