// Entities of one paper: ontology matches, defined abbreviations, contribution patterns,
// title structure and compositional tasks, each with its mentions.
import { slugify } from "../common/text.ts";
import { type Definition, findDefinitions } from "./abbreviations.ts";
import { subsumedConcepts } from "./lexicon/index.ts";
import { type ConceptIndex, type Match, matchTokens } from "./matcher.ts";
import type { ResolvedOptions } from "./options.ts";
import { contributions, resolveLongForm } from "./patterns.ts";
import { mentionRole } from "./roles.ts";
import { resolveSenses } from "./senses.ts";
import { type Span, spanAt, splitSentences } from "./text/sentences.ts";
import { type Token, tokenize } from "./text/tokenize.ts";
import { insert, longestAt, newTrie } from "./trie.ts";
import type { EntityType, Mention, Rule } from "./types.ts";

export type FieldName = "title" | "abstract";

export interface Field {
  name: FieldName;
  text: string;
  tokens: Token[];
  sentences: Span[];
  matches: Match[];
}

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
): void {
  const key = `${field.name}:${start}:${end}`;
  const old = d.mentions.get(key);
  if (old && old.confidence >= confidence) return;
  const role = mentionRole(field, start, d.type);
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

/** Token index range [a, b) covering characters [start, end). */
export function tokenRange(tokens: Token[], start: number, end: number): [number, number] {
  let a = 0;
  while (a < tokens.length && tokens[a].start < start) a++;
  let b = a;
  while (b < tokens.length && tokens[b].end <= end) b++;
  return [a, b];
}

function ontologyMentions(st: PaperState): void {
  for (const f of st.fields) {
    for (const m of f.matches) {
      const start = f.tokens[m.start].start;
      const end = f.tokens[m.end - 1].end;
      for (const ci of m.concepts) {
        addMention(
          draftOf(st, st.index.concepts[ci]),
          f,
          start,
          end,
          "ontology",
          st.opts.confidence.ontology,
        );
      }
    }
  }
}

/** Mentions of defined short forms (and of the new long forms) anywhere in the paper. */
function localMentions(st: PaperState): void {
  const exact = newTrie<string>();
  for (const [key, sf] of st.shortForms) {
    if (!sf.ids.length) continue;
    const keys = tokenize(key).map((t) => t.raw);
    insert(exact, keys, key);
  }
  const norm = newTrie<string>();
  for (const d of st.drafts.values()) {
    if (st.index.byId.has(d.id)) continue;
    insert(
      norm,
      tokenize(d.label).map((t) => t.norm),
      d.id,
    );
  }
  for (const f of st.fields) {
    for (let i = 0; i < f.tokens.length; i++) {
      const a = longestAt(exact, f.tokens, i, true);
      if (a) {
        const sf = st.shortForms.get(a.values[0]);
        for (const id of sf?.ids ?? []) {
          const d = st.drafts.get(id);
          if (!d) continue;
          const start = f.tokens[i].start;
          addMention(
            d,
            f,
            start,
            f.tokens[a.end - 1].end,
            "abbreviation",
            st.opts.confidence.abbreviation,
          );
        }
      }
      const b = longestAt(norm, f.tokens, i, false);
      if (b) {
        for (const id of b.values) {
          const d = st.drafts.get(id);
          if (!d || d.mentions.size === 0) continue;
          const rule = [...d.mentions.values()][0].rule;
          const conf = Math.max(...[...d.mentions.values()].map((m) => m.confidence));
          addMention(d, f, f.tokens[i].start, f.tokens[b.end - 1].end, rule, conf);
        }
      }
    }
  }
}

/** Extract the (non-topic) entities of one paper. */
export function extractPaperEntities(
  title: string,
  abstract: string,
  index: ConceptIndex,
  opts: ResolvedOptions,
): PaperState {
  const st: PaperState = {
    index,
    opts,
    fields: [prepareField("title", title, index), prepareField("abstract", abstract, index)],
    drafts: new Map(),
    shortForms: new Map(),
  };
  resolveSenses(st.fields, index);
  ontologyMentions(st);
  for (const f of st.fields) {
    for (const def of findDefinitions(f.text)) resolveDefinition(st, f, def);
  }
  if (opts.patterns) contributions(st);
  localMentions(st);
  dropSubsumed(st);
  return st;
}

/** Ontology ancestors of a concept id (is-a, transitively). */
function ancestors(index: ConceptIndex, id: string): Set<string> {
  const out = new Set<string>();
  const todo = [...(index.byId.get(id)?.parents ?? [])];
  for (let p = todo.pop(); p !== undefined; p = todo.pop()) {
    if (out.has(p)) continue;
    out.add(p);
    todo.push(...(index.byId.get(p)?.parents ?? []));
  }
  return out;
}

/**
 * A generic concept listed in lexicon/subsumed-concepts.json ("images", "classification", "text")
 * says nothing more where the paper names one of its descendants ("OCT images", "image
 * classification", "radiology reports"): drop it from the paper.
 */
function dropSubsumed(st: PaperState): void {
  const present = [...st.drafts.values()].filter((d) => d.mentions.size > 0);
  const covered = new Set<string>();
  for (const d of present) {
    // A new draft ("stroke segmentation") carries its is-a parents itself.
    for (const p of d.parents) {
      covered.add(p);
      for (const a of ancestors(st.index, p)) covered.add(a);
    }
    for (const a of ancestors(st.index, d.id)) covered.add(a);
  }
  for (const d of present) {
    if (subsumedConcepts.has(d.id) && covered.has(d.id)) st.drafts.delete(d.id);
  }
}

/** "long form (SF)": the short form resolves to the ontology concept, or defines a new entity. */
function resolveDefinition(st: PaperState, f: Field, def: Definition): void {
  if (st.shortForms.has(def.key)) return;
  const [a, b] = tokenRange(f.tokens, def.longStart, def.longEnd);
  if (a >= b) return;
  const long = f.text.slice(def.longStart, def.longEnd);
  const sf: ShortForm = { def, field: f.name, long, ids: [] };
  st.shortForms.set(def.key, sf);
  resolveLongForm(st, f, def, a, b, sf);
}
