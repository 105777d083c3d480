// A graph's relations, whichever way its edges are stored: a loaded graph (loadGraph) holds every
// edge in graphology; a built one (buildGraph) holds its directed edges there and its coauthor and
// similar edges in tables beside it (tables.ts). Everything that reads a relation (sub-networks,
// the incremental fill, sizes, cards, related, collaborators) takes a Relations, so neither kind
// of graph is read as if it were the other.
import type Graph from "graphology";
import type { EdgeAttributes } from "./schema.ts";
import {
  type EdgeOf,
  type EdgeTables,
  NO_TABLES,
  tableDegrees,
  tableEdgeCount,
  tableNeighboursOf,
} from "./tables.ts";

export type EdgeType = EdgeAttributes["type"];

export interface Relations {
  /**
   * The nodes, and the edges graphology holds: every edge of a loaded graph, only the directed
   * ones (authored, has, is-a, cites) of a built graph. `graph.size` and `forEachEdge` do not see
   * `tables`: count and walk relations through the methods below.
   */
  readonly graph: Graph;
  /** The undirected edges kept beside `graph` (a built graph's coauthor and similar; a loaded graph: none). */
  readonly tables: EdgeTables;
  /** Each edge of `type` at `node`: its edges in `graph` first, then those of `tables`. */
  forEachNeighbour<T extends EdgeType>(
    node: string,
    type: T,
    fn: (other: string, attributes: EdgeOf<T>) => void,
  ): void;
  /** The edges of `type` at `node` (forEachNeighbour as a list). */
  neighbours<T extends EdgeType>(node: string, type: T): { node: string; attributes: EdgeOf<T> }[];
  /** A node's degree over every edge, tables included. */
  degree(node: string): number;
  /** How many edges in all, tables included. */
  edgeCount(): number;
}

/** The relations of `graph` with `tables` beside it (default none: every edge in the graph). */
export function relations(graph: Graph, tables: EdgeTables = NO_TABLES): Relations {
  let degrees: Map<string, number> | undefined;
  const forEachNeighbour = <T extends EdgeType>(
    node: string,
    type: T,
    fn: (other: string, attributes: EdgeOf<T>) => void,
  ) => {
    graph.forEachEdge(node, (_e, a, s, t) => {
      if (a.type === type) fn(s === node ? t : s, a as EdgeOf<T>);
    });
    for (const n of tableNeighboursOf(tables, node, type)) fn(n.node, n.attributes as EdgeOf<T>);
  };
  return {
    graph,
    tables,
    forEachNeighbour,
    neighbours: (node, type) => {
      const out: { node: string; attributes: EdgeOf<typeof type> }[] = [];
      forEachNeighbour(node, type, (other, attributes) => out.push({ node: other, attributes }));
      return out;
    },
    degree: (node) => {
      degrees ??= tableDegrees(tables);
      return graph.degree(node) + (degrees.get(node) ?? 0);
    },
    edgeCount: () => graph.size + tableEdgeCount(tables),
  };
}
