// The whole pipeline for Node callers (CLI build/query/serve/site, bench): paths → serialised graph.
import { extractPapers } from "./extract/index.ts";
import { buildGraph } from "./graph/build.ts";
import type { GraphOptionsInput } from "./graph/options.ts";
import type { SerializedGraph } from "./graph/schema.ts";
import { serialize } from "./graph/serialize.ts";
import { ingestPaths } from "./ingest/files.ts";
import type { IngestResult } from "./ingest/types.ts";

export interface PipelineOptions {
  asOf: Date;
  /** Louvain resolution (default 1). */
  resolution?: number;
  /** Parsed user ontology documents. */
  ontologies?: unknown[];
  /** Any other graph option (similarity, communities, layout); `resolution` wins over it. */
  graph?: GraphOptionsInput;
  /** Per-file input limit in MB (default 512, see ingest/files.ts). */
  maxInputMb?: number;
}

export interface PipelineResult {
  serialized: SerializedGraph;
  ingest: IngestResult;
}

/** ingest → extract → graph → serialise, with meta (version, options, input hashes, counts). */
export async function runPipeline(paths: string[], opts: PipelineOptions): Promise<PipelineResult> {
  const ingest = await ingestPaths(paths, { asOf: opts.asOf, maxInputMb: opts.maxInputMb });
  const papers = extractPapers(ingest.papers, { ontologies: opts.ontologies });
  const graphOpts: GraphOptionsInput = {
    ...opts.graph,
    communities: {
      ...opts.graph?.communities,
      ...(opts.resolution !== undefined ? { resolution: opts.resolution } : {}),
    },
  };
  const graph = buildGraph(papers, graphOpts);
  const serialized = serialize(graph, {
    inputs: Object.entries(ingest.fileHashes).map(([path, sha256]) => ({ path, sha256 })),
    options: {
      asOf: opts.asOf.toISOString().slice(0, 10),
      userOntologies: opts.ontologies?.length ?? 0,
    },
    counts: {
      "ingest.records": ingest.summary.records,
      "ingest.read": ingest.summary.read,
      "ingest.merged": ingest.summary.merged,
      "ingest.rejected": ingest.summary.rejected,
      "ingest.papers": ingest.summary.papers,
    },
  });
  return { serialized, ingest };
}
