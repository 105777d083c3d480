/**
 * nodes.csv + edges.csv (RFC 4180: comma separated, "\n" line ends, a field is quoted when it
 * holds a comma, quote, CR or LF, quotes doubled; a missing value is an empty unquoted field).
 * Attributes are flattened as in flatten.ts; every character is kept except lone UTF-16
 * surrogates, which UTF-8 cannot encode.
 *
 * Shape "neo4j" (default), ready for `neo4j-admin database import full`:
 *   nodes: `id:ID,:LABEL,type,label,community:long,…` — :LABEL is `Paper`, `Author` or
 *          `Concept;Method` (… `Concept;Topic`), typed headers (`:long`, `:double`, `:boolean`).
 *   edges: `:START_ID,:END_ID,:TYPE,key,type,weight:double,undirected:boolean,…` — :TYPE is
 *          AUTHORED, HAS, IS_A, COAUTHOR or SIMILAR.
 * Shape "plain" (Spark GraphFrames, pandas, R): nodes `id,type,label,…`, edges `src,dst,key,
 *   type,weight,undirected,…`, untyped headers.
 * Leading columns are fixed (above); the rest follow in name order.
 */
import type { SerializedGraph } from "../graph/schema.ts";
import {
  type ColumnType,
  type FlatAttributes,
  type FlattenOptions,
  flattenGraph,
  inferColumnTypes,
} from "./flatten.ts";
import { EDGE_NUMBER_KINDS, NODE_NUMBER_KINDS } from "./number-kinds.ts";

export type CsvShape = "neo4j" | "plain";

export interface CsvOptions extends FlattenOptions {
  /** Default "neo4j". */
  shape?: CsvShape;
}

export interface CsvFiles {
  nodes: string;
  edges: string;
}

const NODE_LEAD = ["type", "label", "community", "communityLabel", "x", "y", "size", "color"];
const EDGE_LEAD = ["key", "type", "weight", "undirected"];

/** Lone UTF-16 surrogates cannot be encoded as UTF-8 (they would become U+FFFD): removed. */
const LONE_SURROGATE = /[\ud800-\udfff]/gu;

/** One CSV field, quoted when RFC 4180 requires it; lone surrogates removed. */
export function csvField(value: string): string {
  const v = value.replace(LONE_SURROGATE, "");
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

function csvLine(fields: string[]): string {
  return fields.map(csvField).join(",");
}

const NEO4J_TYPES: Record<ColumnType, string> = {
  boolean: ":boolean",
  integer: ":long",
  double: ":double",
  string: "",
};

function orderedColumns(types: Map<string, ColumnType>, lead: string[]): string[] {
  const first = lead.filter((name) => types.has(name));
  return [...first, ...[...types.keys()].filter((name) => !lead.includes(name))];
}

function header(columns: string[], types: Map<string, ColumnType>, shape: CsvShape): string[] {
  if (shape === "plain") return columns;
  return columns.map((name) => `${name}${NEO4J_TYPES[types.get(name) ?? "string"]}`);
}

function cells(attrs: FlatAttributes, columns: string[]): string[] {
  return columns.map((name) => (attrs[name] === undefined ? "" : String(attrs[name])));
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Neo4j labels for a node type: Paper, Author, or Concept;<Type>. */
export function neo4jLabels(type: string): string {
  if (type === "paper" || type === "author") return capitalise(type);
  return `Concept;${capitalise(type)}`;
}

/** Neo4j relationship type for an edge type: "is-a" → IS_A. */
export function neo4jRelType(type: string): string {
  return type.toUpperCase().replace(/[^A-Z0-9]+/g, "_");
}

/** Serialise the graph as nodes.csv and edges.csv text (see the module comment). */
export function toCsv(serialized: SerializedGraph, options: CsvOptions = {}): CsvFiles {
  const shape = options.shape ?? "neo4j";
  const flat = flattenGraph(serialized, options);
  const nodeRows = flat.nodes.map((n) => n.attributes);
  const edgeRows = flat.edges.map((e) => ({ key: e.key, ...e.attributes }));
  const nodeTypes = inferColumnTypes(nodeRows, NODE_NUMBER_KINDS);
  const edgeTypes = inferColumnTypes(edgeRows, EDGE_NUMBER_KINDS);
  const nodeCols = orderedColumns(nodeTypes, NODE_LEAD);
  const edgeCols = orderedColumns(edgeTypes, EDGE_LEAD);
  const neo4j = shape === "neo4j";

  const nodeLines = [
    csvLine([...(neo4j ? ["id:ID", ":LABEL"] : ["id"]), ...header(nodeCols, nodeTypes, shape)]),
    ...flat.nodes.map((n) => {
      const lead = neo4j ? [n.key, neo4jLabels(String(n.attributes.type))] : [n.key];
      return csvLine([...lead, ...cells(n.attributes, nodeCols)]);
    }),
  ];
  const edgeLines = [
    csvLine([
      ...(neo4j ? [":START_ID", ":END_ID", ":TYPE"] : ["src", "dst"]),
      ...header(edgeCols, edgeTypes, shape),
    ]),
    ...flat.edges.map((e, i) => {
      const lead = neo4j
        ? [e.source, e.target, neo4jRelType(String(e.attributes.type))]
        : [e.source, e.target];
      return csvLine([...lead, ...cells(edgeRows[i], edgeCols)]);
    }),
  ];
  return { nodes: `${nodeLines.join("\n")}\n`, edges: `${edgeLines.join("\n")}\n` };
}
