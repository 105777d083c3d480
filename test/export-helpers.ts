// Shared by the export tests: the hand-made fixture and the expected flat view after a round trip.
import { readFileSync } from "node:fs";
import Graph from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { parse as parseGraphml } from "graphology-graphml";
import { expect } from "vitest";
import {
  cleanXmlText,
  type EdgeMode,
  flattenGraph,
  toGexf,
  toGraphML,
} from "../src/export/pure.ts";
import { SerializedGraph } from "../src/graph/schema.ts";

export function loadFixture(): SerializedGraph {
  const raw = JSON.parse(
    readFileSync(new URL("./fixtures/export/small-graph.json", import.meta.url), "utf8"),
  );
  const parsed = SerializedGraph.safeParse(raw);
  if (!parsed.success) throw new Error(`fixture invalid: ${parsed.error.message}`);
  return raw as SerializedGraph;
}

export type Attrs = Record<string, unknown>;

/** Expected node/edge attributes after an XML round trip: flattened, XML-invalid chars removed. */
export function expectedXml(serialized: SerializedGraph): {
  nodes: Map<string, Attrs>;
  edges: Map<string, { source: string; target: string; undirected: boolean; attributes: Attrs }>;
} {
  const flat = flattenGraph(serialized);
  const clean = (a: Attrs): Attrs =>
    Object.fromEntries(
      Object.entries(a)
        .map(([k, v]) => [k, typeof v === "string" ? cleanXmlText(v) : v] as const)
        .filter(([, v]) => v !== ""),
    );
  return {
    nodes: new Map(flat.nodes.map((n) => [cleanXmlText(n.key), clean(n.attributes)])),
    edges: new Map(
      flat.edges.map((e) => [
        cleanXmlText(e.key),
        {
          source: cleanXmlText(e.source),
          target: cleanXmlText(e.target),
          undirected: e.undirected,
          attributes: clean(e.attributes),
        },
      ]),
    ),
  };
}

/** "rgb(31,119,180)" or "#1f77b4" → "#1f77b4". */
export function normaliseColor(color: unknown): unknown {
  if (typeof color !== "string") return color;
  const m = /^rgba?\((\d+),(\d+),(\d+)/.exec(color.replace(/\s/g, ""));
  if (!m) return color.toLowerCase();
  return `#${[m[1], m[2], m[3]].map((c) => Number(c).toString(16).padStart(2, "0")).join("")}`;
}

/** Deterministic shuffle (reverse + rotate) of nodes, edges and attribute key order. */
export function scrambled(serialized: SerializedGraph): SerializedGraph {
  const reverseKeys = <T extends object>(o: T): T =>
    Object.fromEntries(Object.entries(o).reverse()) as T;
  const rotate = <T>(xs: T[]): T[] => [...xs.slice(3), ...xs.slice(0, 3)].reverse();
  return {
    ...serialized,
    nodes: rotate(serialized.nodes).map((n) => ({
      key: n.key,
      attributes: reverseKeys(n.attributes),
    })),
    edges: rotate(serialized.edges).map((e) =>
      reverseKeys({ ...e, attributes: reverseKeys(e.attributes) }),
    ),
    meta: reverseKeys(serialized.meta),
  };
}

/** The two XML formats with their writer and graphology's own parser. */
export const XML_FORMATS = [
  {
    name: "gexf",
    write: (g: SerializedGraph, edgeMode?: EdgeMode) => toGexf(g, { edgeMode }),
    read: (s: string) => parseGexf(Graph, s),
  },
  {
    name: "graphml",
    write: (g: SerializedGraph, edgeMode?: EdgeMode) => toGraphML(g, { edgeMode }),
    read: (s: string) => parseGraphml(Graph, s),
  },
];

/** Check a parsed graph against the expected flat view; returns nothing, asserts everything. */
export function expectRoundTrip(parsed: Graph, source: SerializedGraph, edgeMode: EdgeMode): void {
  const expected = expectedXml(source);
  expect(parsed.order).toBe(expected.nodes.size);
  expect(parsed.size).toBe(expected.edges.size);
  for (const [key, attrs] of expected.nodes) {
    expect(parsed.hasNode(key), key).toBe(true);
    const got: Record<string, unknown> = { ...parsed.getNodeAttributes(key) };
    got.color = normaliseColor(got.color);
    expect(got, key).toEqual(attrs);
  }
  for (const [key, edge] of expected.edges) {
    expect(parsed.hasEdge(key), key).toBe(true);
    expect(parsed.source(key), key).toBe(edge.source);
    expect(parsed.target(key), key).toBe(edge.target);
    expect(parsed.isUndirected(key), key).toBe(edgeMode === "mixed" && edge.undirected);
    expect({ ...parsed.getEdgeAttributes(key) }, key).toEqual(edge.attributes);
  }
}
