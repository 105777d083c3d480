// litgraph serve / site: the web view of a graph, served locally or written as a static site.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { escapeForTerminal } from "../../common/terminal.ts";
import type { SerializedGraph } from "../../graph/schema.ts";
import { appDir, cacheDir, pruneCache, writeSite } from "../../server/site.ts";
import { createStaticServer, listen } from "../../server/static.ts";
import {
  COMMON_OPTIONS,
  parse,
  parseAsOf,
  parseMaxInputMb,
  RUN_OPTIONS,
  UsageError,
} from "../args.ts";
import { AUTHOR_OPTIONS, authorOptions } from "../authors-options.ts";
import { defaultInputs } from "../inputs.ts";
import { logLines, prepareOutputFolder } from "../output.ts";

const SITE_OPTIONS = {
  ...COMMON_OPTIONS,
  ...AUTHOR_OPTIONS,
  resolution: { type: "string" },
  graph: { type: "string" },
  ...RUN_OPTIONS,
} as const;

const SERVE_OPTIONS = {
  ...SITE_OPTIONS,
  port: { type: "string" },
  host: { type: "string" },
} as const;

const SERVE_HELP = `Usage: litgraph serve [paths…] [--port N] [--host H] [--graph graph.json]
Builds the graph of the inputs (default: seeds/) and serves it with the web view on http://127.0.0.1:PORT/ until interrupted. --port defaults to 4173 (the next free port is
taken when busy; 0 picks any). --host 0.0.0.0 exposes it to the network.
`;
const SITE_HELP = `Usage: litgraph site [paths…] -o DIR [--graph graph.json]
Writes the web view and the graph of the inputs into DIR: a static site for any file host.
Like build, it reads and fills the extraction cache (--cache-dir DIR, default .litgraph-cache;
--no-cache) and takes --threads N.
`;

type Values = { [k: string]: string | boolean | string[] | undefined };

/** The graph to show: --graph FILE, or the pipeline on the inputs. */
async function graphFor(
  values: Values,
  positionals: string[],
  log: (s: string) => void,
): Promise<SerializedGraph> {
  if (typeof values.graph === "string") {
    if (values.authors !== undefined || values["max-coauthors"] !== undefined)
      throw new UsageError("--authors and --max-coauthors shape a build: not with --graph");
    const { GraphFile } = await import("../../graph/schema.ts");
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(values.graph, "utf8"));
    } catch (err) {
      throw new Error(
        `cannot read --graph ${values.graph}: ${err instanceof Error ? err.message : err}`,
      );
    }
    const parsed = GraphFile.safeParse(data);
    if (!parsed.success)
      throw new Error(
        `--graph ${values.graph} is not a litgraph graph: ${parsed.error.issues[0]?.message}`,
      );
    return parsed.data;
  }
  // Loaded only here: serving a built graph.json starts without the readers and extraction.
  const [{ runPipeline }, { parseResolution, runOptions }, { loadOntologies, summaryLine }] =
    await Promise.all([import("../../pipeline.ts"), import("./build.ts"), import("./extract.ts")]);
  const asOf = parseAsOf(values["as-of"] as string | undefined);
  const resolution = parseResolution(values.resolution as string | undefined);
  const ontologies = loadOntologies(values.ontology as string[] | undefined);
  const paths = positionals.length ? positionals : defaultInputs();
  const maxInputMb = parseMaxInputMb(values["max-input-mb"] as string | undefined);
  const { serialized, ingest } = await runPipeline(paths, {
    asOf,
    resolution,
    ontologies,
    maxInputMb,
    graph: {
      authors: authorOptions(values as { authors?: string; "max-coauthors"?: string }),
    },
    // The same cache and threads as `build`: a site of a corpus built before extracts nothing.
    ...runOptions(values as { threads?: string; "no-cache"?: boolean; "cache-dir"?: string }),
  });
  log(summaryLine(ingest.summary));
  return serialized;
}

const log = (line: string) => logLines(line);

export function parsePort(value: string | undefined): number {
  if (value === undefined) return 4173;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65_535)
    throw new UsageError(`--port wants 0..65535, got '${value}'`);
  return n;
}

export async function serveCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, SERVE_OPTIONS);
  if (values.help) {
    process.stdout.write(SERVE_HELP);
    return 0;
  }
  const port = parsePort(values.port);
  const host = values.host ?? "127.0.0.1";
  const app = appDir();
  const graph = await graphFor(values, positionals, log);
  const text = JSON.stringify(graph);
  const cache = cacheDir();
  const dir = join(cache, `serve-${createHash("sha256").update(text).digest("hex").slice(0, 16)}`);
  writeSite(dir, app, graph);
  pruneCache(cache, "serve", 5);
  const server = createStaticServer({ root: dir });
  const bound = await listen(server, port, host, port === 0 ? 1 : 20);
  const shownHost = host.includes(":") ? `[${host}]` : host;
  const c = graph.meta.counts;
  log(`graph: ${c.nodes ?? graph.nodes.length} nodes (${c["nodes.paper"] ?? 0} papers)`);
  if (host !== "127.0.0.1" && host !== "localhost" && host !== "::1")
    log(`warning: serving on ${host}, reachable from other machines`);
  process.stdout.write(
    `${escapeForTerminal(`litgraph: serving http://${shownHost}:${bound}/ (Ctrl-C to stop)`)}\n`,
  );
  await new Promise<void>((done) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      server.close(() => done());
      server.closeAllConnections();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  return 0;
}

export async function siteCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    ...SITE_OPTIONS,
    out: { type: "string", short: "o" },
  });
  if (values.help) {
    process.stdout.write(SITE_HELP);
    return 0;
  }
  if (!values.out) throw new UsageError("site needs -o DIR");
  prepareOutputFolder(resolve(values.out));
  const app = appDir();
  const graph = await graphFor(values, positionals, log);
  const out = resolve(values.out);
  writeSite(out, app, graph);
  log(`wrote ${out}/ (index.html, assets/, graph.json: ${graph.nodes.length} nodes)`);
  return 0;
}
