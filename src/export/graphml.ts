/**
 * GraphML for networkx, yEd, Cytoscape and graphology-graphml (which has no writer of its own).
 *
 * - Every attribute is scalar (flattened as in flatten.ts) and declared once in a <key> with
 *   attr.name and attr.type (boolean, int, long, double, string); key ids are d0, d1, … in
 *   name order, node keys first.
 * - Nodes carry `label`, `x`, `y`, `size` as ordinary data and the community colour as integer
 *   `r`, `g`, `b` (the names Gephi's GraphML importer reads; graphology-graphml turns them back
 *   into `color: "#rrggbb"`).
 * - `edgeMode` as in GEXF: "directed" (default; networkx refuses mixed files) writes
 *   edgedefault="directed" and keeps `undirected=true` on coauthor/similar edges; "mixed" writes
 *   edgedefault="undirected" and marks the other edges directed="true" (graphology-graphml reads
 *   only directed="true", not directed="false").
 * - `yed`: adds yFiles ShapeNode graphics (see GraphMLOptions.yed).
 * - Characters XML 1.0 forbids are removed from every string; same input → same bytes.
 */
import type { SerializedGraph } from "../graph/schema.ts";
import {
  type ColumnType,
  type FlatAttributes,
  type FlattenOptions,
  fitsInt32,
  flattenGraph,
  inferColumnTypes,
} from "./flatten.ts";
import type { EdgeMode } from "./gexf.ts";
import { EDGE_NUMBER_KINDS, NODE_NUMBER_KINDS } from "./number-kinds.ts";
import { hexToRgb } from "./palette.ts";
import { escapeXmlAttr as attr, escapeXmlText as text, xmlSafeGraph } from "./xml.ts";

export interface GraphMLOptions extends FlattenOptions {
  /** Default "directed" (opens everywhere, networkx included). */
  edgeMode?: EdgeMode;
  /**
   * Default false. Also write yFiles node graphics (position, size, community colour, label) so
   * yEd shows the layout at once. Other readers see an extra key: networkx then takes x, y and
   * label from the graphics (as strings), graphology-graphml adds a "null" attribute.
   */
  yed?: boolean;
}

interface Key {
  id: string;
  name: string;
  type: string;
}

function graphmlType(type: ColumnType, rows: FlatAttributes[], name: string): string {
  if (type === "integer") return fitsInt32(rows, name) ? "int" : "long";
  return type;
}

/** Replace the "#rrggbb" `color` with integer r, g, b. */
function withRgb(attrs: FlatAttributes): FlatAttributes {
  if (typeof attrs.color !== "string") return attrs;
  const { color, ...rest } = attrs;
  return { ...rest, ...hexToRgb(color) };
}

function declareKeys(
  rows: FlatAttributes[],
  kinds: ReadonlyMap<string, "integer" | "double">,
  firstId: number,
): Map<string, Key> {
  const keys = new Map<string, Key>();
  let n = firstId;
  for (const [name, type] of inferColumnTypes(rows, kinds)) {
    keys.set(name, { id: `d${n++}`, name, type: graphmlType(type, rows, name) });
  }
  return keys;
}

function keyLines(keys: Map<string, Key>, forWhat: string): string[] {
  return [...keys.values()].map(
    (k) =>
      `  <key id="${k.id}" for="${forWhat}" attr.name="${attr(k.name)}" attr.type="${k.type}"/>`,
  );
}

function dataLines(attrs: FlatAttributes, keys: Map<string, Key>): string[] {
  const lines: string[] = [];
  for (const [name, key] of keys) {
    const value = attrs[name];
    if (value === undefined) continue;
    lines.push(`      <data key="${key.id}">${text(String(value))}</data>`);
  }
  return lines;
}

/** yFiles ShapeNode for yEd: a circle of diameter 2·size centred on (x, −y) (yEd's y points down). */
function yedLines(attrs: FlatAttributes, keyId: string): string[] {
  const num = (v: unknown) => (typeof v === "number" ? v : 0);
  const round = (v: number) => Math.round(v * 1e4) / 1e4 || 0;
  const d = round(Math.max(2 * num(attrs.size), 1));
  const x = round(num(attrs.x) - d / 2);
  const y = round(-num(attrs.y) - d / 2);
  const fill = typeof attrs.color === "string" ? attrs.color.toUpperCase() : "#9E9E9E";
  const label = typeof attrs.label === "string" ? attrs.label : "";
  return [
    `      <data key="${keyId}">`,
    "        <y:ShapeNode>",
    `          <y:Geometry x="${x}" y="${y}" width="${d}" height="${d}"/>`,
    `          <y:Fill color="${fill}" transparent="false"/>`,
    `          <y:NodeLabel>${text(label)}</y:NodeLabel>`,
    '          <y:Shape type="ellipse"/>',
    "        </y:ShapeNode>",
    "      </data>",
  ];
}

function element(open: string, close: string, body: string[]): string[] {
  if (body.length === 0) return [`${open.slice(0, -1)}/>`];
  return [open, ...body, close];
}

/** Serialise the graph as GraphML (see the module comment). */
export function toGraphML(serialized: SerializedGraph, options: GraphMLOptions = {}): string {
  const mode = options.edgeMode ?? "directed";
  const flat = xmlSafeGraph(flattenGraph(serialized, options), "export/graphml");
  const nodeRows = flat.nodes.map((n) => withRgb(n.attributes));
  const edgeRows = flat.edges.map((e) => e.attributes);
  const nodeKeys = declareKeys(nodeRows, NODE_NUMBER_KINDS, 0);
  const edgeKeys = declareKeys(edgeRows, EDGE_NUMBER_KINDS, nodeKeys.size);
  const graphKey = `d${nodeKeys.size + edgeKeys.size}`;
  const yedKey = `d${nodeKeys.size + edgeKeys.size + 1}`;
  const yNs = options.yed ? ' xmlns:y="http://www.yworks.com/xml/graphml"' : "";
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<graphml xmlns="http://graphml.graphdrawing.org/xmlns"${yNs} xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">`,
    ...keyLines(nodeKeys, "node"),
    ...keyLines(edgeKeys, "edge"),
    `  <key id="${graphKey}" for="graph" attr.name="creator" attr.type="string"/>`,
    ...(options.yed ? [`  <key id="${yedKey}" for="node" yfiles.type="nodegraphics"/>`] : []),
    `  <graph id="litgraph" edgedefault="${mode === "mixed" ? "undirected" : "directed"}">`,
    `    <data key="${graphKey}">${text(`litgraph ${serialized.meta.litgraph}`)}</data>`,
  ];
  flat.nodes.forEach((node, i) => {
    const open = `    <node id="${attr(node.key)}">`;
    const body = dataLines(nodeRows[i], nodeKeys);
    if (options.yed) body.push(...yedLines(node.attributes, yedKey));
    lines.push(...element(open, "    </node>", body));
  });
  for (const edge of flat.edges) {
    const directed = mode === "mixed" && !edge.undirected ? ' directed="true"' : "";
    const open = `    <edge id="${attr(edge.key)}" source="${attr(edge.source)}" target="${attr(edge.target)}"${directed}>`;
    lines.push(...element(open, "    </edge>", dataLines(edge.attributes, edgeKeys)));
  }
  lines.push("  </graph>", "</graphml>");
  return `${lines.join("\n")}\n`;
}
