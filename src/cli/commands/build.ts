import { DEFAULT_CACHE_DIR } from "../../cache/index.ts";
import { createProgress } from "../../common/progress.ts";
import { writeGraph } from "../../export/index.ts";
import { runPipeline } from "../../pipeline.ts";
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
import {
  logLines,
  prepareBuildOutput,
  prepareOutputFile,
  prepareOutputFolder,
  writeStdout,
} from "../output.ts";
import { loadOntologies, rejectLines, summaryLine, writeRejects } from "./extract.ts";

export const FORMATS = ["json", "gexf", "graphml", "csv"] as const;
export type Format = (typeof FORMATS)[number];

const BUILD_OPTIONS = {
  ...COMMON_OPTIONS,
  ...AUTHOR_OPTIONS,
  out: { type: "string", short: "o" },
  format: { type: "string" },
  resolution: { type: "string" },
  ...RUN_OPTIONS,
  incremental: { type: "boolean" },
} as const;

/** runPipeline's threads and cache from RUN_OPTIONS' values. */
export function runOptions(values: {
  threads?: string;
  "no-cache"?: boolean;
  "cache-dir"?: string;
}): { threads: number | undefined; cache: { enabled: boolean; dir: string | undefined } } {
  if (!values["no-cache"]) prepareOutputFolder(values["cache-dir"] ?? DEFAULT_CACHE_DIR);
  return {
    threads: parseThreads(values.threads),
    cache: { enabled: !values["no-cache"], dir: values["cache-dir"] },
  };
}

/** --threads N: a positive integer (extraction threads, this one included). */
export function parseThreads(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`--threads wants a positive integer, got '${value}'`);
  return n;
}

/** --resolution R: a positive number. */
export function parseResolution(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const r = Number(value);
  if (!Number.isFinite(r) || r <= 0)
    throw new UsageError(`--resolution wants a positive number, got '${value}'`);
  return r;
}

export async function buildCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, BUILD_OPTIONS);
  const format = (values.format ?? "json") as Format;
  if (values.incremental && values["no-cache"])
    throw new UsageError(
      "--incremental starts from the cached layout: it cannot go with --no-cache",
    );
  if (!FORMATS.includes(format))
    throw new UsageError(`--format wants one of ${FORMATS.join(", ")}, got '${values.format}'`);
  const out = values.out ?? (format === "csv" ? "out" : `out/graph.${format}`);
  const asOf = parseAsOf(values["as-of"]);
  const resolution = parseResolution(values.resolution);
  const maxInputMb = parseMaxInputMb(values["max-input-mb"]);
  const ontologies = loadOntologies(values.ontology);
  const paths = positionals.length ? positionals : defaultInputs();
  // A path that cannot be written fails now, not after the build.
  prepareBuildOutput(out, format);
  if (values.rejects) prepareOutputFile(values.rejects);
  const run = runOptions(values);
  const started = Date.now();
  const { serialized, ingest } = await runPipeline(paths, {
    asOf,
    resolution,
    ontologies,
    maxInputMb,
    graph: { authors: authorOptions(values) },
    ...run,
    incremental: values.incremental,
    progress: createProgress(),
  });
  const written = writeGraph(serialized, { format, out });
  if (values.rejects) writeRejects(values.rejects, ingest.rejected);
  const c = serialized.meta.counts;
  logLines(
    summaryLine(ingest.summary),
    ...rejectLines(ingest.rejected),
    `graph: ${c.nodes} nodes (${c["nodes.paper"] ?? 0} papers, ${c["nodes.author"] ?? 0} authors), ` +
      `${c.edges} edges (${c["edges.similar"] ?? 0} similar), ${c.communities} communities, ` +
      `${c.collabCommunities} collaboration groups in ${Date.now() - started} ms`,
    `wrote ${written.join(", ")} (${format})`,
  );
  if (values.json) writeStdout(`${JSON.stringify(serialized.meta, null, 2)}\n`);
  return values.strict && ingest.rejected.length > 0 ? 1 : 0;
}
