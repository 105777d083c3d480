/**
 * Scalar views of nodes and edges for formats whose attributes are scalar (GEXF, GraphML, CSV).
 *
 * Rules (the same for every format, so a reader can rely on them):
 * - null, undefined, "" and empty arrays are left out (the formats have no null);
 * - numbers and booleans stay as they are;
 * - arrays of strings/numbers are joined with `listSeparator` (default "; ");
 * - any other array or object (has.mentions, similar.breakdown) becomes JSON with sorted keys.
 * Derived, for readers of the file: node `color` ("#rrggbb" by community, unless the node
 * already has a "#rrggbb" colour of its own), `communityLabel`
 * and `collabCommunityLabel` (from meta), and edge `undirected` (true for coauthor/similar).
 * Nodes are sorted by key, edges by key (an edge without one gets the derived key, edgeKey).
 */

import { compareStrings } from "../common/compare.ts";
import { edgeKey, type GraphMeta, type SerializedGraph } from "../graph/schema.ts";
import { communityColor } from "./palette.ts";
import { stableStringify } from "./stable-json.ts";

export type Scalar = string | number | boolean;
export type FlatAttributes = Record<string, Scalar>;

export interface FlatNode {
  key: string;
  attributes: FlatAttributes;
}

export interface FlatEdge {
  key: string;
  source: string;
  target: string;
  undirected: boolean;
  attributes: FlatAttributes;
}

export interface FlatGraph {
  nodes: FlatNode[];
  edges: FlatEdge[];
}

export interface FlattenOptions {
  /** Joins arrays of strings/numbers. Default "; ". */
  listSeparator?: string;
}

/** A scalar for one attribute value, or undefined when it is to be left out. */
export function flattenValue(value: unknown, listSeparator = "; "): Scalar | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (Array.isArray(value)) {
    if (value.length === 0) return undefined;
    if (value.every((v) => typeof v === "string" || typeof v === "number")) {
      return value.join(listSeparator);
    }
  }
  return stableStringify(value);
}

function flattenRecord(attrs: Record<string, unknown>, sep: string): FlatAttributes {
  const out: FlatAttributes = {};
  for (const key of Object.keys(attrs).sort(compareStrings)) {
    const v = flattenValue(attrs[key], sep);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

function labelIndex(items: { id: number; label: string }[]): Map<number, string> {
  return new Map(items.map((c) => [c.id, c.label]));
}

function withDerivedNodeFields(
  flat: FlatAttributes,
  communities: Map<number, string>,
  collab: Map<number, string>,
): FlatAttributes {
  const out: FlatAttributes = { ...flat };
  const community = typeof flat.community === "number" ? flat.community : -1;
  const own = typeof flat.color === "string" && /^#[0-9a-f]{6}$/i.test(flat.color);
  out.color = own ? String(flat.color).toLowerCase() : communityColor(community);
  const label = communities.get(community);
  if (label) out.communityLabel = label;
  if (typeof flat.collabCommunity === "number") {
    const collabLabel = collab.get(flat.collabCommunity);
    if (collabLabel) out.collabCommunityLabel = collabLabel;
  }
  return out;
}

function edgeOrder(a: FlatEdge, b: FlatEdge): number {
  return (
    compareStrings(a.key, b.key) ||
    compareStrings(a.source, b.source) ||
    compareStrings(a.target, b.target) ||
    compareStrings(String(a.attributes.type ?? ""), String(b.attributes.type ?? ""))
  );
}

function metaLabels(meta: GraphMeta | undefined): [Map<number, string>, Map<number, string>] {
  return [labelIndex(meta?.communities ?? []), labelIndex(meta?.collabCommunities ?? [])];
}

/** Flatten and sort a serialised graph (see the module comment for the rules). */
export function flattenGraph(serialized: SerializedGraph, options: FlattenOptions = {}): FlatGraph {
  const sep = options.listSeparator ?? "; ";
  const [communities, collab] = metaLabels(serialized.meta);
  const graphUndirected = serialized.options.type === "undirected";
  const nodes = serialized.nodes
    .map((n) => ({
      key: n.key,
      attributes: withDerivedNodeFields(
        flattenRecord(n.attributes as Record<string, unknown>, sep),
        communities,
        collab,
      ),
    }))
    .sort((a, b) => compareStrings(a.key, b.key));
  const edges = serialized.edges.map((e) => {
    const undirected = graphUndirected || e.undirected === true;
    const attributes = flattenRecord(e.attributes as Record<string, unknown>, sep);
    attributes.undirected = undirected;
    const key = e.key ?? edgeKey(e.attributes.type, e.source, e.target, undirected);
    return { key, source: e.source, target: e.target, undirected, attributes };
  });
  edges.sort(edgeOrder);
  return { nodes, edges };
}

export type ColumnType = "boolean" | "integer" | "double" | "string";

/**
 * One type per attribute name over all rows: boolean if every value is boolean, integer if every
 * value is an integer, double if every value is a number, string otherwise. `numberKinds` (from
 * the schema, see number-kinds.ts) turns an all-integer column the schema calls real into double.
 * Names sorted.
 */
export function inferColumnTypes(
  rows: FlatAttributes[],
  numberKinds: ReadonlyMap<string, "integer" | "double"> = new Map(),
): Map<string, ColumnType> {
  const types = new Map<string, ColumnType>();
  for (const row of rows) {
    for (const [name, value] of Object.entries(row)) {
      types.set(name, mergeType(types.get(name), scalarType(value)));
    }
  }
  for (const [name, type] of types) {
    if (type === "integer" && numberKinds.get(name) === "double") types.set(name, "double");
  }
  return new Map([...types.entries()].sort((a, b) => compareStrings(a[0], b[0])));
}

function scalarType(value: Scalar): ColumnType {
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "double";
  return "string";
}

function mergeType(a: ColumnType | undefined, b: ColumnType): ColumnType {
  if (a === undefined || a === b) return b;
  const numeric = (t: ColumnType) => t === "integer" || t === "double";
  if (numeric(a) && numeric(b)) return "double";
  return "string";
}

/** Whether every integer value of a column fits 32 bits (GraphML "int", GEXF "integer"). */
export function fitsInt32(rows: FlatAttributes[], name: string): boolean {
  return rows.every((r) => {
    const v = r[name];
    return typeof v !== "number" || (v <= 0x7fffffff && v >= -0x80000000);
  });
}
