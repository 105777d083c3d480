// The evidence behind one reason of a related paper: for a shared concept or word, the sentence
// of each of the two papers where it appears (with the words to highlight); for a shared author,
// the author's other papers; for shared references, the references both papers share (a work
// outside the set by its cited-reference line, a paper of the set by its title). Pure queries on
// the full graph.
import { splitSentences } from "../../src/extract/text/sentences.ts";
import { type FullGraph, nameOf } from "./model.ts";

export interface ReasonItem {
  kind: string;
  /** The shared node ("" for a shared word). */
  key: string;
  name: string;
}

export interface EvidenceSentence {
  paper: string;
  title: string;
  /** The sentence, or null when the paper does not show the item in its title or abstract. */
  text: string | null;
  marks: { start: number; end: number }[];
  /** What the paper does with the concept, from its `has` edge: said beside the paper. */
  role?: "uses" | "proposes";
}

/** How a `has` edge's role is said beside the paper. */
const ROLE_WORDS = { used: "uses", proposed: "proposes" } as const;

/** The role of the paper's `has` edge to `concept` as said in the view, if the edge has one. */
function roleOf(graph: FullGraph, paper: string, concept: string) {
  if (!graph.hasNode(paper) || !graph.hasNode(concept)) return {};
  for (const e of graph.outEdges(paper, concept)) {
    const a = graph.getEdgeAttributes(e);
    if (a.type === "has" && a.role) return { role: ROLE_WORDS[a.role] };
  }
  return {};
}

/** One reference two related papers share (a breakdown item of kind "citation"). */
export interface SharedReference {
  /** The paper of the set it names, or "" (a work outside the set). */
  key: string;
  name: string;
  /**
   * "both cite it": both papers cite this work; "cited": one of the two cites the other (in a
   * graph written before a direct citation was a reason of its own, "direct-citation");
   * "cites both": a paper of the set cites both (co-citation).
   */
  relation: "both cite it" | "cited" | "cites both";
}

export type Evidence =
  | { kind: "sentences"; sentences: EvidenceSentence[] }
  | { kind: "references"; references: SharedReference[] }
  | {
      kind: "papers";
      author: string;
      papers: { key: string; name: string; year: number | null }[];
    };

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The sentence of a paper's `has` edge to `concept` holding its strongest mention. */
function conceptSentence(graph: FullGraph, paper: string, concept: string) {
  const p = graph.getNodeAttributes(paper);
  if (p.type !== "paper") return null;
  for (const e of graph.outEdges(paper, concept)) {
    const a = graph.getEdgeAttributes(e);
    if (a.type !== "has" || !a.mentions.length) continue;
    const m = a.mentions[0];
    const field = m.field === "title" ? p.title : p.abstract;
    const [s, t] = [m.sentenceStart, m.sentenceEnd];
    if (s !== undefined && t !== undefined && s <= m.start && m.end <= t)
      return { text: field.slice(s, t), marks: [{ start: m.start - s, end: m.end - s }] };
    return { text: field, marks: [{ start: m.start, end: m.end }] };
  }
  return null;
}

/**
 * The first sentence of the title, then of the abstract, where any of `words` begins a word
 * (a shared word is a stem or a concept's label: "transformer" finds "Transformers").
 */
function wordSentence(graph: FullGraph, paper: string, words: string[]) {
  const p = graph.getNodeAttributes(paper);
  if (p.type !== "paper") return null;
  const alternatives = words
    .filter(Boolean)
    .map((w) => escapeRe(w.trim()).replace(/\s+/g, "[\\s-]+"));
  if (!alternatives.length) return null;
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join("|")})[\\p{L}\\p{N}]*`, "giu");
  for (const field of [p.title, p.abstract])
    for (const span of splitSentences(field)) {
      const text = field.slice(span.start, span.end);
      const marks = [...text.matchAll(re)].map((m) => ({
        start: m.index ?? 0,
        end: (m.index ?? 0) + m[0].length,
      }));
      if (marks.length) return { text, marks };
    }
  return null;
}

function sentenceOf(
  graph: FullGraph,
  paper: string,
  item: ReasonItem,
  extra: string[] = [],
): EvidenceSentence {
  const title = nameOf(graph, paper);
  const isConcept = item.key !== "" && graph.hasNode(item.key);
  const node = isConcept ? graph.getNodeAttributes(item.key) : null;
  const aliases = node && "aliases" in node ? node.aliases : extra;
  const found =
    (isConcept ? conceptSentence(graph, paper, item.key) : null) ??
    wordSentence(graph, paper, [item.name, ...aliases]);
  const role = isConcept ? roleOf(graph, paper, item.key) : {};
  return { paper, title, text: found?.text ?? null, marks: found?.marks ?? [], ...role };
}

/**
 * The references `a` and `b` share, from the breakdown of their similar edge, strongest first:
 * `cites:<id>` a work both cite (or, when it is one of the two, a direct citation),
 * `citedby:<id>` a paper of the set citing both.
 */
export function sharedReferences(graph: FullGraph, a: string, b: string): SharedReference[] {
  if (!graph.hasNode(a) || !graph.hasNode(b)) return [];
  const out: SharedReference[] = [];
  for (const e of graph.edges(a, b)) {
    const attrs = graph.getEdgeAttributes(e);
    if (attrs.type !== "similar") continue;
    const items = attrs.breakdown
      .filter((it) => it.kind === "citation")
      .sort((x, y) => y.share - x.share);
    for (const it of items) {
      const at = it.node.indexOf(":");
      const prefix = it.node.slice(0, at);
      const paper = `paper:${it.node.slice(at + 1)}`;
      const inSet = graph.hasNode(paper);
      const relation: SharedReference["relation"] =
        prefix === "citedby" ? "cites both" : paper === a || paper === b ? "cited" : "both cite it";
      out.push({
        key: inSet ? paper : "",
        name: inSet ? nameOf(graph, paper) : it.label,
        relation,
      });
    }
    break;
  }
  return out;
}

/** The evidence for `item`, a reason why `a` and `b` are related. */
export function reasonEvidence(graph: FullGraph, a: string, b: string, item: ReasonItem): Evidence {
  if (item.kind === "citation")
    return { kind: "references", references: sharedReferences(graph, a, b) };
  if (item.kind === "author" && item.key && graph.hasNode(item.key)) {
    const papers = graph
      .filterNeighbors(item.key, (n, na) => na.type === "paper" && n !== a && n !== b)
      .map((key) => {
        const p = graph.getNodeAttributes(key);
        return { key, name: nameOf(graph, key), year: p.type === "paper" ? p.year : null };
      })
      .sort((x, y) => (y.year ?? 0) - (x.year ?? 0) || x.name.localeCompare(y.name));
    return { kind: "papers", author: item.key, papers };
  }
  return { kind: "sentences", sentences: [a, b].map((p) => sentenceOf(graph, p, item)) };
}

/**
 * The evidence of a `has` edge (paper → concept): each sentence of the paper holding one of the
 * mentions the edge keeps, with those mentions marked; the concept's label found in the text when
 * the edge keeps no usable mention.
 */
export function mentionEvidence(graph: FullGraph, paper: string, concept: string): Evidence {
  const p = graph.hasNode(paper) ? graph.getNodeAttributes(paper) : null;
  const title = nameOf(graph, paper);
  const sentences: EvidenceSentence[] = [];
  if (p?.type === "paper" && graph.hasNode(concept))
    for (const e of graph.outEdges(paper, concept)) {
      const a = graph.getEdgeAttributes(e);
      if (a.type !== "has") continue;
      const bySentence = new Map<string, EvidenceSentence>();
      for (const m of a.mentions) {
        const field = m.field === "title" ? p.title : p.abstract;
        const whole = m.sentenceStart === undefined || m.sentenceEnd === undefined;
        const [s, t] = whole ? [0, field.length] : [m.sentenceStart, m.sentenceEnd];
        if (s === undefined || t === undefined || m.start < s || m.end > t) continue;
        const id = `${m.field}:${s}`;
        const role = m.role ? { role: ROLE_WORDS[m.role] } : {};
        const got = bySentence.get(id) ?? { paper, title, text: field.slice(s, t), marks: [] };
        // A sentence that says the paper proposes the concept outweighs one that says it uses it.
        if (role.role && got.role !== "proposes") Object.assign(got, role);
        got.marks.push({ start: m.start - s, end: m.end - s });
        bySentence.set(id, got);
      }
      sentences.push(...bySentence.values());
    }
  if (sentences.length === 0) {
    const c = graph.hasNode(concept) ? graph.getNodeAttributes(concept) : null;
    const name = nameOf(graph, concept);
    const aliases = c && "aliases" in c ? c.aliases : [];
    const s = sentenceOf(graph, paper, { kind: "concept", key: "", name }, aliases);
    sentences.push({ ...s, ...roleOf(graph, paper, concept) });
  }
  return { kind: "sentences", sentences };
}

/** Whether a reason of this kind has evidence to open ("other", the unnamed rest, has none). */
export const hasEvidence = (item: ReasonItem) => item.kind !== "other";
