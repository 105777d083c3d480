// Entities of one paper: ontology matches, defined abbreviations, contribution patterns,
// title structure and compositional tasks, each with its mentions (drafts, draft.ts).
import { type Definition, findDefinitions } from "./abbreviations.ts";
import { coordinations } from "./coordination.ts";
import { addMention, draftOf, longFormFits, type PaperState, type ShortForm } from "./draft.ts";
import { type Field, prepareField, tokenRange } from "./field.ts";
import { subsumedConcepts } from "./lexicon/index.ts";
import type { ConceptIndex } from "./matcher.ts";
import type { ResolvedOptions } from "./options.ts";
import { contributions, resolveLongForm } from "./patterns.ts";
import { resolveSenses } from "./senses.ts";
import { tokenize } from "./text/tokenize.ts";
import { insert, longestAt, newTrie } from "./trie.ts";

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
  coordinations(st);
  for (const f of st.fields) {
    for (const def of findDefinitions(f.text)) resolveDefinition(st, f, def);
  }
  yieldToDefinitions(st);
  if (opts.patterns) contributions(st);
  localMentions(st);
  modelFamilies(st);
  dropSubsumed(st);
  return st;
}

/**
 * A short form the paper defines means what the paper says: "cytotoxic T lymphocyte (CTL)" is no
 * temporal logic, although "CTL" is an abbreviation of that concept in the ontology. An ontology
 * match written exactly as a defined short form is dropped when the definition did not resolve
 * to its concept and the long form shares no word with the concept's names (so "convolutional
 * network (CNN)" still keeps CNN); a draft left without mentions goes.
 */
function yieldToDefinitions(st: PaperState): void {
  const defined = new Map<string, ShortForm>();
  for (const sf of st.shortForms.values()) {
    defined.set(sf.def.short, sf);
    defined.set(sf.def.key, sf);
  }
  if (!defined.size) return;
  const related = (sf: ShortForm, id: string) =>
    sf.ids.includes(id) || longFormFits(st, id, sf.long);
  for (const d of st.drafts.values()) {
    for (const [k, m] of d.mentions) {
      const sf = m.rule === "ontology" ? defined.get(m.text) : undefined;
      if (sf && !related(sf, d.id)) d.mentions.delete(k);
    }
    if (d.mentions.size === 0) st.drafts.delete(d.id);
  }
}

/**
 * Type policy (docs/ontology.md): a specific model ("Mamba", "GPT-4", "BioBERT") stays a `model`
 * with is-a to its method family, and its mentions count for that method too: the nearest method
 * ancestor(s) in the ontology take the model's mentions, so a paper that builds on Mamba has the
 * method "state space model", found by the name it was written with.
 */
function modelFamilies(st: PaperState): void {
  for (const d of [...st.drafts.values()]) {
    if (d.type !== "model" || d.mentions.size === 0) continue;
    for (const id of nearestMethods(st.index, d.id)) {
      const c = st.index.byId.get(id);
      if (!c) continue;
      const family = draftOf(st, c);
      for (const m of d.mentions.values()) {
        const f = st.fields.find((x) => x.name === m.field);
        if (f) addMention(family, f, m.start, m.end, m.rule, m.confidence);
      }
    }
  }
}

/** The method concepts closest to a model concept up its is-a chain (through its model parents). */
function nearestMethods(index: ConceptIndex, id: string): string[] {
  let level = [...(index.byId.get(id)?.parents ?? [])];
  const seen = new Set<string>([id]);
  while (level.length) {
    const methods = level.filter((p) => index.byId.get(p)?.type === "method");
    if (methods.length) return methods.sort();
    const next: string[] = [];
    for (const p of level) {
      if (seen.has(p)) continue;
      seen.add(p);
      next.push(...(index.byId.get(p)?.parents ?? []));
    }
    level = next;
  }
  return [];
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
