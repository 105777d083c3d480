// Keywords the source assigns (MeSH, OpenAlex keywords/topics, author keywords) as entities of
// type "keyword", rule "source" — where the paper's title or abstract shows them, so that each
// keeps the sentence that proves it. A keyword the ontology knows is left to the ontology rule
// (its concept already carries the ontology's type); one whose label another entity of the paper
// already has (a topic, a pattern) adds nothing.
import { slugify } from "../common/text.ts";
import { type ConceptIndex, matchTokens } from "./matcher.ts";
import { spanAt, splitSentences } from "./text/sentences.ts";
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

/** Whole-word, case-insensitive occurrences of `keyword` in one field, with their sentences. */
function occurrences(field: "title" | "abstract", text: string, keyword: string): Mention[] {
  const words = keyword.split(/\s+/).map(escapeRegExp).join("\\s+");
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${words}(?![\\p{L}\\p{N}])`, "giu");
  const spans = splitSentences(text);
  const out: Mention[] = [];
  for (const m of text.matchAll(re)) {
    const start = m.index ?? 0;
    const s = spans[spanAt(spans, start)] ?? { start: 0, end: text.length };
    out.push({
      field,
      start,
      end: start + m[0].length,
      text: m[0],
      sentence: text.slice(s.start, s.end),
      rule: "source",
      confidence: SOURCE_CONFIDENCE,
    });
  }
  return out;
}

/** The keyword entities of one paper, given the entities it already has. */
export function keywordEntities(p: KeywordText, present: Entity[], index: ConceptIndex): Entity[] {
  const labels = new Set(present.map((e) => e.label.toLowerCase()));
  const out = new Map<string, Entity>();
  for (const keyword of p.keywords ?? []) {
    const id = `keyword:${slugify(keyword)}`;
    if (id === "keyword:" || out.has(id) || labels.has(keyword.toLowerCase())) continue;
    if (ontologyKnows(index, keyword)) continue;
    const mentions = [
      ...occurrences("title", p.title, keyword),
      ...occurrences("abstract", p.abstract, keyword),
    ].slice(0, MAX_MENTIONS);
    if (mentions.length) out.set(id, { type: "keyword", label: keyword, id, mentions });
  }
  return [...out.values()];
}
