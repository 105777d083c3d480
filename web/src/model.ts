// The full graph (every node and edge, original attributes) used for details and search.
import Graph from "graphology";
import type {
  CommunityCard,
  EdgeAttributes,
  GraphMeta,
  NodeAttributes,
  SerializedGraph,
} from "../../src/graph/schema.ts";
import type { Steps } from "./idle.ts";

export type FullGraph = Graph<NodeAttributes, EdgeAttributes>;

export interface Model {
  graph: FullGraph;
  meta: GraphMeta;
  communities: Map<number, CommunityCard>;
}

export function buildModel(data: SerializedGraph): Model {
  const steps = buildModelSteps(data, Number.POSITIVE_INFINITY);
  for (let r = steps.next(); ; r = steps.next()) if (r.done) return r.value;
}

/**
 * buildModel in slices of `chunk` nodes or edges (graph.import of each slice in file order: the
 * same graph as one import), for the page to run when idle.
 */
export function* buildModelSteps(data: SerializedGraph, chunk = 2000): Steps<Model> {
  const type = ["mixed", "directed", "undirected"].includes(data.options.type)
    ? (data.options.type as "mixed" | "directed" | "undirected")
    : "mixed";
  const graph: FullGraph = new Graph({ type, multi: data.options.multi, allowSelfLoops: true });
  for (let i = 0; i < data.nodes.length; i += chunk) {
    graph.import({ nodes: data.nodes.slice(i, i + chunk) });
    yield;
  }
  for (let i = 0; i < data.edges.length; i += chunk) {
    graph.import({ edges: data.edges.slice(i, i + chunk) });
    yield;
  }
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
