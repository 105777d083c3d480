/**
 * graph.json: graphology's `graph.export()` plus `meta`, byte-stable.
 *
 * - Object keys are sorted at every depth (code-unit order); arrays keep their order except
 *   `nodes` (sorted by key) and `edges` (sorted by key, then source, target, type), the order
 *   src/graph/serialize.ts already gives. An edge whose key is the derived one (edgeKey) is
 *   written without it.
 * - Layout "lines" (default): the top-level object with one node or edge per line, so a diff
 *   of two builds names the nodes and edges that changed while the file stays compact.
 *   "pretty": 2-space indent everywhere. "compact": one line.
 * - A similar edge's reasons (its breakdown) are packed tuples (src/graph/reasons.ts); the
 *   loaders unpack them.
 * - Always ends with "\n".
 */
import { compareStrings } from "../common/compare.ts";
import { type NodeLabels, nodeLabels, packReason, ReasonPacker } from "../graph/reasons.ts";
import { type CanonicalGraph, edgeKey, type SerializedGraph } from "../graph/schema.ts";
import { sortKeysDeep } from "./stable-json.ts";

export type JsonLayout = "lines" | "pretty" | "compact";

export interface JsonOptions {
  /** Default "lines". */
  layout?: JsonLayout;
}

type Edge = SerializedGraph["edges"][number];

/** Edges by key (given or derived, edgeKey), then source, target, type. */
function sortEdges(edges: Edge[]): Edge[] {
  return edges
    .map((e) => ({ e, key: e.key ?? edgeKey(e.attributes.type, e.source, e.target, e.undirected) }))
    .sort(
      (a, b) =>
        compareStrings(a.key, b.key) ||
        compareStrings(a.e.source, b.e.source) ||
        compareStrings(a.e.target, b.e.target) ||
        compareStrings(a.e.attributes.type, b.e.attributes.type),
    )
    .map(({ e }) => e);
}

/**
 * A copy of the serialised graph with nodes and edges in canonical order and keys sorted. A graph
 * `serialize` made is a CanonicalGraph already: it needs no copy.
 */
export function canonicalGraph(serialized: SerializedGraph): CanonicalGraph {
  const sorted = {
    ...serialized,
    nodes: [...serialized.nodes].sort((a, b) => compareStrings(a.key, b.key)),
    edges: sortEdges(serialized.edges),
  };
  return sortKeysDeep(sorted) as CanonicalGraph;
}

/** An edge as graph.json has it: a similar edge's breakdown packed (src/graph/reasons.ts). */
function fileEdge(e: Edge, labels: NodeLabels): unknown {
  const a = e.attributes;
  if (a.type !== "similar") return e;
  return { ...e, attributes: { ...a, breakdown: a.breakdown.map((r) => packReason(r, labels)) } };
}

/**
 * A serialised graph as graph.json has it, its similar edges' reasons packed (fileEdge), keys in
 * the order given: for the one-string layouts and `site`'s graph.json.
 */
export function fileGraph(graph: SerializedGraph): unknown {
  if (!Array.isArray(graph.edges) || !Array.isArray(graph.nodes)) return graph;
  const labels = nodeLabels(graph.nodes);
  return { ...graph, edges: graph.edges.map((e) => fileEdge(e, labels)) };
}

const sameKeys = (o: object, keys: string) => Object.keys(o).join() === keys;

/**
 * JSON.stringify(fileEdge(e)), written out by hand for a similar edge of the shape serialize
 * gives (most of a graph.json: it saves building 380k tuples on 6,318 papers).
 */
function edgeJson(e: Edge, packer: ReasonPacker, labels: NodeLabels): string {
  const a = e.attributes;
  if (a.type !== "similar") return JSON.stringify(e);
  if (!sameKeys(e, "attributes,source,target,undirected") || !sameKeys(a, "breakdown,type,weight"))
    return JSON.stringify(fileEdge(e, labels));
  return (
    `{"attributes":{"breakdown":${packer.json(a.breakdown)},"type":"similar","weight":` +
    `${JSON.stringify(a.weight)}},"source":${JSON.stringify(e.source)},` +
    `"target":${JSON.stringify(e.target)},"undirected":${JSON.stringify(e.undirected)}}`
  );
}

/**
 * The "lines" layout of a canonical graph as a sequence of chunks (one node or edge per line), so
 * that a graph too large for one JavaScript string can still be written to a file chunk by chunk.
 */
export function* jsonLineChunks(canonical: CanonicalGraph): Generator<string> {
  yield "{\n  ";
  const labels = nodeLabels(canonical.nodes);
  const packer = new ReasonPacker(labels);
  let first = true;
  for (const [key, value] of Object.entries(canonical)) {
    if (!first) yield ",\n  ";
    first = false;
    const name = JSON.stringify(key);
    if (Array.isArray(value) && (key === "nodes" || key === "edges")) {
      if (value.length === 0) {
        yield `${name}: []`;
        continue;
      }
      yield `${name}: [\n`;
      const edges = key === "edges";
      for (let i = 0; i < value.length; i++)
        yield `${i > 0 ? ",\n" : ""}    ${edges ? edgeJson(value[i] as Edge, packer, labels) : JSON.stringify(value[i])}`;
      yield "\n  ]";
    } else {
      yield `${name}: ${JSON.stringify(value)}`;
    }
  }
  yield "\n}\n";
}

/** A canonical graph as JSON (see the module comment for the layouts), written as it is. */
export function canonicalJson(canonical: CanonicalGraph, options: JsonOptions = {}): string {
  const layout = options.layout ?? "lines";
  if (layout === "pretty") return `${JSON.stringify(fileGraph(canonical), null, 2)}\n`;
  if (layout === "compact") return `${JSON.stringify(fileGraph(canonical))}\n`;
  return [...jsonLineChunks(canonical)].join("");
}

/** Any serialised graph as canonical JSON: a sorted copy of it (canonicalGraph) written. */
export function toJson(serialized: SerializedGraph, options: JsonOptions = {}): string {
  return canonicalJson(canonicalGraph(serialized), options);
}
