// The pipeline's browser-safe core, shared by the CLI (src/pipeline.ts: files, threads, caches
// around it) and the web view's worker for dropped files (web/src/worker.ts): papers read from
// texts, extracted, built into a graph and serialised with what every run records.
import { extractPapers } from "./extract/index.ts";
import type { ExtractedPaper } from "./extract/types.ts";
import { type BuildHooks, type BuiltGraph, buildGraph } from "./graph/build.ts";
import type { GraphOptionsInput } from "./graph/options.ts";
import type { CanonicalGraph } from "./graph/schema.ts";
import { type SerializeInput, serialize } from "./graph/serialize.ts";
import { ingestTexts } from "./ingest/index.ts";
import type { IngestResult, IngestSummary } from "./ingest/types.ts";

/** graph.json's counts of the ingest (meta.counts["ingest.*"]). */
export function ingestCounts(s: IngestSummary): Record<string, number> {
  return {
    "ingest.records": s.records,
    "ingest.read": s.read,
    "ingest.merged": s.merged,
    "ingest.rejected": s.rejected,
    "ingest.papers": s.papers,
  };
}

/** The graph of a run serialised with its ingest counts, inputs and run options. */
export function serializeRun(
  built: BuiltGraph,
  summary: IngestSummary,
  run: Omit<SerializeInput, "counts">,
): CanonicalGraph {
  return serialize(built, { ...run, counts: ingestCounts(summary) });
}

export interface TextsRun {
  ingest: IngestResult;
  /** Empty when no paper could be read (see ingest.rejected). */
  serialized: CanonicalGraph | null;
}

/**
 * Files given as bytes (a browser's dropped files) to a serialised graph, in one thread:
 * ingest → extract → graph → serialise. `onStage` hears each stage as it starts.
 */
export function graphFromTexts(
  files: { file: string; bytes: Uint8Array }[],
  opts: { asOf: Date; graph?: GraphOptionsInput; hooks?: BuildHooks },
  onStage: (stage: "extract" | "graph" | "serialise", ingest: IngestResult) => void = () => {},
): TextsRun {
  const ingest = ingestTexts(files, { asOf: opts.asOf });
  if (!ingest.papers.length) return { ingest, serialized: null };
  onStage("extract", ingest);
  const papers: ExtractedPaper[] = extractPapers(ingest.papers);
  onStage("graph", ingest);
  const built = buildGraph(papers, opts.graph, opts.hooks);
  onStage("serialise", ingest);
  const serialized = serializeRun(built, ingest.summary, {
    inputs: [],
    options: { asOf: opts.asOf.toISOString().slice(0, 10), source: "browser" },
  });
  return { ingest, serialized };
}
