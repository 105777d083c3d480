// Undirected edges kept as tables beside the graph, not as graphology edges. buildGraph keeps its
// coauthor and similar edges here (BuiltGraph.tables, build.ts): inserting them into graphology
// was about a third of the +100 rebuild's graph step (100k edges on 6,418 papers, at 4-5 µs each
// in graphology's adjacency objects). `serialize` writes them as ordinary edges, so graph.json,
// the exports and a loaded graph are as before. Code that reads a relation takes a `Relations`
// (relations.ts), which covers a graph's own edges and its tables alike.
import type { EdgeAttributes } from "./schema.ts";
import { edgeKey } from "./schema.ts";

/** The edge types kept as tables, in the order the tables are read (and were made). */
export const TABLE_TYPES = ["coauthor", "similar"] as const;
export type TableType = (typeof TABLE_TYPES)[number];

/** The attributes of an edge of `type` (schema.ts), e.g. EdgeOf<"similar"> has a breakdown. */
export type EdgeOf<T extends EdgeAttributes["type"]> = Extract<EdgeAttributes, { type: T }>;

/** An undirected edge of a table; `attributes` are canonical (as serialize writes them). */
export interface TableEdge<A extends EdgeOf<TableType> = EdgeOf<TableType>> {
  source: string;
  target: string;
  attributes: A;
}

/** A neighbour a table gives a node: the other end, the edge's weight and attributes. */
export interface TableNeighbour {
  node: string;
  weight: number;
  attributes: EdgeOf<TableType>;
}

/** A built graph's coauthor and similar edges, each table in the order its edges were made. */
export type EdgeTables = { readonly [T in TableType]: readonly TableEdge<EdgeOf<T>>[] };

/** No tables: a loaded graph holds every edge in graphology. */
export const NO_TABLES: EdgeTables = Object.freeze({
  coauthor: Object.freeze([]),
  similar: Object.freeze([]),
});

/** Every table edge with its key (edgeKey, undirected), table by table. */
export function forEachTableEdge(
  tables: EdgeTables,
  fn: (key: string, edge: TableEdge) => void,
): void {
  for (const type of TABLE_TYPES)
    for (const e of tables[type]) fn(edgeKey(type, e.source, e.target, true), e);
}

/** How many edges the tables hold. */
export function tableEdgeCount(tables: EdgeTables): number {
  let n = 0;
  for (const type of TABLE_TYPES) n += tables[type].length;
  return n;
}

const isTableType = (type: string): type is TableType =>
  (TABLE_TYPES as readonly string[]).includes(type);

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
 * The neighbours the tables of `types` give a node (of the nodes in `only`, when given): table
 * by table in TABLE_TYPES order, each in table order, which is the order graphology iterated a
 * node's edges in when the same edges were inserted in that order.
 */
export function tableNeighbours(
  tables: EdgeTables,
  types: Iterable<string>,
  only?: ReadonlySet<string>,
): (node: string) => readonly TableNeighbour[] {
  const wanted = new Set(types);
  const indexed = TABLE_TYPES.filter((type) => wanted.has(type) && tables[type].length > 0).map(
    (type) => neighbourIndex(tables[type], only),
  );
  if (indexed.length === 0) return () => [];
  if (indexed.length === 1) return (node) => indexed[0].get(node) ?? [];
  return (node) => indexed.flatMap((index) => index.get(node) ?? []);
}

/** The neighbours the table of `type` gives `node` (none when `type` is not a table type). */
export function tableNeighboursOf(
  tables: EdgeTables,
  node: string,
  type: string,
): readonly TableNeighbour[] {
  if (!isTableType(type) || tables[type].length === 0) return [];
  return neighbourIndex(tables[type]).get(node) ?? [];
}

/** How many edges the tables give each node (absent: none). */
export function tableDegrees(tables: EdgeTables): Map<string, number> {
  const degrees = new Map<string, number>();
  for (const type of TABLE_TYPES)
    for (const e of tables[type]) {
      degrees.set(e.source, (degrees.get(e.source) ?? 0) + 1);
      degrees.set(e.target, (degrees.get(e.target) ?? 0) + 1);
    }
  return degrees;
}
