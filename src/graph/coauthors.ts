// Co-authorship as a table beside the graph, not as graphology edges. buildGraph keeps the coauthor
// pairs here (graph attribute COAUTHORS): inserting them into graphology was a sixth of the +100
// rebuild's graph step (55k edges on 6,418 papers, at 4-5 µs each in graphology's adjacency
// objects), and nothing in the build needs them as edges. `serialize` writes them as ordinary
// coauthor edges, so graph.json, the exports and a loaded graph are as before. Code that reads
// the coauthor relation of a graph takes both: its coauthor edges (a loaded graph) and its table
// (a built one): subNetwork, fillIncrementally, assignSizes.
import type Graph from "graphology";
import { edgeKey } from "./schema.ts";

/** One coauthor pair: `source` < `target` (author node keys) and the paper nodes they share. */
export interface CoauthorPair {
  source: string;
  target: string;
  papers: string[];
}

/** The graph attribute holding a built graph's coauthor pairs (CoauthorPair[], in key order). */
export const COAUTHORS = "coauthorPairs";

/**
 * The coauthor pairs of papers given as (paper node, author nodes) in paper order: every two
 * distinct authors of a paper with at most `maxList` of them, sorted by source then target (the
 * order of their edge keys); a pair's papers in the order given.
 */
export function coauthorPairs(
  papers: { node: string; authors: string[] }[],
  maxList: number,
): CoauthorPair[] {
  const byFirst = new Map<string, Map<string, string[]>>();
  for (const p of papers) {
    const authors = [...new Set(p.authors)].sort();
    if (authors.length > maxList) continue;
    for (let i = 0; i < authors.length; i++) {
      const withA = byFirst.get(authors[i]) ?? new Map<string, string[]>();
      byFirst.set(authors[i], withA);
      for (let j = i + 1; j < authors.length; j++) {
        const list = withA.get(authors[j]);
        if (list) list.push(p.node);
        else withA.set(authors[j], [p.node]);
      }
    }
  }
  const out: CoauthorPair[] = [];
  for (const source of [...byFirst.keys()].sort()) {
    const withA = byFirst.get(source) as Map<string, string[]>;
    for (const target of [...withA.keys()].sort())
      out.push({ source, target, papers: withA.get(target) as string[] });
  }
  return out;
}

/** The coauthor pairs a built graph holds beside its edges (none for a loaded graph). */
export function coauthorTable(graph: Graph): readonly CoauthorPair[] {
  return (graph.getAttribute(COAUTHORS) as CoauthorPair[] | undefined) ?? [];
}

/** A pair as the coauthor edge `serialize` writes (attribute keys in canonical order). */
export function coauthorEdge(pair: CoauthorPair) {
  return {
    key: edgeKey("coauthor", pair.source, pair.target, true),
    source: pair.source,
    target: pair.target,
    attributes: { papers: pair.papers, type: "coauthor" as const, weight: pair.papers.length },
  };
}

/** A co-author from the table: the other author, the papers they share and their number. */
export interface TableNeighbour {
  node: string;
  weight: number;
  papers: string[];
}

/** Neighbour lists of the table, built on first use (co-authors in key order). */
export type TableNeighbours = (node: string) => readonly TableNeighbour[];

const neighbourIndex = new WeakMap<readonly CoauthorPair[], TableNeighbours>();

/**
 * The co-authors a graph's table gives each node, in key order: the order graphology iterated the
 * same pairs in when they were edges inserted in key order.
 */
export function tableNeighbours(graph: Graph): TableNeighbours {
  const table = coauthorTable(graph);
  let found = neighbourIndex.get(table);
  if (!found) {
    const index = new Map<string, TableNeighbour[]>();
    const add = (a: string, b: string, papers: string[]) => {
      const entry = { node: b, weight: papers.length, papers };
      const list = index.get(a);
      if (list) list.push(entry);
      else index.set(a, [entry]);
    };
    for (const p of table) {
      add(p.source, p.target, p.papers);
      add(p.target, p.source, p.papers);
    }
    for (const list of index.values()) list.sort((x, y) => (x.node < y.node ? -1 : 1));
    found = (node) => index.get(node) ?? [];
    neighbourIndex.set(table, found);
  }
  return found;
}
