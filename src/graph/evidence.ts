// The mentions a paper→concept `has` edge keeps: at most maxMentions, strongest first, each
// with its sentence located by offsets into the paper's field instead of copied.
import type { Mention } from "../extract/types.ts";

/** A mention as the graph stores it (src/graph/schema.ts EvidenceMention). */
export interface GraphMention {
  field: "title" | "abstract";
  start: number;
  end: number;
  text: string;
  /** Only when the sentence could not be located in the field. */
  sentence?: string;
  sentenceStart?: number;
  sentenceEnd?: number;
  rule: string;
  confidence: number;
}

/**
 * Where `sentence` sits in `field` around [start, end): the last occurrence starting at or
 * before `start` that covers the mention, else the first occurrence anywhere; null if absent.
 */
export function locateSentence(
  field: string,
  sentence: string,
  start: number,
  end: number,
): { sentenceStart: number; sentenceEnd: number } | null {
  let at = field.lastIndexOf(sentence, start);
  while (at >= 0 && at + sentence.length < end)
    at = at > 0 ? field.lastIndexOf(sentence, at - 1) : -1;
  if (at < 0) at = field.indexOf(sentence);
  return at < 0 ? null : { sentenceStart: at, sentenceEnd: at + sentence.length };
}

const fieldRank = (f: string) => (f === "title" ? 0 : 1);

/**
 * The evidence kept on one `has` edge: the `max` strongest mentions (confidence, then title
 * before abstract, then position), listed in text order, sentences as offsets where found.
 */
export function edgeMentions(
  mentions: readonly Mention[],
  fields: { title: string; abstract: string },
  max: number,
): GraphMention[] {
  const byStrength = [...mentions].sort(
    (a, b) =>
      b.confidence - a.confidence ||
      fieldRank(a.field) - fieldRank(b.field) ||
      a.start - b.start ||
      a.end - b.end,
  );
  return byStrength
    .slice(0, Math.max(0, max))
    .sort((a, b) => fieldRank(a.field) - fieldRank(b.field) || a.start - b.start || a.end - b.end)
    .map((m) => {
      // Keys in sorted order, so serialize shares these objects instead of re-sorting them.
      const where = locateSentence(fields[m.field], m.sentence, m.start, m.end);
      const head = { confidence: m.confidence, end: m.end, field: m.field, rule: m.rule };
      const tail = { start: m.start, text: m.text };
      return where
        ? { ...head, sentenceEnd: where.sentenceEnd, sentenceStart: where.sentenceStart, ...tail }
        : { ...head, sentence: m.sentence, ...tail };
    });
}
