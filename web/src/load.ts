// Fetches graph.json and validates it against the graph contract, with messages a person can act on.
import type { z } from "zod";
import { SerializedGraph } from "../../src/graph/schema.ts";

export class GraphLoadError extends Error {
  constructor(
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
  }
}

function describeIssues(error: z.ZodError, max = 6): string[] {
  const lines = error.issues.slice(0, max).map((i) => {
    const path = i.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("");
    return `${path.replace(/^\./, "") || "(root)"}: ${i.message}`;
  });
  if (error.issues.length > max) lines.push(`… and ${error.issues.length - max} more problems`);
  return lines;
}

/** Validates parsed JSON; also checks every edge's ends exist. Throws GraphLoadError. */
export function validateGraph(data: unknown, source: string): SerializedGraph {
  const parsed = SerializedGraph.safeParse(data);
  if (!parsed.success)
    throw new GraphLoadError(
      `web/load: ${source} is not a litgraph graph`,
      describeIssues(parsed.error),
    );
  const keys = new Set(parsed.data.nodes.map((n) => n.key));
  const missing = parsed.data.edges
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => !keys.has(e.source) || !keys.has(e.target));
  if (missing.length)
    throw new GraphLoadError(
      `web/load: ${source} has edges to nodes it does not contain`,
      missing.slice(0, 6).map(({ e, i }) => `edges[${i}]: ${e.source} → ${e.target}`),
    );
  return parsed.data;
}

/** Parses text as JSON then validates it. */
export function parseGraphText(text: string, source: string): SerializedGraph {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new GraphLoadError(`web/load: ${source} is not valid JSON`, [
      err instanceof Error ? err.message : String(err),
    ]);
  }
  return validateGraph(data, source);
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

export async function loadGraph(
  url: string,
  fetcher: typeof fetch = fetch,
): Promise<SerializedGraph> {
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
  return parseGraphText(await res.text(), name);
}
