// Canonical JSON form of the graph (sorted nodes and edges, floats rounded) and its loader.

import Graph from "graphology";
import { compareStrings as cmp } from "../common/compare.ts";
import { LITGRAPH_VERSION } from "./options.ts";
import {
  type CanonicalGraph,
  type CitedOutside,
  type CommunityCard,
  edgeKey,
  GraphFile,
  type GraphMeta,
  isEdgeKey,
  type SerializedGraph,
} from "./schema.ts";

const isIndex = (k: string) => /^(?:0|[1-9]\d*)$/.test(k) && Number(k) < 4294967295;

/**
 * Keys in canonical order, or null when Object.keys is in it already: integer-like keys first
 * in numeric order (JavaScript keeps them there whatever the insertion order), then the others
 * in code-unit order. An object built by inserting keys in this order stringifies as
 * src/export/stable-json.ts sortKeysDeep would.
 */
function sortedKeys(keys: string[]): string[] | null {
  let p = 0;
  while (p < keys.length && isIndex(keys[p])) p++;
  for (let i = p + 1; i < keys.length; i++)
    if (keys[i - 1] > keys[i]) return [...keys.slice(0, p), ...keys.slice(p).sort(cmp)];
  return null;
}

const same = (a: unknown, b: unknown) => a === b || (Number.isNaN(a) && Number.isNaN(b));

/**
 * Round every non-integer number to 4 decimals, deeply, drop undefined object values and put
 * object keys in canonical (sorted) order, so JSON.stringify of the result is canonical JSON.
 * Copy on write: an array or object that needs no change is returned as it is (shared, not
 * copied), so the mentions and breakdowns of a big graph are not duplicated.
 */
export function roundDeep<T>(value: T): T {
  return canon(value, true);
}

/** roundDeep's work; `round` false only sorts keys and drops undefined values. */
function canon<T>(value: T, round: boolean): T {
  if (typeof value === "number")
    return (!round || Number.isInteger(value) ? value : Math.round(value * 1e4) / 1e4) as T;
  if (Array.isArray(value)) {
    let out: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const v = value[i];
      const r = canon(v, round);
      if (out) out.push(r);
      else if (!same(r, v)) {
        out = value.slice(0, i);
        out.push(r);
      }
    }
    return (out ?? value) as T;
  }
  if (value && typeof value === "object") {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj);
    const order = sortedKeys(keys);
    let changed: Map<string, unknown> | null = null;
    for (const k of keys) {
      const v = obj[k];
      const r = v === undefined ? v : canon(v, round);
      if (v === undefined || !same(r, v)) {
        changed ??= new Map();
        changed.set(k, r);
      }
    }
    if (!changed && !order) return value;
    const out: Record<string, unknown> = {};
    for (const k of order ?? keys) {
      const v = changed?.has(k) ? changed.get(k) : obj[k];
      if (v !== undefined) out[k] = v;
    }
    return out as T;
  }
  return value;
}

/** What `serialize` writes: a graph (every node and edge), its community cards and its options. */
export interface GraphContent {
  readonly graph: Graph;
  readonly communities: readonly CommunityCard[];
  readonly collabCommunities: GraphMeta["collabCommunities"];
  /** The works cited most outside the set (meta.citedOutside; absent or empty: none). */
  readonly citedOutside?: readonly CitedOutside[];
  /** Recorded in meta.options (SerializeInput.options merged over them). */
  readonly options: object;
  /** True when every attribute object is canonical already (roundDeep would return it as it is). */
  readonly canonicalAttributes: boolean;
}

/** A graph read back from graph.json (loadGraph). */
export interface LoadedGraph extends GraphContent {
  readonly meta: GraphMeta;
}

export interface SerializeInput {
  inputs?: { path: string; sha256: string }[];
  /** Extra options to record (e.g. asOf), merged over the graph's resolved options. */
  options?: Record<string, unknown>;
  /** Extra counts (e.g. ingest records, rejected), merged with the graph's own. */
  counts?: Record<string, number>;
}

/** Node and edge counts by type, plus community counts. */
export function graphCounts(content: GraphContent): Record<string, number> {
  const nodes = new Map<string, number>();
  const edges = new Map<string, number>();
  content.graph.forEachNode((_, a) => tally(nodes, a.type));
  content.graph.forEachEdge((_, a) => tally(edges, a.type));
  return countsOf(content, nodes, edges);
}

const tally = (counts: Map<string, number>, type: string) =>
  counts.set(type, (counts.get(type) ?? 0) + 1);

/** graphCounts from node and edge tallies by type. */
function countsOf(
  content: GraphContent,
  nodes: Map<string, number>,
  edges: Map<string, number>,
): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [type, n] of nodes) counts[`nodes.${type}`] = n;
  for (const [type, n] of edges) counts[`edges.${type}`] = n;
  counts.nodes = content.graph.order;
  counts.edges = content.graph.size;
  counts.communities = content.communities.length;
  counts.collabCommunities = content.collabCommunities.length;
  return Object.fromEntries(Object.entries(counts).sort((a, b) => cmp(a[0], b[0])));
}

/**
 * graphology export + meta; byte-identical JSON for the same graph whatever the build order. The result is a CanonicalGraph: the JSON writer takes it as it is.
 */
export function serialize(content: GraphContent, input: SerializeInput = {}): CanonicalGraph {
  const { graph } = content;
  // Built with keys in sorted order at every level (roundDeep sorts the attributes), so that
  // src/export/json.ts can stringify a graph made here without copying it again. Read straight
  // from the graph, not through graph.export() (which copies every attribute object): an
  // attribute object already canonical is shared with the graph, so neither may be changed
  // afterwards.
  // buildGraph stores every attribute canonical already: no need to walk them again.
  const tidy = content.canonicalAttributes ? <T>(x: T) => x : roundDeep;
  // Counted on the way (graphCounts would walk the graph again: 0.1 s on 160k edges).
  const nodeTypes = new Map<string, number>();
  const edgeTypes = new Map<string, number>();
  const nodes: SerializedGraph["nodes"] = [];
  graph.forEachNode((key, attributes) => {
    tally(nodeTypes, attributes.type);
    nodes.push({
      attributes: tidy(attributes) as SerializedGraph["nodes"][number]["attributes"],
      key,
    });
  });
  nodes.sort((a, b) => cmp(a.key, b.key));
  // Edges in key order; the key itself is written only when it is not the derived one (edgeKey).
  const keyed: { key: string; edge: SerializedGraph["edges"][number] }[] = [];
  graph.forEachEdge((key, attributes, source, target, _s, _t, undirected) => {
    tally(edgeTypes, attributes.type);
    const tidied = tidy(attributes) as SerializedGraph["edges"][number]["attributes"];
    // One object shape per case, no spreads: 160k edges on 6,318 papers.
    const edge: SerializedGraph["edges"][number] = isEdgeKey(
      key,
      attributes.type,
      source,
      target,
      undirected,
    )
      ? { attributes: tidied, source, target }
      : { attributes: tidied, key, source, target };
    if (undirected) edge.undirected = true;
    keyed.push({ key, edge });
  });
  keyed.sort((a, b) => cmp(a.key, b.key));
  const edges = keyed.map((k) => k.edge);
  const meta = canon(
    {
      litgraph: LITGRAPH_VERSION,
      options: roundDeep({ ...content.options, ...input.options }),
      inputs: [...(input.inputs ?? [])].sort((a, b) => cmp(a.path, b.path)),
      counts: { ...countsOf(content, nodeTypes, edgeTypes), ...input.counts },
      communities: roundDeep(content.communities),
      collabCommunities: content.collabCommunities,
      ...(content.citedOutside?.length ? { citedOutside: content.citedOutside } : {}),
    },
    false,
  ) as GraphMeta;
  // Made here: well-typed and canonical (keys sorted at every depth, nodes and edges in order).
  return {
    attributes: {},
    edges,
    meta,
    nodes,
    options: { allowSelfLoops: false, multi: false, type: "mixed" },
  } as SerializedGraph as CanonicalGraph;
}

/** Validate a parsed graph.json (its packed reasons unpacked in place, reasons.ts) and rebuild the graph. */
export function loadGraph(json: unknown, source = "graph.json"): LoadedGraph {
  const parsed = GraphFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`graph/load: ${source}: ${issue.path.join(".")}: ${issue.message}`);
  }
  const { meta, ...rest } = parsed.data;
  const edges = rest.edges.map((e) =>
    e.key === undefined
      ? { ...e, key: edgeKey(e.attributes.type, e.source, e.target, e.undirected) }
      : e,
  );
  const data = { ...rest, edges };
  const graph = new Graph({ type: "mixed", multi: false, allowSelfLoops: false });
  try {
    graph.import({ ...data, attributes: {}, options: undefined } as never);
  } catch (err) {
    // The schema cannot see an edge to a missing node or a duplicate key; graphology can.
    throw new Error(`graph/load: ${source}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return {
    graph,
    meta,
    communities: meta.communities,
    collabCommunities: meta.collabCommunities,
    citedOutside: meta.citedOutside,
    options: meta.options,
    canonicalAttributes: false,
  };
}
