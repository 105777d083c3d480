// A paper's field (title or abstract) as extraction reads it: its text, tokens, sentences and
// ontology matches, with the offset helpers every rule uses.
import { type ConceptIndex, type Match, matchTokens } from "./matcher.ts";
import { type Span, spanAt, splitSentences } from "./text/sentences.ts";
import { type Token, tokenize } from "./text/tokenize.ts";

export type FieldName = "title" | "abstract";

export interface Field {
  name: FieldName;
  text: string;
  tokens: Token[];
  sentences: Span[];
  matches: Match[];
}

export function prepareField(name: FieldName, text: string, index: ConceptIndex): Field {
  const tokens = tokenize(text);
  return {
    name,
    text,
    tokens,
    sentences: splitSentences(text),
    matches: matchTokens(index, tokens),
  };
}

export function sentenceOf(field: Field, offset: number): string {
  if (field.name === "title") return field.text;
  const i = spanAt(field.sentences, offset);
  const s = field.sentences[i];
  return s ? field.text.slice(s.start, s.end) : field.text;
}

/** Token index range [a, b) covering characters [start, end). */
export function tokenRange(tokens: Token[], start: number, end: number): [number, number] {
  let a = 0;
  while (a < tokens.length && tokens[a].start < start) a++;
  let b = a;
  while (b < tokens.length && tokens[b].end <= end) b++;
  return [a, b];
}
