// A view's sub-network (its nodes, linked by the undirected edges of some types) as a compact
// graphology graph, built once and shared by Louvain (communities.ts) and the layout
// (layout.ts): copying edges into graphology is the graph stage's biggest cost at scale.
// Node keys are short ("n0", "n1", … in the order given; not integer-like, so JavaScript keeps
// them in insertion order and every iteration order is that of `nodes`).
import Graph from "graphology";

export interface SubNetwork {
  graph: Graph;
  /** The original node key of sub-network node `n<i>`. */
  keys: string[];
}

export const subKey = (i: number): string => `n${i}`;

/** The sub-network of `nodes` over the undirected edges whose type is in `edgeTypes`, in graph order. */
export function subNetwork(graph: Graph, nodes: string[], edgeTypes: Set<string>): SubNetwork {
  return linkedNetwork(nodes, (link) => {
    graph.forEachUndirectedEdge((_key, attrs, s, t) => {
      if (edgeTypes.has(attrs.type)) link(s, t, attrs.weight);
    });
  });
}

/** A link between two node keys with its weight (the first link of a pair counts). */
export type Link = (source: string, target: string, weight: number) => void;

/**
 * The sub-network of `nodes` over the links `edges` makes: for a network that is not made of
 * the graph's edges, such as the one paper communities are found on (build.ts).
 */
export function linkedNetwork(nodes: string[], edges: (link: Link) => void): SubNetwork {
  const sub = new Graph({ type: "undirected" });
  const index = new Map<string, number>();
  nodes.forEach((n, i) => {
    index.set(n, i);
    sub.addNode(subKey(i));
  });
  edges((s, t, weight) => {
    const a = index.get(s);
    const b = index.get(t);
    if (a === undefined || b === undefined) return;
    const [sa, sb] = [subKey(a), subKey(b)];
    if (!sub.hasEdge(sa, sb)) sub.addEdge(sa, sb, { weight });
  });
  return { graph: sub, keys: nodes };
}

/** The paper-similarity and co-authorship networks, built by the caller when first asked for. */
export interface Networks {
  /** Papers (in graph order) over similar edges. */
  papers?: () => SubNetwork;
  /** Papers (in graph order) over the network their communities are found on; else `papers`. */
  communities?: () => SubNetwork;
  /** Authors (in graph order) over coauthor edges. */
  authors?: () => SubNetwork;
}
