// What the details panel shows for a paper, an author or a concept: pure queries on the full graph.
import { fromPaper } from "../../src/graph/reasons.ts";
import type { GraphMeta, NodeType, ShareItem } from "../../src/graph/schema.ts";
import type { Span } from "./highlight.ts";
import { type SafeLink, safeLink } from "./links.ts";
import { type FullGraph, nameOf } from "./model.ts";

export interface Ref {
  key: string;
  name: string;
}

export interface RelatedPaper extends Ref {
  weight: number;
  year: number | null;
  /**
   * Reasons grouped by kind ("term", "author", "method", …), strongest kind first, "other" (the
   * shared items not named) last; an item that is no node of the graph (a shared word) has key "".
   */
  reasons: { kind: string; share: number; items: (Ref & { share: number })[] }[];
}

export interface PaperDetails {
  kind: "paper";
  key: string;
  title: string;
  titleSpans: Span[];
  authors: Ref[];
  date: string | null;
  venue: string | null;
  ids: string[];
  links: SafeLink[];
  abstract: string;
  abstractSpans: Span[];
  entities: (Ref & { type: string })[];
  related: RelatedPaper[];
}

export interface AuthorDetails {
  kind: "author";
  key: string;
  name: string;
  variants: string[];
  papers: (Ref & { year: number | null })[];
  /** Most shared papers first: each with the shared papers and their collaboration community. */
  collaborators: Collaborator[];
}

export interface Collaborator extends Ref {
  count: number;
  papers: (Ref & { year: number | null })[];
  /** The collaborator's collaboration community, when it has one (id ≥ 0). */
  community: { id: number; label: string } | null;
}

export interface ConceptDetails {
  kind: "concept";
  key: string;
  type: NodeType;
  label: string;
  aliases: string[];
  papers: (Ref & { year: number | null })[];
  parents: Ref[];
  children: Ref[];
  cooccurring: (Ref & { type: string; count: number })[];
}

export type Details = PaperDetails | AuthorDetails | ConceptDetails;

const byYearThenName = (a: { year: number | null; name: string }, b: typeof a) =>
  (b.year ?? 0) - (a.year ?? 0) || a.name.localeCompare(b.name);

function paperRef(graph: FullGraph, key: string): Ref & { year: number | null } {
  const a = graph.getNodeAttributes(key);
  return { key, name: nameOf(graph, key), year: a.type === "paper" ? a.year : null };
}

function groupReasons(items: ShareItem[], graph: FullGraph): RelatedPaper["reasons"] {
  const groups = new Map<string, RelatedPaper["reasons"][number]>();
  for (const it of items) {
    const g = groups.get(it.kind) ?? { kind: it.kind, share: 0, items: [] };
    g.share += it.share;
    // Shared words ("term:…") and the unnamed rest ("other") are no nodes: key "".
    const isNode = it.node !== "" && graph.hasNode(it.node);
    g.items.push({
      key: isNode ? it.node : "",
      name: isNode ? nameOf(graph, it.node) : it.label,
      share: it.share,
    });
    groups.set(it.kind, g);
  }
  for (const g of groups.values()) g.items.sort((a, b) => b.share - a.share);
  return [...groups.values()].sort(
    (a, b) =>
      Number(a.kind === "other") - Number(b.kind === "other") ||
      b.share - a.share ||
      a.kind.localeCompare(b.kind),
  );
}

export function paperDetails(graph: FullGraph, key: string): PaperDetails {
  const a = graph.getNodeAttributes(key);
  if (a.type !== "paper") throw new Error(`web/details: ${key} is not a paper`);
  const authors: (Ref & { position: number })[] = [];
  const titleSpans: Span[] = [];
  const abstractSpans: Span[] = [];
  const entities: PaperDetails["entities"] = [];
  const related: RelatedPaper[] = [];
  graph.forEachEdge(key, (_e, ea, s, t) => {
    const other = s === key ? t : s;
    if (ea.type === "authored")
      authors.push({ key: other, name: nameOf(graph, other), position: ea.position });
    else if (ea.type === "has" && s === key) {
      entities.push({ key: other, name: nameOf(graph, other), type: ea.entityType });
      for (const m of ea.mentions) {
        const span = { start: m.start, end: m.end, type: ea.entityType, node: other, text: m.text };
        (m.field === "title" ? titleSpans : abstractSpans).push(span);
      }
    } else if (ea.type === "similar" && other !== key)
      related.push({
        ...paperRef(graph, other),
        weight: ea.weight,
        reasons: groupReasons(fromPaper(ea.breakdown, key), graph),
      });
  });
  authors.sort((x, y) => x.position - y.position);
  entities.sort((x, y) => x.type.localeCompare(y.type) || x.name.localeCompare(y.name));
  related.sort((x, y) => y.weight - x.weight || x.name.localeCompare(y.name));
  const ids = [a.doi && `doi:${a.doi}`, a.arxivId && `arXiv:${a.arxivId}`].filter(
    (x): x is string => Boolean(x),
  );
  return {
    kind: "paper",
    key,
    title: a.title,
    titleSpans,
    authors: authors.length
      ? authors.map(({ key: k, name }) => ({ key: k, name }))
      : a.authors.map((name) => ({ key: "", name })),
    date: a.date,
    venue: a.venue,
    ids,
    links: a.links.map(safeLink),
    abstract: a.abstract,
    abstractSpans,
    entities,
    related,
  };
}

/** The collaboration community of an author node, labelled from `meta` (null: none). */
function collabCommunity(
  graph: FullGraph,
  key: string,
  labels: Map<number, string>,
): Collaborator["community"] {
  const a = graph.getNodeAttributes(key);
  if (a.type !== "author" || a.collabCommunity < 0) return null;
  return { id: a.collabCommunity, label: labels.get(a.collabCommunity) ?? `#${a.collabCommunity}` };
}

export function authorDetails(graph: FullGraph, key: string, meta?: GraphMeta): AuthorDetails {
  const a = graph.getNodeAttributes(key);
  if (a.type !== "author") throw new Error(`web/details: ${key} is not an author`);
  const labels = new Map((meta?.collabCommunities ?? []).map((c) => [c.id, c.label]));
  const papers: AuthorDetails["papers"] = [];
  const collaborators: AuthorDetails["collaborators"] = [];
  graph.forEachEdge(key, (_e, ea, s, t) => {
    const other = s === key ? t : s;
    if (ea.type === "authored") papers.push(paperRef(graph, other));
    else if (ea.type === "coauthor")
      collaborators.push({
        key: other,
        name: nameOf(graph, other),
        count: ea.weight,
        papers: ea.papers
          .filter((p) => graph.hasNode(p))
          .map((p) => paperRef(graph, p))
          .sort(byYearThenName),
        community: collabCommunity(graph, other, labels),
      });
  });
  papers.sort(byYearThenName);
  collaborators.sort((x, y) => y.count - x.count || x.name.localeCompare(y.name));
  return { kind: "author", key, name: a.label, variants: a.variants, papers, collaborators };
}

export function conceptDetails(graph: FullGraph, key: string, maxCooccurring = 12): ConceptDetails {
  const a = graph.getNodeAttributes(key);
  if (a.type === "paper" || a.type === "author")
    throw new Error(`web/details: ${key} is not a concept`);
  const papers: ConceptDetails["papers"] = [];
  const parents: Ref[] = [];
  const children: Ref[] = [];
  graph.forEachEdge(key, (_e, ea, s, t) => {
    if (ea.type === "has" && t === key) papers.push(paperRef(graph, s));
    else if (ea.type === "is-a")
      (s === key ? parents : children).push({
        key: s === key ? t : s,
        name: nameOf(graph, s === key ? t : s),
      });
  });
  const counts = new Map<string, number>();
  for (const p of papers)
    graph.forEachOutEdge(p.key, (_e, ea, _s, t) => {
      if (ea.type === "has" && t !== key) counts.set(t, (counts.get(t) ?? 0) + 1);
    });
  const cooccurring = [...counts]
    .map(([k, count]) => ({
      key: k,
      name: nameOf(graph, k),
      type: graph.getNodeAttribute(k, "type"),
      count,
    }))
    .sort((x, y) => y.count - x.count || x.name.localeCompare(y.name))
    .slice(0, maxCooccurring);
  papers.sort(byYearThenName);
  const byName = (x: Ref, y: Ref) => x.name.localeCompare(y.name);
  return {
    kind: "concept",
    key,
    type: a.type,
    label: a.label,
    aliases: a.aliases,
    papers,
    parents: parents.sort(byName),
    children: children.sort(byName),
    cooccurring,
  };
}

export function detailsOf(graph: FullGraph, key: string, meta?: GraphMeta): Details | null {
  if (!graph.hasNode(key)) return null;
  const t = graph.getNodeAttribute(key, "type");
  if (t === "paper") return paperDetails(graph, key);
  if (t === "author") return authorDetails(graph, key, meta);
  return conceptDetails(graph, key);
}
