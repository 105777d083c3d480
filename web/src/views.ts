// The three views as their own graphology graphs for sigma, each with its stored layout:
// knowledge graph (all node types; x,y), paper map (papers + similar; mapX,mapY),
// collaboration network (authors + coauthor; collabX,collabY).
// Sigma reads `type` as its program name, so view graphs carry the node type as `kind`.
import Graph from "graphology";
import type { EdgeAttributes, NodeAttributes, NodeType } from "../../src/graph/schema.ts";
import type { FullGraph, Model } from "./model.ts";
import type { ViewName } from "./state.ts";

export interface ViewNode {
  kind: NodeType;
  label: string;
  x: number;
  y: number;
  size: number;
  community: number;
  /** Years of the node's papers (a paper: its own year), for the year filter. */
  yearMin: number | null;
  yearMax: number | null;
}

export interface ViewEdge {
  kind: EdgeAttributes["type"];
  size: number;
  weight: number;
}

export type ViewGraph = Graph<ViewNode, ViewEdge>;

export interface ViewCommunity {
  id: number;
  label: string;
  size: number;
  x: number;
  y: number;
  /** Members, when the label goes above the group rather than at its centre (collaboration). */
  members?: string[];
}

export interface View {
  name: ViewName;
  graph: ViewGraph;
  communities: ViewCommunity[];
}

interface ViewSpec {
  title: string;
  nodes: (a: NodeAttributes) => boolean;
  edges: ReadonlySet<EdgeAttributes["type"]>;
  position: (a: NodeAttributes) => { x: number; y: number };
  community: (a: NodeAttributes) => number;
}

export const VIEW_SPECS: Record<ViewName, ViewSpec> = {
  knowledge: {
    title: "Knowledge graph",
    nodes: () => true,
    edges: new Set(["authored", "has", "is-a"]),
    position: (a) => ({ x: a.x, y: a.y }),
    community: (a) => a.community,
  },
  papers: {
    title: "Paper map",
    nodes: (a) => a.type === "paper",
    edges: new Set(["similar"]),
    position: (a) => (a.type === "paper" ? { x: a.mapX, y: a.mapY } : { x: a.x, y: a.y }),
    community: (a) => a.community,
  },
  collab: {
    title: "Collaboration network",
    nodes: (a) => a.type === "author",
    edges: new Set(["coauthor"]),
    position: (a) => (a.type === "author" ? { x: a.collabX, y: a.collabY } : { x: a.x, y: a.y }),
    community: (a) => (a.type === "author" ? a.collabCommunity : a.community),
  },
};

/** A display label: titles are cut to a length a label can carry. */
export function shortLabel(text: string, max = 42): string {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

function yearsOf(graph: FullGraph, key: string, a: NodeAttributes): [number | null, number | null] {
  if (a.type === "paper") return [a.year, a.year];
  let min: number | null = null;
  let max: number | null = null;
  graph.forEachNeighbor(key, (_n, na) => {
    if (na.type !== "paper" || na.year === null) return;
    min = min === null ? na.year : Math.min(min, na.year);
    max = max === null ? na.year : Math.max(max, na.year);
  });
  return [min, max];
}

function edgeSize(a: EdgeAttributes, maxWeight: number): number {
  if (a.type === "similar" || a.type === "coauthor")
    return 0.5 + 2.5 * Math.min(1, a.weight / (maxWeight || 1));
  return 0.5;
}

export function buildView(model: Model, name: ViewName): View {
  const spec = VIEW_SPECS[name];
  const full = model.graph;
  const graph: ViewGraph = new Graph({ type: "undirected", multi: false, allowSelfLoops: false });
  full.forEachNode((key, a) => {
    if (!spec.nodes(a)) return;
    const [yearMin, yearMax] = yearsOf(full, key, a);
    graph.addNode(key, {
      kind: a.type,
      label: shortLabel(a.type === "paper" ? a.title || a.label : a.label),
      ...spec.position(a),
      size: a.size,
      community: spec.community(a),
      yearMin,
      yearMax,
    });
  });
  let maxWeight = 0;
  full.forEachEdge((_e, a) => {
    if (spec.edges.has(a.type)) maxWeight = Math.max(maxWeight, a.weight);
  });
  full.forEachEdge((_e, a, s, t) => {
    if (!spec.edges.has(a.type) || s === t || !graph.hasNode(s) || !graph.hasNode(t)) return;
    graph.mergeEdge(s, t, { kind: a.type, weight: a.weight, size: edgeSize(a, maxWeight) });
  });
  return { name, graph, communities: viewCommunities(model, name, graph) };
}

function viewCommunities(model: Model, name: ViewName, graph: ViewGraph): ViewCommunity[] {
  if (name !== "collab")
    return model.meta.communities.map((c) => ({
      id: c.id,
      label: c.label,
      size: c.size,
      x: name === "papers" ? c.centre.mapX : c.centre.x,
      y: name === "papers" ? c.centre.mapY : c.centre.y,
    }));
  // The collaboration communities carry no centre: take their members' mean position.
  // Their groups are small, so the label goes above the members instead of over them.
  const sums = new Map<number, { x: number; y: number; members: string[] }>();
  graph.forEachNode((k, a) => {
    const s = sums.get(a.community) ?? { x: 0, y: 0, members: [] };
    s.x += a.x;
    s.y += a.y;
    s.members.push(k);
    sums.set(a.community, s);
  });
  return model.meta.collabCommunities.map((c) => {
    const s = sums.get(c.id);
    const n = s?.members.length ?? 0;
    return { ...c, x: s ? s.x / n : 0, y: s ? s.y / n : 0, members: s?.members ?? [] };
  });
}
