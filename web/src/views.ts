// The three views as their own graphology graphs for sigma, each with its stored layout:
// knowledge graph (all node types; x,y), paper map (papers + similar; mapX,mapY),
// collaboration network (authors + coauthor; collabX,collabY).
// Sigma reads `type` as its program name, so view graphs carry the node type as `kind`.
import Graph from "graphology";
import type {
  EdgeAttributes,
  GraphMeta,
  NodeAttributes,
  NodeType,
  SerializedGraph,
} from "../../src/graph/schema.ts";
import type { Steps } from "./idle.ts";
import type { FullGraph, Model } from "./model.ts";
import type { ViewName } from "./state.ts";

export interface ViewNode {
  kind: NodeType;
  label: string;
  x: number;
  y: number;
  size: number;
  community: number;
  /** An author's papers (other nodes: 0), for the minimum-papers filter. */
  papers: number;
  /** Years of the node's papers (a paper: its own year), for the year filter. */
  yearMin: number | null;
  yearMax: number | null;
  /** A paper's year; an author's or concept's mean year of its papers (colour by year). */
  year: number | null;
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
    edges: new Set(["authored", "has", "is-a", "cites"]),
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

/** Min, max and mean year of a node's papers (a paper: its own year). */
type Years = [number | null, number | null, number | null];

function yearsOf(graph: FullGraph, key: string, a: NodeAttributes): Years {
  if (a.type === "paper") return [a.year, a.year, a.year];
  let min: number | null = null;
  let max: number | null = null;
  let sum = 0;
  let n = 0;
  graph.forEachNeighbor(key, (_n, na) => {
    if (na.type !== "paper" || na.year === null) return;
    min = min === null ? na.year : Math.min(min, na.year);
    max = max === null ? na.year : Math.max(max, na.year);
    sum += na.year;
    n++;
  });
  return [min, max, n ? sum / n : null];
}

function edgeSize(a: EdgeAttributes, maxWeight: number): number {
  if (a.type === "similar" || a.type === "coauthor")
    return 0.5 + 2.5 * Math.min(1, a.weight / (maxWeight || 1));
  return 0.5;
}

/** What a view is built from: nodes and edges in graph order, and each node's paper years. */
interface ViewSource {
  forEachNode(fn: (key: string, a: NodeAttributes) => void): void;
  forEachEdge(fn: (a: EdgeAttributes, source: string, target: string) => void): void;
  years(key: string, a: NodeAttributes): Years;
  meta: GraphMeta;
}

/** A view's node attributes for a node of the graph. */
function viewNode(spec: ViewSpec, a: NodeAttributes, [yearMin, yearMax, year]: Years): ViewNode {
  return {
    kind: a.type,
    label: shortLabel(a.type === "paper" ? a.title || a.label : a.label),
    ...spec.position(a),
    size: a.size,
    community: spec.community(a),
    papers: a.type === "author" ? a.paperCount : 0,
    yearMin,
    yearMax,
    year,
  };
}

function assemble(src: ViewSource, name: ViewName): View {
  const spec = VIEW_SPECS[name];
  const graph: ViewGraph = new Graph({ type: "undirected", multi: false, allowSelfLoops: false });
  src.forEachNode((key, a) => {
    if (spec.nodes(a)) graph.addNode(key, viewNode(spec, a, src.years(key, a)));
  });
  // one pass over all edges: the view's types and their largest weight; then only those
  let maxWeight = 0;
  const kept: [EdgeAttributes, string, string][] = [];
  src.forEachEdge((a, s, t) => {
    if (!spec.edges.has(a.type)) return;
    maxWeight = Math.max(maxWeight, a.weight);
    if (s !== t) kept.push([a, s, t]);
  });
  for (const [a, s, t] of kept)
    if (graph.hasNode(s) && graph.hasNode(t))
      graph.mergeEdge(s, t, { kind: a.type, weight: a.weight, size: edgeSize(a, maxWeight) });
  return { name, graph, communities: viewCommunities(src.meta, name, graph) };
}

/** A view from the full graph. */
export function buildView(model: Model, name: ViewName): View {
  const full = model.graph;
  return assemble(
    {
      forEachNode: (fn) => full.forEachNode(fn),
      forEachEdge: (fn) => full.forEachEdge((_e, a, s, t) => fn(a, s, t)),
      years: (key, a) => yearsOf(full, key, a),
      meta: model.meta,
    },
    name,
  );
}

/**
 * The same view as buildView, straight from the serialised graph (checked by checkGraph), without
 * building the full graph first: the page's first frame needs only this. A node's years come
 * from the papers it shares an edge with, as buildView's neighbours.
 */
export function buildViewFromData(data: SerializedGraph, name: ViewName): View {
  const steps = buildViewSteps(data, name, Number.POSITIVE_INFINITY);
  for (let r = steps.next(); ; r = steps.next()) if (r.done) return r.value;
}

/**
 * buildViewFromData in slices of about `chunk` nodes or edges, for the page to build the views
 * it does not show yet while it is idle (a view switch then only draws).
 */
export function* buildViewSteps(data: SerializedGraph, name: ViewName, chunk = 1000): Steps<View> {
  const spec = VIEW_SPECS[name];
  let work = 0;
  const tick = () => ++work >= chunk;
  /** min, max, sum and count of a node's paper years */
  const years = new Map<string, [number, number, number, number]>();
  // papers carry their own year; only views with other node types need the neighbours' years
  if (data.nodes.some((n) => n.attributes.type !== "paper" && spec.nodes(n.attributes))) {
    const attrs = new Map(data.nodes.map((n) => [n.key, n.attributes]));
    yield;
    const seen = (key: string, year: number | null) => {
      const a = attrs.get(key);
      if (year === null || !a || a.type === "paper" || !spec.nodes(a)) return;
      const y = years.get(key);
      if (!y) years.set(key, [year, year, year, 1]);
      else years.set(key, [Math.min(y[0], year), Math.max(y[1], year), y[2] + year, y[3] + 1]);
    };
    for (const e of data.edges) {
      const s = attrs.get(e.source);
      const t = attrs.get(e.target);
      if (s?.type === "paper" && t?.type !== "paper") seen(e.target, s.year);
      if (t?.type === "paper" && s?.type !== "paper") seen(e.source, t.year);
      if (tick()) {
        work = 0;
        yield;
      }
    }
  }
  const yearsOfNode = (key: string, a: NodeAttributes): Years => {
    if (a.type === "paper") return [a.year, a.year, a.year];
    const y = years.get(key);
    return y ? [y[0], y[1], y[2] / y[3]] : [null, null, null];
  };
  const graph: ViewGraph = new Graph({ type: "undirected", multi: false, allowSelfLoops: false });
  for (const n of data.nodes) {
    const a = n.attributes;
    if (spec.nodes(a)) graph.addNode(n.key, viewNode(spec, a, yearsOfNode(n.key, a)));
    if (tick()) {
      work = 0;
      yield;
    }
  }
  // one pass over all edges: the view's types and their largest weight; then only those
  let maxWeight = 0;
  const kept: [EdgeAttributes, string, string][] = [];
  for (const e of data.edges) {
    const a = e.attributes;
    if (spec.edges.has(a.type)) {
      maxWeight = Math.max(maxWeight, a.weight);
      if (e.source !== e.target) kept.push([a, e.source, e.target]);
    }
    if (tick()) {
      work = 0;
      yield;
    }
  }
  for (const [a, s, t] of kept) {
    if (graph.hasNode(s) && graph.hasNode(t))
      graph.mergeEdge(s, t, { kind: a.type, weight: a.weight, size: edgeSize(a, maxWeight) });
    if (tick()) {
      work = 0;
      yield;
    }
  }
  return { name, graph, communities: viewCommunities(data.meta, name, graph) };
}

function viewCommunities(meta: GraphMeta, name: ViewName, graph: ViewGraph): ViewCommunity[] {
  if (name !== "collab")
    return meta.communities.map((c) => ({
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
  return meta.collabCommunities.map((c) => {
    const s = sums.get(c.id);
    const n = s?.members.length ?? 0;
    return { ...c, x: s ? s.x / n : 0, y: s ? s.y / n : 0, members: s?.members ?? [] };
  });
}
