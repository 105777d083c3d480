// Extraction in two stages (browser-safe); extractPapers runs both here, extractPapersParallel
// the first in workers and through the per-paper cache, so both are these functions.
// Stage 1, per paper (shardable): ontology, abbreviation and pattern entities, and the paper's
// topic candidates (topic-candidates.ts) → a plain, structured-clone/JSON-safe PaperPart.
// Stage 2, corpus-level (main thread): topics counted and ranked over all papers' candidates,
// then each paper's entities merged and sorted by (type, label, id).
import type { PaperRecord } from "../ingest/types.ts";
import { conceptIndex } from "./concept-index.ts";
import type { Draft, PaperState } from "./draft.ts";
import { byEntity, toEntity } from "./entity.ts";
import type { Field } from "./field.ts";
import { keywordEntities } from "./keywords.ts";
import type { ConceptIndex } from "./matcher.ts";
import { type ExtractOptions, type ResolvedOptions, resolveOptions } from "./options.ts";
import { extractPaperEntities } from "./paper.ts";
import { splitSentences } from "./text/sentences.ts";
import { tokenize } from "./text/tokenize.ts";
import type { TopicCandidates } from "./topic-candidates.ts";
import {
  corpusTopics,
  type PaperTopic,
  type PhraseTagStore,
  type TopicInput,
  topicInput,
} from "./topics.ts";
import type { Entity, ExtractedPaper } from "./types.ts";

/** The per-paper result: non-topic entities, sorted as a paper's entities are (entity.ts byEntity). */
export interface PaperPart {
  entities: Entity[];
  /**
   * The paper's topic candidates (when topics are enabled); a part without them (written by an
   * older extractor) has them found again from the text in stage 2.
   */
  candidates?: TopicCandidates;
}

/** The text a part depends on. */
export interface PaperText {
  /** The paper id (part of the cache key only). */
  id?: string;
  title: string;
  abstract: string;
}

/** Entities already in order, every one of a type before "topic" (which sorts after all others). */
function sortedBeforeTopics(entities: Entity[]): boolean {
  for (let i = 0; i < entities.length; i++) {
    if (entities[i].type >= "topic") return false;
    if (i > 0 && byEntity(entities[i - 1], entities[i]) > 0) return false;
  }
  return true;
}

/** A paper's topics as entities, sorted, leaving out any whose id the paper already has. */
export function ownTopics(own: Entity[], topics: PaperTopic[] = []): Entity[] {
  const have = new Set(own.map((e) => e.id));
  return topics
    .filter((t) => !have.has(t.draft.id))
    .map((t) => toEntity(t.draft, t.relevance))
    .sort(byEntity);
}

/** Stage 1 for one paper. */
export function extractPart(p: PaperText, index: ConceptIndex, r: ResolvedOptions): PaperPart {
  const st = extractPaperEntities(p.title, p.abstract, index, r);
  const entities = [...st.drafts.values()]
    .filter((d) => d.mentions.size > 0)
    .map((d) => toEntity(d))
    .sort(byEntity);
  if (!r.topics.enabled) return { entities };
  return { entities, candidates: topicInput(st, r.topics).candidates };
}

/** Stage 1 for a list of papers (what a worker runs on its chunk). */
export function extractParts(papers: PaperText[], opts: ExtractOptions = {}): PaperPart[] {
  const r = resolveOptions(opts);
  const index = conceptIndex(opts);
  return papers.map((p) => extractPart(p, index, r));
}

function lightField(name: Field["name"], text: string): Field {
  return { name, text, tokens: tokenize(text), sentences: splitSentences(text), matches: [] };
}

/** The state topic candidates are found from (fields' tokens, the paper's drafts), rebuilt from a part. */
function stateOf(
  p: PaperText,
  part: PaperPart,
  index: ConceptIndex,
  r: ResolvedOptions,
): PaperState {
  const drafts = new Map<string, Draft>();
  for (const e of part.entities) {
    drafts.set(e.id, {
      type: e.type,
      label: e.label,
      id: e.id,
      aliases: new Set(e.aliases ?? []),
      parents: new Set(e.parents ?? []),
      mentions: new Map(e.mentions.map((m) => [`${m.field}:${m.start}:${m.end}`, m])),
    });
  }
  return {
    index,
    opts: r,
    fields: [lightField("title", p.title), lightField("abstract", p.abstract)],
    drafts,
    shortForms: new Map(),
  };
}

export interface AssembleOptions {
  /** Lasting record of compromise's tag results (src/cache keeps one); default none (this process only). */
  tags?: PhraseTagStore;
  /** The concept index of `opts` when the caller has it; default: conceptIndex(opts) when needed. */
  index?: ConceptIndex;
}

/** Stage 2: corpus topics, then each paper's entities sorted by (type, label, id). */
export function assemble(
  papers: PaperRecord[],
  parts: PaperPart[],
  opts: ExtractOptions = {},
  aopts: AssembleOptions = {},
): ExtractedPaper[] {
  if (parts.length !== papers.length)
    throw new Error(`extract/staged: ${parts.length} parts for ${papers.length} papers`);
  const r = resolveOptions(opts);
  let index: ConceptIndex | undefined = aopts.index;
  const inputOf = (p: PaperRecord, part: PaperPart): TopicInput => {
    if (part.candidates)
      return { title: p.title, abstract: p.abstract, candidates: part.candidates };
    index ??= conceptIndex(opts);
    return topicInput(stateOf(p, part, index, r), r.topics);
  };
  const topics = r.topics.enabled
    ? corpusTopics(
        papers.map((p, i) => inputOf(p, parts[i])),
        r.topics,
        r.confidence,
        aopts.tags,
      )
    : [];
  const keywordIndex = () => {
    index ??= conceptIndex(opts);
    return index;
  };
  return papers.map((p, i) => {
    const own = parts[i].entities;
    const found = ownTopics(own, topics[i]);
    // Stage 1 sorts a part's entities, and topics sort after every other type: a stable sort of
    // the whole list would leave this order as it is.
    const kw = p.keywords?.length ? keywordEntities(p, [...own, ...found], keywordIndex()) : [];
    const entities =
      sortedBeforeTopics(own) && kw.length === 0 && found.every((e) => e.type === "topic")
        ? [...own, ...found]
        : [...own, ...found, ...kw].sort(byEntity);
    return { ...p, entities };
  });
}
