// Undirected edges kept as tables beside the graph, not as graphology edges. buildGraph keeps its
// coauthor and similar edges here (graph attribute EDGE_TABLES): inserting them into graphology
// was about a third of the +100 rebuild's graph step (100k edges on 6,418 papers, at 4-5 µs each
// in graphology's adjacency objects), and the build reads them only through the few functions
// below. `serialize` writes them as ordinary edges, so graph.json, the exports and a loaded graph
// are as before. Code that reads a relation of a graph takes both its edges of that type (a
// loaded graph) and its table (a built one): subNetwork, fillIncrementally, assignSizes, the
// community cards, related() and collaborators().
import type Graph from "graphology";
import { edgeKey } from "./schema.ts";

/** An undirected edge of a table; `attributes` are canonical (as serialize writes them). */
export interface TableEdge {
  source: string;
  target: string;
  attributes: { type: string; weight: number; [key: string]: unknown };
}

/** A neighbour a table gives a node: the other end, the edge's weight and attributes. */
export interface TableNeighbour {
  node: string;
  weight: number;
  attributes: TableEdge["attributes"];
}

/** The graph attribute holding a built graph's tables, by edge type, in the order they were set. */
export const EDGE_TABLES = "edgeTables";

type Tables = Record<string, TableEdge[]>;

const tablesOf = (graph: Graph): Tables => (graph.getAttribute(EDGE_TABLES) as Tables) ?? {};

/** Keep `edges` as the graph's table of `type` (replacing one set before). */
export function setEdgeTable(graph: Graph, type: string, edges: TableEdge[]): void {
  graph.setAttribute(EDGE_TABLES, { ...tablesOf(graph), [type]: edges });
}

/** The graph's tables as [type, edges], in the order they were set (none for a loaded graph). */
export function edgeTables(graph: Graph): [string, readonly TableEdge[]][] {
  return Object.entries(tablesOf(graph));
}

/** The graph's table of `type` (empty for a loaded graph). */
export function edgeTable(graph: Graph, type: string): readonly TableEdge[] {
  return tablesOf(graph)[type] ?? [];
}

/** Every table edge of the graph with its key (edgeKey, undirected), table by table. */
export function forEachTableEdge(graph: Graph, fn: (key: string, edge: TableEdge) => void): void {
  for (const [type, edges] of Object.entries(tablesOf(graph)))
    for (const e of edges) fn(edgeKey(type, e.source, e.target, true), e);
}

/** How many edges the graph's tables hold. */
export function tableEdgeCount(graph: Graph): number {
  return Object.values(tablesOf(graph)).reduce((n, edges) => n + edges.length, 0);
}

const indexes = new WeakMap<readonly TableEdge[], Map<string, TableNeighbour[]>>();

/**
 * A table's neighbours by node, each list in table order: of every node (built on first use and
 * kept), or only of the nodes in `only` (one pass over the table, not kept).
 */
function neighbourIndex(
  edges: readonly TableEdge[],
  only?: ReadonlySet<string>,
): Map<string, TableNeighbour[]> {
  const kept = only ? undefined : indexes.get(edges);
  if (kept) return kept;
  const built = new Map<string, TableNeighbour[]>();
  const add = (a: string, b: string, attributes: TableEdge["attributes"]) => {
    if (only && !only.has(a)) return;
    const entry = { node: b, weight: attributes.weight, attributes };
    const list = built.get(a);
    if (list) list.push(entry);
    else built.set(a, [entry]);
  };
  for (const e of edges) {
    add(e.source, e.target, e.attributes);
    add(e.target, e.source, e.attributes);
  }
  if (!only) indexes.set(edges, built);
  return built;
}

/**
 * The neighbours the graph's tables of `types` give a node (of the nodes in `only`, when given):
 * table by table in the order they were set, each in table order, which is the order graphology
 * iterated a node's edges in when the same edges were inserted in that order.
 */
export function tableNeighbours(
  graph: Graph,
  types: Iterable<string>,
  only?: ReadonlySet<string>,
): (node: string) => readonly TableNeighbour[] {
  const wanted = new Set(types);
  const tables = Object.entries(tablesOf(graph))
    .filter(([type]) => wanted.has(type))
    .map(([, edges]) => neighbourIndex(edges, only));
  if (tables.length === 0) return () => [];
  if (tables.length === 1) return (node) => tables[0].get(node) ?? [];
  return (node) => tables.flatMap((index) => index.get(node) ?? []);
}

/** How many edges the graph's tables give each node (absent: none). */
export function tableDegrees(graph: Graph): Map<string, number> {
  const degrees = new Map<string, number>();
  for (const edges of Object.values(tablesOf(graph)))
    for (const e of edges) {
      degrees.set(e.source, (degrees.get(e.source) ?? 0) + 1);
      degrees.set(e.target, (degrees.get(e.target) ?? 0) + 1);
    }
  return degrees;
}

/**
 * Each edge of `type` at `node`, its edges in the graph first, then those of the graph's table:
 * the node at the other end and the edge's attributes.
 */
export function forEachEdgeOfType(
  graph: Graph,
  node: string,
  type: string,
  fn: (other: string, attributes: Record<string, unknown> & TableEdge["attributes"]) => void,
): void {
  graph.forEachEdge(node, (_e, a, s, t) => {
    if (a.type === type) fn(s === node ? t : s, a as TableEdge["attributes"]);
  });
  for (const n of neighbourIndex(edgeTable(graph, type)).get(node) ?? []) fn(n.node, n.attributes);
}
