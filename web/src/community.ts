// A community card opened in the details panel: its papers by centrality (the summed weight of
// their similar edges to papers of the same community, as src/graph/cards.ts ranks topPapers),
// each with its year and its concepts most common in the community, and the community's top
// terms (the card's distinctive words) and concepts with counts. A pure query on the full graph.
import { compareStrings } from "../../src/common/compare.ts";
import type { EntityType } from "../../src/extract/entity-types.ts";
import type { CommunityCard } from "../../src/graph/schema.ts";
import { type FullGraph, nameOf } from "./model.ts";

export interface CommunityPaper {
  key: string;
  name: string;
  year: number | null;
  /** Summed weight of the paper's similar edges inside the community. */
  centrality: number;
  /** Its concepts most common in the community (up to 3). */
  terms: { key: string; name: string; count: number }[];
}

export interface CommunityDetails {
  kind: "community";
  id: number;
  label: string;
  size: number;
  years: { min: number | null; max: number | null };
  /** The card's distinctive words with the number of the community's papers holding each. */
  topTerms: { label: string; count: number }[];
  /** The card's top concepts per type (by tf-idf against the corpus), with their paper counts. */
  topConcepts: { type: string; items: { key: string; name: string; count: number }[] }[];
  papers: CommunityPaper[];
}

const TERMS_PER_PAPER = 3;
/** The order concept types are listed in (a record, so that a new type cannot be left out). */
const TYPE_RANK: Record<EntityType, number> = {
  task: 0,
  method: 1,
  model: 2,
  dataset: 3,
  modality: 4,
  condition: 5,
  topic: 6,
  keyword: 7,
};
const LAST = Object.keys(TYPE_RANK).length;

export function communityDetails(graph: FullGraph, card: CommunityCard): CommunityDetails {
  const papers: string[] = [];
  graph.forEachNode((k, a) => {
    if (a.type === "paper" && a.community === card.id) papers.push(k);
  });
  const inside = new Set(papers);
  // how many of the community's papers hold each concept
  const conceptCount = new Map<string, number>();
  const conceptsOf = new Map<string, string[]>();
  for (const p of papers) {
    const list: string[] = [];
    graph.forEachOutEdge(p, (_e, ea, _s, t) => {
      if (ea.type !== "has") return;
      list.push(t);
      conceptCount.set(t, (conceptCount.get(t) ?? 0) + 1);
    });
    conceptsOf.set(p, list);
  }
  const byCount = (x: string, y: string) =>
    (conceptCount.get(y) ?? 0) - (conceptCount.get(x) ?? 0) || compareStrings(x, y);
  const out: CommunityPaper[] = papers.map((p) => {
    let centrality = 0;
    graph.forEachEdge(p, (_e, ea, s, t) => {
      if (ea.type === "similar" && inside.has(s === p ? t : s)) centrality += ea.weight;
    });
    const a = graph.getNodeAttributes(p);
    const terms = [...(conceptsOf.get(p) ?? [])]
      .sort(byCount)
      .slice(0, TERMS_PER_PAPER)
      .map((c) => ({ key: c, name: nameOf(graph, c), count: conceptCount.get(c) ?? 0 }));
    return {
      key: p,
      name: nameOf(graph, p),
      year: a.type === "paper" ? a.year : null,
      centrality,
      terms,
    };
  });
  out.sort((x, y) => y.centrality - x.centrality || (x.key < y.key ? -1 : 1));
  const rank = (t: string) => (Object.hasOwn(TYPE_RANK, t) ? TYPE_RANK[t as EntityType] : LAST);
  const topConcepts = Object.entries(card.topEntities)
    .sort(([x], [y]) => rank(x) - rank(y) || (x < y ? -1 : 1))
    .map(([type, list]) => ({
      type,
      items: list.map((e) => ({
        key: graph.hasNode(e.node) ? e.node : "",
        name: e.label,
        count: e.count,
      })),
    }))
    .filter((g) => g.items.length > 0);
  return {
    kind: "community",
    id: card.id,
    label: card.label,
    size: papers.length,
    years: card.years,
    topTerms: card.topTerms ?? [],
    topConcepts,
    papers: out,
  };
}
