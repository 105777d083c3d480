// Fetches graph.json and validates it against the graph contract, with messages a person can act on.
import { unpackReasons } from "../../src/graph/reasons.ts";
import { EdgeAttributes, NodeType, SerializedGraph } from "../../src/graph/schema.ts";
import type { Steps } from "./idle.ts";

export class GraphLoadError extends Error {
  constructor(
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
  }
}

type Issue = { path: PropertyKey[]; message: string };

function describeIssues(error: { issues: Issue[] }, max = 6): string[] {
  const lines = error.issues.slice(0, max).map((i) => {
    const path = i.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("");
    return `${path.replace(/^\./, "") || "(root)"}: ${i.message}`;
  });
  if (error.issues.length > max) lines.push(`… and ${error.issues.length - max} more problems`);
  return lines;
}

/** Every edge's ends among the node keys (and no key twice); problems as display lines. */
function endsProblems(data: SerializedGraph): string[] {
  const keys = new Set<string>();
  const out: string[] = [];
  for (const n of data.nodes) {
    if (keys.has(n.key) && out.length < 6) out.push(`nodes: the key ${n.key} appears twice`);
    keys.add(n.key);
  }
  for (let i = 0; i < data.edges.length && out.length < 6; i++) {
    const e = data.edges[i];
    if (!keys.has(e.source) || !keys.has(e.target))
      out.push(`edges[${i}]: ${e.source} → ${e.target}`);
  }
  return out;
}

const isNum = (v: unknown) => typeof v === "number" && Number.isFinite(v);
const isInt = (v: unknown) => Number.isInteger(v);
const isStr = (v: unknown) => typeof v === "string";
const isIntOrNull = (v: unknown) => v === null || Number.isInteger(v);
type Check = (v: unknown) => boolean;
const checkName = new Map<Check, string>([
  [isNum, "a number"],
  [isInt, "an integer"],
  [isStr, "a string"],
  [isIntOrNull, "an integer or null"],
]);

/**
 * The node fields the views draw (views.ts, renderer.ts), by node type; each is a field of the
 * schema's node type of the same kind (test/web-fast-load.test.ts holds them to the schema).
 */
export const DRAWN_FIELDS: Record<"all" | "paper" | "author", Record<string, Check>> = {
  all: { label: isStr, x: isNum, y: isNum, size: isNum, community: isInt },
  paper: { title: isStr, year: isIntOrNull, mapX: isNum, mapY: isNum },
  author: { collabX: isNum, collabY: isNum, collabCommunity: isInt },
};
const NODE_TYPES = new Set<string>(NodeType.options);
const EDGE_TYPES = new Set<string>(EdgeAttributes.options.map((o) => o.shape.type.value));
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Problems with what the first frame reads (at most `max`), as display lines. */
function drawnProblems(data: Record<string, unknown>, max = 6): string[] {
  const out: string[] = [];
  const { nodes, edges } = data;
  if (!Array.isArray(nodes)) out.push("nodes: expected an array");
  if (!Array.isArray(edges)) out.push("edges: expected an array");
  const options = SerializedGraph.shape.options.safeParse(data.options);
  if (!options.success) out.push(...describeIssues(options.error).map((l) => `options.${l}`));
  const meta = SerializedGraph.shape.meta.safeParse(data.meta);
  if (!meta.success) out.push(...describeIssues(meta.error).map((l) => `meta.${l}`));
  if (out.length) return out.slice(0, max);
  const keys = new Set<string>();
  for (let i = 0; i < (nodes as unknown[]).length && out.length < max; i++) {
    const n = (nodes as unknown[])[i];
    if (!isObject(n) || !isStr(n.key) || !isObject(n.attributes)) {
      out.push(`nodes[${i}]: expected {key: string, attributes: object}`);
      continue;
    }
    const key = n.key as string;
    if (keys.has(key)) out.push(`nodes[${i}]: the key ${key} appears twice`);
    keys.add(key);
    const a = n.attributes;
    if (!isStr(a.type) || !NODE_TYPES.has(a.type as string)) {
      out.push(`nodes[${i}].attributes.type: expected one of ${NodeType.options.join(", ")}`);
      continue;
    }
    const own = a.type === "paper" || a.type === "author" ? DRAWN_FIELDS[a.type] : {};
    for (const fields of [DRAWN_FIELDS.all, own])
      for (const f in fields)
        if (!fields[f](a[f]))
          out.push(`nodes[${i}].attributes.${f}: expected ${checkName.get(fields[f])}`);
  }
  for (let i = 0; i < (edges as unknown[]).length && out.length < max; i++) {
    const e = (edges as unknown[])[i];
    if (!isObject(e) || !isObject(e.attributes)) {
      out.push(`edges[${i}]: expected {source, target, attributes: object}`);
      continue;
    }
    if (!isStr(e.source) || !isStr(e.target))
      out.push(`edges[${i}]: expected string source and target`);
    else if (!EDGE_TYPES.has(e.attributes.type as string))
      out.push(`edges[${i}].attributes.type: expected one of ${[...EDGE_TYPES].join(", ")}`);
    else if (!isNum(e.attributes.weight))
      out.push(`edges[${i}].attributes.weight: expected a number`);
  }
  return out.slice(0, max);
}

/**
 * The cheap check before the first frame (plain loops: the page runs it cold, where zod over
 * every node and edge costs as much as drawing): options, meta, the node fields the views draw,
 * unique node keys, edge types and weights (views draw only edges between their own nodes).
 * Throws GraphLoadError; run validationSteps afterwards for edge ends and the rest of the schema.
 */
export function checkGraph(data: unknown, source: string): SerializedGraph {
  const problems = isObject(data) ? drawnProblems(data) : ["(root): expected an object"];
  if (problems.length)
    throw new GraphLoadError(`web/load: ${source} is not a litgraph graph`, problems);
  return data as SerializedGraph;
}

/**
 * The full check of a graph checkGraph passed (validateGraph's: the schema, then edge ends), in
 * slices of `chunk` nodes or edges, without building a parsed copy. Throws GraphLoadError.
 */
export function* validationSteps(data: SerializedGraph, source: string, chunk = 1500): Steps<void> {
  const issues: Issue[] = [];
  const top = SerializedGraph.omit({ nodes: true, edges: true }).safeParse(data);
  if (!top.success) issues.push(...top.error.issues);
  const parts = [
    { name: "nodes", items: data.nodes, schema: SerializedGraph.shape.nodes.element },
    { name: "edges", items: data.edges, schema: SerializedGraph.shape.edges.element },
  ] as const;
  for (const { name, items, schema } of parts)
    for (let i = 0; i < items.length && issues.length <= 6; i++) {
      const r = schema.safeParse(items[i]);
      if (!r.success)
        issues.push(...r.error.issues.map((x) => ({ ...x, path: [name, i, ...x.path] })));
      if (i % chunk === chunk - 1) yield;
    }
  if (issues.length)
    throw new GraphLoadError(
      `web/load: ${source} is not a litgraph graph`,
      describeIssues({ issues }),
    );
  yield;
  const ends = endsProblems(data);
  if (ends.length)
    throw new GraphLoadError(`web/load: ${source} has edges to nodes it does not contain`, ends);
}

/** Validates parsed JSON; also checks every edge's ends exist. Throws GraphLoadError. */
export function validateGraph(data: unknown, source: string): SerializedGraph {
  const parsed = SerializedGraph.safeParse(data);
  if (!parsed.success)
    throw new GraphLoadError(
      `web/load: ${source} is not a litgraph graph`,
      describeIssues(parsed.error),
    );
  const ends = endsProblems(parsed.data);
  if (ends.length)
    throw new GraphLoadError(`web/load: ${source} has edges to nodes it does not contain`, ends);
  return parsed.data;
}

/** graph.json parsed, its packed reasons made ShareItems (src/graph/reasons.ts). */
function parseJson(text: string, source: string): unknown {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new GraphLoadError(`web/load: ${source} is not valid JSON`, [
      err instanceof Error ? err.message : String(err),
    ]);
  }
  return unpackReasons(json);
}

/** Parses text as JSON then validates it. */
export function parseGraphText(text: string, source: string): SerializedGraph {
  return validateGraph(parseJson(text, source), source);
}

/** The graph URL: ?graph=… when it stays on this origin, else graph.json beside the page. */
export function graphUrl(location: { href: string; search: string; origin: string }): string {
  const wanted = new URLSearchParams(location.search).get("graph");
  if (wanted) {
    try {
      const u = new URL(wanted, location.href);
      if (u.origin === location.origin) return u.href;
    } catch {
      // fall through to the default
    }
  }
  return new URL("graph.json", location.href).href;
}

/** Fetches and fully validates the graph at `url`. Throws GraphLoadError. */
export async function loadGraph(
  url: string,
  fetcher: typeof fetch = fetch,
): Promise<SerializedGraph> {
  const { name, text } = await fetchGraphText(url, fetcher);
  return parseGraphText(text, name);
}

/**
 * Fetches the graph at `url` with only the cheap check (checkGraph): the page shows it at once
 * and runs validationSteps when idle. Throws GraphLoadError.
 */
export async function loadGraphFast(
  url: string,
  fetcher: typeof fetch = fetch,
): Promise<{ name: string; data: SerializedGraph }> {
  const { name, text } = await fetchGraphText(url, fetcher);
  return { name, data: checkGraph(parseJson(text, name), name) };
}

async function fetchGraphText(
  url: string,
  fetcher: typeof fetch,
): Promise<{ name: string; text: string }> {
  const name = decodeURIComponent(new URL(url).pathname.split("/").pop() || url);
  let res: Response;
  try {
    res = await fetcher(url);
  } catch (err) {
    throw new GraphLoadError(`web/load: could not fetch ${name}`, [
      err instanceof Error ? err.message : String(err),
    ]);
  }
  if (!res.ok)
    throw new GraphLoadError(
      res.status === 404
        ? `web/load: ${name} was not found beside this page`
        : `web/load: ${name} could not be loaded (HTTP ${res.status})`,
      [
        "Build one with `npx litgraph site [paths…] -o DIR`, or run `npx litgraph serve`,",
        "or open or drop a bibliography file (BibTeX, RIS, CSL-JSON, …) on this page.",
      ],
    );
  return { name, text: await res.text() };
}
