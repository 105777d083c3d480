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
 * - Always ends with "\n".
 */
import { edgeKey, type SerializedGraph } from "../graph/schema.ts";
import { isSerializedHere } from "../graph/serialize.ts";
import { compareStrings, sortKeysDeep } from "./stable-json.ts";

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

/** The serialised graph with nodes and edges in canonical order and keys sorted. */
export function canonicalGraph(serialized: SerializedGraph): Record<string, unknown> {
  // A graph `serialize` made in this process has its keys sorted at every depth already, and
  // its nodes and edges in order: no copy of it is needed.
  if (isSerializedHere(serialized)) return serialized;
  const sorted = {
    ...serialized,
    nodes: [...serialized.nodes].sort((a, b) => compareStrings(a.key, b.key)),
    edges: sortEdges(serialized.edges),
  };
  return sortKeysDeep(sorted) as Record<string, unknown>;
}

/**
 * The "lines" layout as a sequence of chunks (one node or edge per line), so that a graph too
 * large for one JavaScript string can still be written to a file chunk by chunk.
 */
export function* jsonLineChunks(serialized: SerializedGraph): Generator<string> {
  const canonical = canonicalGraph(serialized);
  yield "{\n  ";
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
      for (let i = 0; i < value.length; i++)
        yield `${i > 0 ? ",\n" : ""}    ${JSON.stringify(value[i])}`;
      yield "\n  ]";
    } else {
      yield `${name}: ${JSON.stringify(value)}`;
    }
  }
  yield "\n}\n";
}

/** Serialise the graph as JSON (see the module comment for order and layout). */
export function toJson(serialized: SerializedGraph, options: JsonOptions = {}): string {
  const layout = options.layout ?? "lines";
  if (layout === "pretty") return `${JSON.stringify(canonicalGraph(serialized), null, 2)}\n`;
  if (layout === "compact") return `${JSON.stringify(canonicalGraph(serialized))}\n`;
  return [...jsonLineChunks(serialized)].join("");
}
