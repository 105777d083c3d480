// Community cards: a label from the most distinctive entities, top entities/terms/papers/authors,
// years.

import type Graph from "graphology";
import { compareStrings as cmp } from "../common/compare.ts";
import { collabLabel } from "./collab-labels.ts";
import type { CommunityOptions } from "./options.ts";
import type { CommunityCard, GraphMeta } from "./schema.ts";
import { round4 } from "./similarity.ts";
import { singular } from "./text/terms.ts";

const TOP = 5;
const TOP_TERMS = 8;

export interface Scored {
  node: string;
  label: string;
  type: string;
  /** Share of all papers holding the entity. */
  spread: number;
  /** count · log((N+1)/df): frequent here, rare overall. */
  tfidf: number;
  count: number;
  score: number;
  /** How distinctive of the community, as `topTerms` scores a word: p_c · ln(p_c / p). */
  distinct: number;
}

/** A distinctive word of a community (`topTerms`), with its score there. */
export interface Word {
  label: string;
  count: number;
  distinct: number;
  /** Share of all papers holding the word. */
  spread: number;
}

/** What `communityLabel` takes beside the scored entities (CommunityOptions' label* fields). */
export interface LabelRules {
  /** Terms in a label. */
  terms: number;
  /** Entities held by more than this share of all papers are generic. */
  maxSpread: number;
  /** Papers of the community a strong first term is in. */
  minCount: number;
  /** Papers of the community a later term is in (default minCount). */
  minCountAfter?: number;
  /** Whether two terms go together in the community (default always). */
  together?: (a: Scored, b: Scored) => boolean;
  /** The top word names the community when this many times as distinctive (default Infinity: never). */
  wordOverEntity?: number;
}

/** Neither label contains the other as whole words (avoids "trajectory matching · bezier trajectory matching"). */
function overlaps(a: string, b: string): boolean {
  const x = ` ${a.toLowerCase()} `;
  const y = ` ${b.toLowerCase()} `;
  return x.includes(y) || y.includes(x);
}

/** Whether a label has the word among its own, plurals folded ("attacks" in "adversarial attack"). */
function saysWord(label: string, word: string): boolean {
  const key = singular(word);
  return label
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .some((w) => singular(w) === key);
}

/** The concepts a paper holds: its entities and their is-a ancestors (one level up). */
function paperConcepts(graph: Graph, paper: string): string[] {
  const out = new Set<string>();
  graph.forEachOutNeighbor(paper, (c, a) => {
    if (a.type === "paper" || a.type === "author") return;
    out.add(c);
    graph.forEachOutNeighbor(c, (parent) => {
      out.add(parent);
    });
  });
  return [...out];
}

/** Each paper's concepts (paperConcepts), worked out once for the corpus and every card. */
type ConceptsOf = (paper: string) => string[];

function conceptsOnce(graph: Graph): ConceptsOf {
  const memo = new Map<string, string[]>();
  return (paper) => {
    let list = memo.get(paper);
    if (!list) {
      list = paperConcepts(graph, paper);
      memo.set(paper, list);
    }
    return list;
  };
}

/** Per concept, how many papers hold it (directly or through an is-a child). */
function conceptCoverage(papers: string[], conceptsOf: ConceptsOf): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of papers) for (const c of conceptsOf(p)) counts.set(c, (counts.get(c) ?? 0) + 1);
  return counts;
}

/** p_c · ln(p_c / p): a term's share of a community's papers against its share of all papers. */
const distinctiveness = (share: number, spread: number) => share * Math.log(share / spread);

/**
 * tf-idf of entity frequency in the community against the corpus, times its concentration
 * (share of the entity's papers that are in this community), times its type's weight.
 */
function scoreEntities(
  graph: Graph,
  papers: string[],
  n: number,
  corpus: Map<string, number>,
  typeWeights: Readonly<Record<string, number>>,
  conceptsOf: ConceptsOf,
): Scored[] {
  const out: Scored[] = [];
  for (const [node, count] of conceptCoverage(papers, conceptsOf)) {
    const a = graph.getNodeAttributes(node);
    const df = Math.max(corpus.get(node) ?? 0, count);
    const idf = Math.log((n + 1) / df);
    const typeFactor = typeWeights[a.type] ?? 1;
    out.push({
      node,
      label: a.label,
      type: a.type,
      spread: df / n,
      tfidf: count * idf,
      count,
      score: count * idf * typeFactor * Math.sqrt(count / df),
      distinct: distinctiveness(count / papers.length, df / n),
    });
  }
  return out.sort((x, y) => y.score - x.score || y.count - x.count || cmp(x.node, y.node));
}

/** A word names a community only when at least this many of its papers use it. */
const MIN_WORD_PAPERS = 5;

/**
 * Up to `terms` distinctive labels, skipping one that overlaps a chosen label or is its is-a
 * parent/child, or that is not `together` with every chosen one (two unrelated terms glued,
 * "speech · decision tree", say nothing: a label is then one term). Labels are non-generic
 * entities (held by at most `maxSpread` of all papers) found in at least `minCount` papers of
 * the community (a second one in `minCountAfter`) and not yet in another community's label
 * (`used`, updated); then in two papers; then used ones; then anything.
 * The community's most distinctive word (`words`, best first) names it instead, when it is in
 * MIN_WORD_PAPERS papers at least (in two or three papers a shared word is chance:
 * "complicated") and either no fresh entity is that common there ("turing", not "gallup poll ·
 * unambiguous word", 5 and 4 of 88 papers, for the papers by and about Turing) or the word is
 * `wordOverEntity` times as distinctive as the first entity and not generic itself (held by at
 * most `maxSpread` of all papers): "cognitive" (43 of 142 papers), not "neural network" (22),
 * for papers on consciousness and cognition, but never "learning", nor "protein" when
 * "protein structure prediction" is chosen (the entity says it, and says more).
 */
export function communityLabel(
  graph: Graph,
  scored: Scored[],
  rules: LabelRules,
  used: Set<string> = new Set(),
  words: readonly Word[] = [],
): string {
  const { terms, maxSpread, minCount } = rules;
  const minCountAfter = rules.minCountAfter ?? minCount;
  const together = rules.together ?? (() => true);
  const chosen: Scored[] = [];
  const fresh = (s: Scored) => !used.has(s.node);
  const pick = (ok: (s: Scored) => boolean, upTo: number) => {
    for (const s of scored) {
      if (chosen.length >= upTo) break;
      if (!ok(s) || chosen.includes(s)) continue;
      if (chosen.some((c) => overlaps(c.label, s.label))) continue;
      if (chosen.some((c) => graph.hasEdge(c.node, s.node) || graph.hasEdge(s.node, c.node)))
        continue;
      if (!chosen.every((c) => together(c, s))) continue;
      chosen.push(s);
    }
  };
  // A later term in minCountAfter papers at least: one of two papers, but never the 2 of 79
  // of "AI agent · little attention".
  const enough = (s: Scored) => !chosen.length || s.count >= minCountAfter;
  const strong = (s: Scored) => s.count >= minCount && s.spread <= maxSpread;
  pick((s) => strong(s) && fresh(s) && enough(s), terms);
  const word = words[0];
  if (word && word.count >= Math.max(minCount, MIN_WORD_PAPERS)) {
    const first = chosen[0];
    const outweighs = (f: Scored) =>
      word.spread <= maxSpread &&
      word.distinct >= (rules.wordOverEntity ?? Infinity) * f.distinct &&
      !chosen.some((c) => saysWord(c.label, word.label));
    if (!first || outweighs(first)) return word.label;
  }
  for (const ok of [
    (s: Scored) => s.count >= 2 && s.spread <= maxSpread && fresh(s),
    strong,
    (s: Scored) => s.spread <= maxSpread,
    () => true,
  ])
    pick((s) => ok(s) && enough(s), terms);
  for (const c of chosen) used.add(c.node);
  return chosen.map((c) => c.label).join(" · ");
}

/**
 * Whether two concepts go together in a community: the papers holding both are at least
 * `minShare` of those holding the rarer one.
 */
function togetherIn(papers: string[], conceptsOf: ConceptsOf, minShare: number) {
  return (a: Scored, b: Scored): boolean => {
    let both = 0;
    for (const p of papers) {
      const held = conceptsOf(p);
      if (held.includes(a.node) && held.includes(b.node)) both++;
    }
    return both >= minShare * Math.min(a.count, b.count);
  };
}

/** The words of each paper's text vector (TextVectors ids), by paper node, for the cards' top terms. */
export interface CardTerms {
  labels: string[];
  termsOf: (paper: string) => Int32Array | undefined;
}

/**
 * The community's most distinctive words (class-based TF-IDF in its relative-entropy form):
 * p_c · ln(p_c / p), p_c the share of the community's papers holding the word and p its share
 * of all papers, so a word frequent everywhere ("datasets") scores low however common it is
 * here (not at all when no more frequent here than overall); words of at least 2 of its
 * papers, best first, each with that score (`distinct`). `corpusDf` has an entry for every term
 * id `terms` can give.
 */
export function topTerms(
  papers: string[],
  terms: CardTerms,
  corpusDf: Int32Array,
  n: number,
  top: number,
): Word[] {
  // Counted in an array by term id (ids come from the corpus's vocabulary, corpusDf's length).
  const counts = new Int32Array(corpusDf.length);
  const seen: number[] = [];
  for (const p of papers)
    for (const t of terms.termsOf(p) ?? []) if (counts[t]++ === 0) seen.push(t);
  return seen
    .filter((t) => counts[t] >= 2)
    .map((t) => {
      const c = counts[t];
      const spread = corpusDf[t] / n;
      return { t, c, spread, distinct: distinctiveness(c / papers.length, spread) };
    })
    .filter((x) => x.distinct > 0)
    .sort((x, y) => y.distinct - x.distinct || x.t - y.t)
    .slice(0, top)
    .map(({ t, c, distinct, spread }) => ({ label: terms.labels[t], count: c, distinct, spread }));
}

export function communityCards(
  graph: Graph,
  opts: CommunityOptions,
  terms?: CardTerms,
): { communities: CommunityCard[]; collabCommunities: GraphMeta["collabCommunities"] } {
  const members = new Map<number, string[]>();
  let n = 0;
  graph.forEachNode((node, a) => {
    if (a.type !== "paper") return;
    n++;
    if (a.community < 0) return;
    {
      const list = members.get(a.community);
      if (list) list.push(node);
      else members.set(a.community, [node]);
    }
  });
  const conceptsOf = conceptsOnce(graph);
  const corpus = conceptCoverage(
    graph.filterNodes((_, a) => a.type === "paper"),
    conceptsOf,
  );
  const corpusDf = new Int32Array(terms?.labels.length ?? 0);
  if (terms)
    graph.forEachNode((node, a) => {
      if (a.type === "paper") for (const t of terms.termsOf(node) ?? []) corpusDf[t]++;
    });
  const communities: CommunityCard[] = [];
  const usedInLabels = new Set<string>();
  for (const [id, papers] of [...members].sort((a, b) => a[0] - b[0])) {
    const inside = new Set(papers);
    const scored = scoreEntities(graph, papers, n, corpus, opts.labelTypeWeights, conceptsOf);
    const topEntities: CommunityCard["topEntities"] = {};
    // Top entities by tf-idf, so "machine learning" does not head every card.
    const byTfidf = [...scored].sort(
      (x, y) => y.tfidf - x.tfidf || y.count - x.count || cmp(x.node, y.node),
    );
    for (const s of byTfidf) {
      const list = topEntities[s.type] ?? [];
      if (list.length < TOP) list.push({ node: s.node, label: s.label, count: s.count });
      topEntities[s.type] = list;
    }
    const strength = (p: string) => {
      let w = 0;
      graph.forEachUndirectedEdge(p, (_e, a, s, t) => {
        if (a.type === "similar" && inside.has(s === p ? t : s)) w += a.weight;
      });
      return w;
    };
    const topPapers = papers
      .map((p) => ({ p, w: strength(p) }))
      .sort((x, y) => y.w - x.w || cmp(x.p, y.p))
      .slice(0, TOP)
      .map(({ p }) => ({ node: p, title: graph.getNodeAttribute(p, "title") as string }));
    const authorCounts = new Map<string, number>();
    for (const p of papers)
      graph.forEachOutNeighbor(p, (m, a) => {
        if (a.type === "author") authorCounts.set(m, (authorCounts.get(m) ?? 0) + 1);
      });
    const topAuthors = [...authorCounts]
      .sort((x, y) => y[1] - x[1] || cmp(x[0], y[0]))
      .slice(0, TOP)
      .map(([node, count]) => ({
        node,
        name: graph.getNodeAttribute(node, "label") as string,
        count,
      }));
    const years = papers
      .map((p) => graph.getNodeAttribute(p, "year") as number | null)
      .filter((y): y is number => y !== null);
    const mean = (attr: string) =>
      round4(
        papers.reduce((acc, p) => acc + (graph.getNodeAttribute(p, attr) as number), 0) /
          papers.length,
      );
    const cardTerms = terms ? topTerms(papers, terms, corpusDf, n, TOP_TERMS) : [];
    const minCount = Math.ceil(opts.labelMinCoverage * papers.length);
    const label =
      communityLabel(
        graph,
        scored,
        {
          terms: opts.labelTerms,
          maxSpread: opts.labelMaxSpread,
          minCount: Math.max(2, minCount),
          minCountAfter: minCount,
          together: togetherIn(papers, conceptsOf, opts.labelMinCooccurrence),
          wordOverEntity: opts.labelWordOverEntity,
        },
        usedInLabels,
        cardTerms,
      ) ||
      cardTerms
        .map((t) => t.label)
        .slice(0, 1)
        .join("") ||
      topAuthors
        .map((a) => a.name)
        .slice(0, 2)
        .join(" · ") ||
      `community ${id}`;
    communities.push({
      id,
      label,
      size: papers.length,
      topEntities,
      topPapers,
      topAuthors,
      ...(terms ? { topTerms: cardTerms.map(({ label, count }) => ({ label, count })) } : {}),
      years: {
        // loops, not Math.min(...): a community of 200k papers would overflow the call stack
        min: years.length ? years.reduce((m, y) => Math.min(m, y)) : null,
        max: years.length ? years.reduce((m, y) => Math.max(m, y)) : null,
      },
      centre: { x: mean("x"), y: mean("y"), mapX: mean("mapX"), mapY: mean("mapY") },
    });
  }
  const collab = new Map<number, string[]>();
  graph.forEachNode((node, a) => {
    if (a.type === "author" && a.collabCommunity >= 0) {
      const list = collab.get(a.collabCommunity);
      if (list) list.push(node);
      else collab.set(a.collabCommunity, [node]);
    }
  });
  const collabCommunities = [...collab]
    .sort((a, b) => a[0] - b[0])
    .map(([id, authors]) => ({ id, label: collabLabel(graph, authors), size: authors.length }));
  return { communities, collabCommunities };
}
