/**
 * GEXF 1.3 for Gephi, Gephi Lite (graphology-gexf) and networkx.
 *
 * Written here rather than with graphology-gexf's writer, which infers each attribute's type from
 * the values of one graph (a layout column that happens to be whole becomes "integer"), declares
 * attributes in first-seen order, writes a malformed viz namespace in 1.2 and hex colours in 1.3
 * (networkx reads only r/g/b). graphology-gexf's parser reads this output back (see the tests).
 *
 * - Node `label` → <node label>, `x`/`y` → viz:position, `size` → viz:size, `color` → viz:color
 *   r/g/b; every other attribute is a declared, typed <attvalue> (flattened as in flatten.ts).
 * - Edge `weight` → <edge weight>; `type`, `undirected` and the rest are attvalues.
 * - `edgeMode` "directed" (default): one directed graph; undirected edges (coauthor, similar) are
 *   written once, source → target as stored, with `undirected=true`. networkx cannot read mixed
 *   GEXF. "mixed": undirected edges get type="undirected" (Gephi, Gephi Lite and graphology read
 *   that; networkx refuses it).
 * - Characters XML 1.0 forbids are removed from every string; no timestamp; same input → same bytes.
 */
import type { SerializedGraph } from "../graph/schema.ts";
import {
  type ColumnType,
  type FlatAttributes,
  type FlatEdge,
  type FlatNode,
  type FlattenOptions,
  fitsInt32,
  flattenGraph,
  inferColumnTypes,
} from "./flatten.ts";
import { EDGE_NUMBER_KINDS, NODE_NUMBER_KINDS } from "./number-kinds.ts";
import { hexToRgb } from "./palette.ts";
import { escapeXmlAttr as attr, escapeXmlText as text, xmlSafeGraph } from "./xml.ts";

export type EdgeMode = "directed" | "mixed";

export interface GexfOptions extends FlattenOptions {
  /** Default "directed" (opens everywhere, networkx included). */
  edgeMode?: EdgeMode;
}

/** Node attributes written as GEXF/viz fields rather than attvalues. */
const NODE_OWN = new Set(["label", "x", "y", "size", "color"]);
const EDGE_OWN = new Set(["weight"]);

function gexfType(type: ColumnType, rows: FlatAttributes[], name: string): string {
  if (type === "integer") return fitsInt32(rows, name) ? "integer" : "long";
  return type;
}

function declare(
  cls: "node" | "edge",
  rows: FlatAttributes[],
  own: Set<string>,
  kinds: ReadonlyMap<string, "integer" | "double">,
): { lines: string[]; names: string[] } {
  const types = [...inferColumnTypes(rows, kinds)].filter(([name]) => !own.has(name));
  if (types.length === 0) return { lines: [], names: [] };
  const lines = [`    <attributes class="${cls}" mode="static">`];
  for (const [name, type] of types) {
    const t = gexfType(type, rows, name);
    lines.push(`      <attribute id="${attr(name)}" title="${attr(name)}" type="${t}"/>`);
  }
  lines.push("    </attributes>");
  return { lines, names: types.map(([name]) => name) };
}

function attvalues(attrs: FlatAttributes, names: string[], indent: string): string[] {
  const present = names.filter((name) => attrs[name] !== undefined);
  if (present.length === 0) return [];
  const lines = [`${indent}<attvalues>`];
  for (const name of present) {
    lines.push(`${indent}  <attvalue for="${attr(name)}" value="${attr(String(attrs[name]))}"/>`);
  }
  lines.push(`${indent}</attvalues>`);
  return lines;
}

function nodeLines(node: FlatNode, names: string[]): string[] {
  const a = node.attributes;
  const label = typeof a.label === "string" ? ` label="${attr(a.label)}"` : "";
  const lines = [`      <node id="${attr(node.key)}"${label}>`];
  lines.push(...attvalues(a, names, "        "));
  if (typeof a.size === "number") lines.push(`        <viz:size value="${a.size}"/>`);
  if (typeof a.x === "number" || typeof a.y === "number") {
    lines.push(`        <viz:position x="${a.x ?? 0}" y="${a.y ?? 0}"/>`);
  }
  if (typeof a.color === "string") {
    const { r, g, b } = hexToRgb(a.color);
    lines.push(`        <viz:color r="${r}" g="${g}" b="${b}"/>`);
  }
  lines.push("      </node>");
  return lines;
}

function edgeLines(edge: FlatEdge, names: string[], mode: EdgeMode): string[] {
  const w = edge.attributes.weight;
  const type = mode === "mixed" && edge.undirected ? ' type="undirected"' : "";
  const weight = typeof w === "number" ? ` weight="${w}"` : "";
  const open = `      <edge id="${attr(edge.key)}" source="${attr(edge.source)}" target="${attr(edge.target)}"${type}${weight}`;
  const values = attvalues(edge.attributes, names, "        ");
  if (values.length === 0) return [`${open}/>`];
  return [`${open}>`, ...values, "      </edge>"];
}

/** Serialise the graph as GEXF 1.3 (see the module comment). */
export function toGexf(serialized: SerializedGraph, options: GexfOptions = {}): string {
  const mode = options.edgeMode ?? "directed";
  const flat = xmlSafeGraph(flattenGraph(serialized, options), "export/gexf");
  const nodeRows = flat.nodes.map((n) => n.attributes);
  const edgeRows = flat.edges.map((e) => e.attributes);
  const nodeModel = declare("node", nodeRows, NODE_OWN, NODE_NUMBER_KINDS);
  const edgeModel = declare("edge", edgeRows, EDGE_OWN, EDGE_NUMBER_KINDS);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    "  <meta>",
    `    <creator>${text(`litgraph ${serialized.meta.litgraph}`)}</creator>`,
    "    <description>litgraph knowledge graph: papers, authors and concepts</description>",
    "  </meta>",
    '  <graph defaultedgetype="directed" mode="static">',
    ...nodeModel.lines,
    ...edgeModel.lines,
    "    <nodes>",
    ...flat.nodes.flatMap((n) => nodeLines(n, nodeModel.names)),
    "    </nodes>",
    "    <edges>",
    ...flat.edges.flatMap((e) => edgeLines(e, edgeModel.names, mode)),
    "    </edges>",
    "  </graph>",
    "</gexf>",
  ];
  return `${lines.join("\n")}\n`;
}
