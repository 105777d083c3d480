// The full graph (every node and edge, original attributes) used for details and search.
import Graph from "graphology";
import type {
  CommunityCard,
  EdgeAttributes,
  GraphMeta,
  NodeAttributes,
  SerializedGraph,
} from "../../src/graph/schema.ts";

export type FullGraph = Graph<NodeAttributes, EdgeAttributes>;

export interface Model {
  graph: FullGraph;
  meta: GraphMeta;
  communities: Map<number, CommunityCard>;
}

export function buildModel(data: SerializedGraph): Model {
  const type = ["mixed", "directed", "undirected"].includes(data.options.type)
    ? (data.options.type as "mixed" | "directed" | "undirected")
    : "mixed";
  const graph: FullGraph = new Graph({ type, multi: data.options.multi, allowSelfLoops: true });
  graph.import({ nodes: data.nodes, edges: data.edges });
  return {
    graph,
    meta: data.meta,
    communities: new Map(data.meta.communities.map((c) => [c.id, c])),
  };
}

/** The readable name of a node (a paper's title, an author's name, a concept's label). */
export function nameOf(graph: FullGraph, key: string): string {
  if (!graph.hasNode(key)) return key;
  const a = graph.getNodeAttributes(key);
  return a.type === "paper" ? a.title : a.label;
}
