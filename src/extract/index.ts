// Public surface of the extraction stage (browser-safe: no node:fs; data files are imported JSON).

export { loadOntology } from "./ontology/load.ts";
export { DEFAULTS, type ExtractOptions, resolveOptions } from "./options.ts";
export * from "./types.ts";

import { compareStrings as cmp } from "../common/compare.ts";
import type { PaperRecord } from "../ingest/types.ts";
import { keywordEntities } from "./keywords.ts";
import { buildIndex, type ConceptIndex } from "./matcher.ts";
import { loadOntology } from "./ontology/load.ts";
import { type ExtractOptions, resolveOptions } from "./options.ts";
import { type Draft, extractPaperEntities, type PaperState } from "./paper.ts";
import { findTopics } from "./topics.ts";
import type { Entity, ExtractedPaper, Mention } from "./types.ts";

const builtinIndex: { index?: ConceptIndex } = {};

/** The concept index for these options (the built-in one is built once and cached). */
export function conceptIndex(opts: ExtractOptions = {}): ConceptIndex {
  const r = resolveOptions(opts);
  if (r.ontologies.length === 0 && r.builtinOntology) {
    builtinIndex.index ??= buildIndex(loadOntology([]));
    return builtinIndex.index;
  }
  return buildIndex(loadOntology(r.ontologies, { builtin: r.builtinOntology }));
}

const FIELD_ORDER = { title: 0, abstract: 1 } as const;
const byMention = (a: Mention, b: Mention) =>
  FIELD_ORDER[a.field] - FIELD_ORDER[b.field] || a.start - b.start || a.end - b.end;

export function toEntity(d: Draft, relevance?: number): Entity {
  const e: Entity = {
    type: d.type,
    label: d.label,
    id: d.id,
    mentions: [...d.mentions.values()].sort(byMention),
  };
  if (d.aliases.size) {
    const aliases = [...d.aliases].filter((a) => a !== d.label).sort(cmp);
    if (aliases.length) e.aliases = aliases;
  }
  if (d.parents.size) {
    const parents = [...d.parents].filter((p) => p !== d.id).sort(cmp);
    if (parents.length) e.parents = parents;
  }
  if (relevance !== undefined) e.relevance = relevance;
  return e;
}

/**
 * Entities of every paper: ontology concepts, defined abbreviations, contribution patterns,
 * corpus-level topics and the source's keywords that the text shows. Entities are sorted by (type, label), mentions by (field: title first, start).
 * Same papers and options → identical output.
 */
export function extractPapers(papers: PaperRecord[], opts: ExtractOptions = {}): ExtractedPaper[] {
  const r = resolveOptions(opts);
  const index = conceptIndex(opts);
  const states: PaperState[] = papers.map((p) =>
    extractPaperEntities(p.title, p.abstract, index, r),
  );
  const topics = r.topics.enabled ? findTopics(states, r.topics, r.confidence) : [];
  return papers.map((p, i) => {
    const entities = [...states[i].drafts.values()]
      .filter((d) => d.mentions.size > 0)
      .map((d) => toEntity(d));
    const have = new Set(entities.map((e) => e.id));
    for (const t of topics[i] ?? [])
      if (!have.has(t.draft.id)) entities.push(toEntity(t.draft, t.relevance));
    entities.push(...keywordEntities(p, entities, index));
    entities.sort((a, b) => cmp(a.type, b.type) || cmp(a.label, b.label) || cmp(a.id, b.id));
    return { ...p, entities };
  });
}
