// Pure queries over a graph, shared by the CLI and the web view.

import type Graph from "graphology";
import { compareStrings as cmp } from "../common/compare.ts";
import { foldName, makeAuthor } from "../ingest/names.ts";
import { matchAuthorKey } from "./authors.ts";
import { fromPaper } from "./reasons.ts";
import type { CommunityCard, ShareItem } from "./schema.ts";

export interface RelatedPaper {
  node: string;
  title: string;
  score: number;
  /**
   * Shared words, entities, authors, venue and references, and a direct citation between the two
   * as the query paper sees it ("cites", "cited-by"; reasons.ts fromPaper), largest share first
   * (shares sum to 1).
   */
  reasons: ShareItem[];
}

export interface Collaborator {
  node: string;
  name: string;
  /** Shared papers. */
  count: number;
  papers: { node: string; title: string }[];
}

const words = (s: string) => foldName(s).split(" ").filter(Boolean);

/**
 * The paper node for an id ("paper:doi:…", "doi:…", "slug:…") or title words: an exact id, else
 * an exact title, else the title holding the largest share of the words. Throws naming the
 * candidates when several titles match equally well, or when nothing matches.
 */
export function findPaper(graph: Graph, query: string): string {
  const q = query.trim();
  for (const key of [q, `paper:${q}`])
    if (graph.hasNode(key) && graph.getNodeAttribute(key, "type") === "paper") return key;
  const papers = graph.filterNodes((_, a) => a.type === "paper");
  const lower = q.toLowerCase();
  const byId = papers.filter(
    (p) => (graph.getNodeAttribute(p, "paperId") as string).toLowerCase() === lower,
  );
  if (byId.length === 1) return byId[0];
  const qWords = words(q);
  if (qWords.length === 0) throw new Error(`graph/findPaper: no title words in '${query}'`);
  const folded = qWords.join(" ");
  const exact = papers.filter(
    (p) => words(graph.getNodeAttribute(p, "title")).join(" ") === folded,
  );
  if (exact.length === 1) return exact[0];
  const scored = papers
    .map((p) => {
      const title = new Set(words(graph.getNodeAttribute(p, "title")));
      return { p, score: qWords.filter((w) => title.has(w)).length / qWords.length };
    })
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || cmp(a.p, b.p));
  if (scored.length === 0) throw new Error(`graph/findPaper: no paper matches '${query}'`);
  const best = scored.filter((s) => s.score === scored[0].score);
  if (best.length === 1 && best[0].score >= 0.5) return best[0].p;
  const list = best
    .slice(0, 10)
    .map((s) => `  ${s.p}  ${graph.getNodeAttribute(s.p, "title")}`)
    .join("\n");
  const what =
    best.length > 1
      ? `matches ${best.length} papers equally`
      : `matches no title well (at most ${Math.round(best[0].score * 100)}% of its words)`;
  throw new Error(`graph/findPaper: '${query}' ${what}; give more title words or an id:\n${list}`);
}

/** A built or loaded graph (buildGraph, loadGraph): what the relation queries read. */
export interface Queried {
  readonly graph: Graph;
}

/** Related papers ranked by similar-edge weight (ties by node key), with reasons. */
export function related({ graph }: Queried, paperKey: string, top = 10): RelatedPaper[] {
  if (!graph.hasNode(paperKey)) throw new Error(`graph/related: no node '${paperKey}'`);
  const out: RelatedPaper[] = [];
  graph.forEachEdge(paperKey, (_e, a, s, t) => {
    if (a.type !== "similar") return;
    const other = s === paperKey ? t : s;
    out.push({
      node: other,
      title: graph.getNodeAttribute(other, "title"),
      score: a.weight,
      reasons: fromPaper(a.breakdown, paperKey),
    });
  });
  return out.sort((a, b) => b.score - a.score || cmp(a.node, b.node)).slice(0, top);
}

/** The author node for a name as typed ("Lei Clifton", "Clifton, Lei", "L. Clifton") or a node key. */
export function findAuthor(graph: Graph, name: string): string {
  if (graph.hasNode(name) && graph.getNodeAttribute(name, "type") === "author") return name;
  const author = makeAuthor(name);
  if (!author) throw new Error(`graph/findAuthor: '${name}' is not a name`);
  const roots = graph
    .filterNodes((_, a) => a.type === "author")
    .map((node) => ({
      root: node,
      keys: [
        node.slice("author:".length),
        ...(graph.getNodeAttribute(node, "variants") as string[]).flatMap(
          (v) => makeAuthor(v)?.key ?? [],
        ),
      ],
    }));
  const m = matchAuthorKey(author.key, roots);
  if ("root" in m) return m.root;
  if (m.candidates.length === 0) {
    const family = author.key.slice(0, author.key.indexOf("|"));
    const same = roots.filter((r) => r.root.startsWith(`author:${family}|`)).map((r) => r.root);
    throw new Error(
      `graph/findAuthor: no author '${name}'${same.length ? `; same family name: ${same.slice(0, 10).join(", ")}` : ""}`,
    );
  }
  throw new Error(
    `graph/findAuthor: '${name}' could be ${m.candidates.join(", ")}; be more specific`,
  );
}

/** Co-authors of an author, most shared papers first, with the papers. */
export function collaborators({ graph }: Queried, authorName: string): Collaborator[] {
  const node = findAuthor(graph, authorName);
  const out: Collaborator[] = [];
  const add = (other: string, papers: string[]) =>
    out.push({
      node: other,
      name: graph.getNodeAttribute(other, "label"),
      count: papers.length,
      papers: papers.map((p) => ({ node: p, title: graph.getNodeAttribute(p, "title") })),
    });
  graph.forEachEdge(node, (_e, a, s, t) => {
    if (a.type === "coauthor") add(s === node ? t : s, a.papers);
  });
  return out.sort((a, b) => b.count - a.count || cmp(a.name, b.name) || cmp(a.node, b.node));
}

/** The community cards, by id, of a built or loaded graph, or of a graph.json's meta. */
export function clusters(source: {
  readonly communities: readonly CommunityCard[];
}): CommunityCard[] {
  return [...source.communities].sort((a, b) => a.id - b.id);
}

/** The papers of a knowledge-graph / paper-map community, largest (most central) first, ties by key. */
export function communityPapers(graph: Graph, community: number): string[] {
  return graph
    .filterNodes((_, a) => a.type === "paper" && a.community === community)
    .sort(
      (a, b) =>
        (graph.getNodeAttribute(b, "size") as number) -
          (graph.getNodeAttribute(a, "size") as number) || cmp(a, b),
    );
}

export interface YearCounts {
  /** Papers per year, by year; years without papers left out. */
  perYear: { year: number; count: number }[];
  /** Papers without a year. */
  undated: number;
}

/** How many of the papers fall in each year. */
export function yearCounts(graph: Graph, papers: Iterable<string>): YearCounts {
  const counts = new Map<number, number>();
  let undated = 0;
  for (const p of papers) {
    const year = graph.getNodeAttribute(p, "year") as number | null;
    if (year === null || year === undefined) undated++;
    else counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  const perYear = [...counts].sort((a, b) => a[0] - b[0]).map(([year, count]) => ({ year, count }));
  return { perYear, undated };
}
