// What extraction builds for one paper: a draft per entity with its mentions, the paper's state
// (fields, drafts, short forms), and the primitives the rules add to it with (paper.ts runs the
// rules; patterns.ts, patterns-datasets.ts and topics.ts add through these).
import { slugify } from "../common/text.ts";
import type { Definition } from "./abbreviations.ts";
import { type Field, type FieldName, sentenceOf } from "./field.ts";
import type { ConceptIndex } from "./matcher.ts";
import type { ResolvedOptions } from "./options.ts";
import { mentionRole } from "./roles.ts";
import type { EntityType, Mention, MentionRole, Rule } from "./types.ts";

export interface Draft {
  type: EntityType;
  label: string;
  id: string;
  aliases: Set<string>;
  parents: Set<string>;
  /** Keyed by "field:start:end" so a span is one mention, at its best confidence. */
  mentions: Map<string, Mention>;
}

/** A defined short form resolves to entity ids, or only expands to its long form. */
export interface ShortForm {
  def: Definition;
  field: FieldName;
  long: string;
  ids: string[];
}

export interface PaperState {
  index: ConceptIndex;
  opts: ResolvedOptions;
  fields: Field[];
  drafts: Map<string, Draft>;
  shortForms: Map<string, ShortForm>;
}

export function draftFor(
  st: PaperState,
  type: EntityType,
  label: string,
  parents: string[] = [],
): Draft {
  const id = `${type}:${slugify(label) || "x"}`;
  const concept = st.index.byId.get(id);
  return draftOf(st, concept ?? { id, type, label, parents });
}

export function draftOf(
  st: PaperState,
  c: { id: string; type: EntityType; label: string; parents: string[] },
): Draft {
  let d = st.drafts.get(c.id);
  if (!d) {
    d = {
      type: c.type,
      label: c.label,
      id: c.id,
      aliases: new Set(),
      parents: new Set(c.parents),
      mentions: new Map(),
    };
    st.drafts.set(c.id, d);
  }
  return d;
}

export function addMention(
  d: Draft,
  field: Field,
  start: number,
  end: number,
  rule: Rule,
  confidence: number,
  /** The rule's own reading of the role ("the proposed X"); else the sentence's cue words decide. */
  ruleRole?: MentionRole,
): void {
  const key = `${field.name}:${start}:${end}`;
  const old = d.mentions.get(key);
  if (old && old.confidence >= confidence) return;
  const role = ruleRole ?? mentionRole(field, start, d.type);
  d.mentions.set(key, {
    field: field.name,
    start,
    end,
    text: field.text.slice(start, end),
    sentence: sentenceOf(field, start),
    rule,
    confidence,
    ...(role ? { role } : {}),
  });
}

/** Lower-case words of three letters or more. */
const wordsOf = (s: string) => s.toLowerCase().match(/\p{L}{3,}/gu) ?? [];
/** The plain words of a name ("temporal", "Logic"; not "GPT", "ResNet"), lower case. */
const plainWordsOf = (s: string) =>
  (s.match(/\p{L}+/gu) ?? [])
    .filter((w) => /^\p{Lu}?\p{Ll}{2,}$/u.test(w))
    .map((w) => w.toLowerCase());

/**
 * Can a long form the paper defines stand for this concept? When it shares a word with the
 * concept's label or aliases: "real-world data (RWD)" names the concept RWD abbreviates,
 * "cytotoxic T lymphocyte (CTL)" is no temporal logic although the ontology lists CTL for it. A
 * concept whose label is an acronym or a name ("GPT-3", "ChatGPT") cannot be judged so: it fits.
 */
export function longFormFits(st: PaperState, id: string, long: string): boolean {
  const c = st.index.byId.get(id);
  if (!c || plainWordsOf(c.label).length === 0) return true;
  const names = new Set([c.label, ...c.aliases].flatMap(plainWordsOf));
  return wordsOf(long).some((w) => names.has(w));
}
