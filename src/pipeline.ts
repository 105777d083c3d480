// The whole pipeline for Node callers (CLI build/query/serve/site, bench): paths → serialised graph.
import type { SerializedGraph } from "./graph/schema.ts";
import type { IngestResult } from "./ingest/types.ts";

export interface PipelineOptions {
  asOf: Date;
  /** Louvain resolution (default 1). */
  resolution?: number;
  /** Parsed user ontology documents. */
  ontologies?: unknown[];
}

export interface PipelineResult {
  serialized: SerializedGraph;
  ingest: IngestResult;
}

/** Placeholder until the graph stage lands: ingest → extract → graph → serialise. */
export async function runPipeline(
  _paths: string[],
  _opts: PipelineOptions,
): Promise<PipelineResult> {
  throw new Error("pipeline: not implemented yet");
}
