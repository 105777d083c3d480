/**
 * graph.json: graphology's `graph.export()` plus `meta`, byte-stable.
 *
 * - Object keys are sorted at every depth (code-unit order); arrays keep their order except
 *   `nodes` (sorted by key) and `edges` (sorted by key, then source, target, type), the order
 *   src/graph/serialize.ts already gives.
 * - Layout "lines" (default): the top-level object with one node or edge per line, so a diff
 *   of two builds names the nodes and edges that changed while the file stays compact.
 *   "pretty": 2-space indent everywhere. "compact": one line.
 * - Always ends with "\n".
 */
import type { SerializedGraph } from "../graph/schema.ts";
import { isSerializedHere } from "../graph/serialize.ts";
import { compareStrings, sortKeysDeep } from "./stable-json.ts";

export type JsonLayout = "lines" | "pretty" | "compact";

export interface JsonOptions {
  /** Default "lines". */
  layout?: JsonLayout;
}

type Edge = SerializedGraph["edges"][number];

function edgeOrder(a: Edge, b: Edge): number {
  return (
    compareStrings(a.key ?? "", b.key ?? "") ||
    compareStrings(a.source, b.source) ||
    compareStrings(a.target, b.target) ||
    compareStrings(a.attributes.type, b.attributes.type)
  );
}

/** The serialised graph with nodes and edges in canonical order and keys sorted. */
export function canonicalGraph(serialized: SerializedGraph): Record<string, unknown> {
  const sorted = {
    ...serialized,
    nodes: [...serialized.nodes].sort((a, b) => compareStrings(a.key, b.key)),
    edges: [...serialized.edges].sort(edgeOrder),
  };
  // A graph `serialize` made in this process has its keys sorted at every depth already (and
  // its nodes and edges in order): no deep copy of it is needed.
  return isSerializedHere(serialized) ? sorted : (sortKeysDeep(sorted) as Record<string, unknown>);
}

function linesLayout(canonical: Record<string, unknown>): string {
  const parts = Object.entries(canonical).map(([key, value]) => {
    const name = JSON.stringify(key);
    if (Array.isArray(value) && (key === "nodes" || key === "edges")) {
      if (value.length === 0) return `${name}: []`;
      const items = value.map((item) => `    ${JSON.stringify(item)}`).join(",\n");
      return `${name}: [\n${items}\n  ]`;
    }
    return `${name}: ${JSON.stringify(value)}`;
  });
  return `{\n  ${parts.join(",\n  ")}\n}`;
}

/** Serialise the graph as JSON (see the module comment for order and layout). */
export function toJson(serialized: SerializedGraph, options: JsonOptions = {}): string {
  const canonical = canonicalGraph(serialized);
  const layout = options.layout ?? "lines";
  if (layout === "pretty") return `${JSON.stringify(canonical, null, 2)}\n`;
  if (layout === "compact") return `${JSON.stringify(canonical)}\n`;
  return `${linesLayout(canonical)}\n`;
}
