// The mentions a paper→concept `has` edge keeps: at most maxMentions, strongest first, each
// with its sentence located by offsets into the paper's field instead of copied; and what the
// paper does with the concept (uses it, proposes it) where its sentences say so.
import type { Mention, MentionRole } from "../extract/types.ts";
import { round4 } from "./similarity.ts";

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
  /** Only when the mention's sentence says the paper uses or proposes the concept. */
  role?: MentionRole;
}

/**
 * What a paper does with a concept over all its mentions: "proposed" when any mention says so
 * (a paper that proposes X may also say it uses X), else "used" when any does, else undefined.
 */
export function paperRole(mentions: readonly { role?: MentionRole }[]): MentionRole | undefined {
  let role: MentionRole | undefined;
  for (const m of mentions) {
    if (m.role === "proposed") return "proposed";
    if (m.role === "used") role = "used";
  }
  return role;
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

/** Strongest first: confidence, then title before abstract, then position. */
const strength = (a: Mention, b: Mention) =>
  b.confidence - a.confidence ||
  fieldRank(a.field) - fieldRank(b.field) ||
  a.start - b.start ||
  a.end - b.end;

/** Text order (title first), ties strongest first. */
const textOrder = (a: Mention, b: Mention) =>
  fieldRank(a.field) - fieldRank(b.field) || a.start - b.start || a.end - b.end || strength(a, b);

/**
 * One kept mention as the graph stores it, its keys in sorted order (so serialize shares the
 * object instead of re-sorting it) and no `role` key when the mention has none (graph.json
 * unchanged for such mentions). Written as object literals, not spreads: a 6,418-paper build
 * makes 100k of them.
 */
function graphMention(
  m: Mention,
  where: { sentenceStart: number; sentenceEnd: number } | null,
): GraphMention {
  const { confidence, end, field, role, rule, start, text } = m;
  if (where === null)
    return role
      ? { confidence, end, field, role, rule, sentence: m.sentence, start, text }
      : { confidence, end, field, rule, sentence: m.sentence, start, text };
  const { sentenceEnd, sentenceStart } = where;
  return role
    ? { confidence, end, field, role, rule, sentenceEnd, sentenceStart, start, text }
    : { confidence, end, field, rule, sentenceEnd, sentenceStart, start, text };
}

/**
 * The evidence kept on one `has` edge: the `max` strongest mentions (confidence, then title
 * before abstract, then position), listed in text order, sentences as offsets where found.
 */
export function edgeMentions(
  mentions: readonly Mention[],
  fields: { title: string; abstract: string },
  max: number,
): GraphMention[] {
  if (max <= 0) return [];
  // Most edges have no more mentions than are kept: no need to rank them.
  const kept = mentions.length <= max ? [...mentions] : [...mentions].sort(strength).slice(0, max);
  kept.sort(textOrder);
  return kept.map((m) =>
    graphMention(m, locateSentence(fields[m.field], m.sentence, m.start, m.end)),
  );
}

/** A `has` edge's attributes (src/graph/schema.ts), as buildGraph stores them. */
export interface HasAttributes {
  confidence: number;
  entityType: string;
  mentionCount: number;
  mentions: GraphMention[];
  role?: MentionRole;
  type: "has";
  weight: number;
}

/**
 * The attributes of the `has` edge from a paper to one of its entities: the strongest mention's
 * confidence (rounded to 4 decimals) as confidence and weight, the kept mentions (edgeMentions)
 * and the paper's role; keys in sorted order, `role` only where the paper says it uses or
 * proposes the concept (object literals, not a spread: one edge per paper and concept).
 */
export function hasAttributes(
  entity: { type: string; mentions: readonly Mention[] },
  fields: { title: string; abstract: string },
  maxMentions: number,
): HasAttributes {
  const { type: entityType, mentions: all } = entity;
  const confidence = round4(all.reduce((m, x) => Math.max(m, x.confidence), 0));
  const mentionCount = all.length;
  const mentions = edgeMentions(all, fields, maxMentions);
  const role = paperRole(all);
  return role
    ? { confidence, entityType, mentionCount, mentions, role, type: "has", weight: confidence }
    : { confidence, entityType, mentionCount, mentions, type: "has", weight: confidence };
}
