// The whole pipeline for Node callers (CLI build/query/serve/site, bench): paths → serialised graph.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { checkedText, readChecked } from "./cache/checked.ts";
import { type CacheOptions, DEFAULT_CACHE_DIR, openExtractCache } from "./cache/index.ts";
import { openParseCache } from "./cache/ingest.ts";
import { writeFileAtomic } from "./common/fs.ts";
import type { Progress } from "./common/progress.ts";
import { serializeRun } from "./core.ts";
import { DEFAULT_THREADS, extractPapersParallel } from "./extract/parallel.ts";
import { buildGraph } from "./graph/build.ts";
import { type LayoutSnapshot, layoutSnapshot } from "./graph/layout-incremental.ts";
import { type GraphOptionsInput, resolveOptions } from "./graph/options.ts";
import type { CanonicalGraph } from "./graph/schema.ts";
import { openSimilarityThread, type SimilarityThread } from "./graph/similarity-thread.ts";
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
  /** Per-file input limit in MB (default 256, see ingest/files.ts). */
  maxInputMb?: number;
  /**
   * Threads, this one included (default min(cores, 2)): extraction runs in workers (see
   * extract/parallel.ts), and with 2 or more the paper similarity of a corpus of at least
   * `similarityThreadMinPapers` papers runs in a worker while the graph is built
   * (graph/similarity-thread.ts).
   */
  threads?: number;
  /** Smallest corpus whose similarity goes to a worker thread (default 2,000; the worker costs ~0.15 s to start). */
  similarityThreadMinPapers?: number;
  /**
   * Per-paper extraction cache (src/cache); default none. The CLI turns it on. The cache dir
   * also keeps the last build's positions (layout.json) for `incremental`.
   */
  cache?: Pick<CacheOptions, "dir" | "enabled">;
  /**
   * Start from the cached positions of the previous build (default false): views whose nodes
   * are mostly known keep them and only new nodes are placed, and papers and authors keep their
   * communities, new ones joining their neighbours' (src/graph/layout-incremental.ts). The output
   * then depends on the previous build too; meta.options.incrementalViews and
   * incrementalCommunities say what was kept.
   */
  incremental?: boolean;
  /** Progress on stderr (src/common/progress.ts); default none. */
  progress?: Progress;
  /**
   * Called after each stage (ingest, extract, graph, serialize) with its wall time in ms, and
   * after each step of the graph stage as `graph.<step>` (see BuildHooks).
   */
  onStage?: (stage: string, ms: number) => void;
}

export interface PipelineResult {
  serialized: CanonicalGraph;
  ingest: IngestResult;
}

/** ingest → extract → graph → serialise, with meta (version, options, input hashes, counts). */
export async function runPipeline(paths: string[], opts: PipelineOptions): Promise<PipelineResult> {
  let t = performance.now();
  const lap = (stage: string) => {
    const now = performance.now();
    opts.onStage?.(stage, now - t);
    t = now;
  };
  opts.progress?.stage("ingest", 0);
  const cacheDir =
    opts.cache && opts.cache.enabled !== false ? (opts.cache.dir ?? DEFAULT_CACHE_DIR) : undefined;
  const parseCache = cacheDir ? openParseCache({ dir: cacheDir, asOf: opts.asOf }) : undefined;
  const ingest = await ingestPaths(paths, {
    asOf: opts.asOf,
    maxInputMb: opts.maxInputMb,
    parseCache,
  });
  parseCache?.prune();
  lap("ingest");
  // Started now, so that it has loaded by the time buildGraph hands it the similarity.
  const similarityThread =
    (opts.threads ?? DEFAULT_THREADS()) > 1 &&
    ingest.papers.length >= (opts.similarityThreadMinPapers ?? 2000)
      ? openSimilarityThread()
      : undefined;
  // Closed once: by buildFrom as soon as the graph is built (the worker then stops while the
  // graph is serialised), or here after a failure.
  let closing: Promise<void> | undefined;
  const closeThread = () => {
    closing ??= similarityThread?.close();
    return closing;
  };
  try {
    // The text vectors need only titles and abstracts: the worker builds them during extraction.
    similarityThread?.prepareText(
      ingest.papers,
      resolveOptions(graphOptions(opts)).similarity.text,
    );
    return await buildFrom(ingest, opts, lap, similarityThread, closeThread);
  } finally {
    await closeThread();
  }
}

/** Extraction, graph and serialisation of the ingested papers (runPipeline after ingest). */
async function buildFrom(
  ingest: IngestResult,
  opts: PipelineOptions,
  lap: (stage: string) => void,
  similarityThread: SimilarityThread | undefined,
  closeThread: () => void,
): Promise<PipelineResult> {
  const cacheDir =
    opts.cache && opts.cache.enabled !== false ? (opts.cache.dir ?? DEFAULT_CACHE_DIR) : undefined;
  const extractOpts = { ontologies: opts.ontologies };
  const cache = opts.cache && openExtractCache({ ...opts.cache, extract: extractOpts });
  const papers = await extractPapersParallel(ingest.papers, extractOpts, {
    threads: opts.threads,
    cache: cache || undefined,
    progress: opts.progress,
  });
  lap("extract");
  opts.progress?.stage("graph", 0);
  const graphOpts = graphOptions(opts);
  const layoutFile = cacheDir ? join(cacheDir, "layout.json") : undefined;
  const previousLayout = opts.incremental && layoutFile ? readSnapshot(layoutFile) : undefined;
  const built = buildGraph(papers, graphOpts, {
    onStep: (step, ms) => opts.onStage?.(`graph.${step}`, ms),
    previousLayout,
    similarity: similarityThread?.run,
    textVectors: similarityThread?.textVectors,
  });
  closeThread();
  // The extracted papers (every mention of every paper) are not needed any more.
  papers.length = 0;
  if (layoutFile)
    writeFileAtomic(
      layoutFile,
      checkedText(
        { kind: SNAPSHOT_KIND },
        layoutSnapshot(built.graph, built.options.layout, built.options.communities),
      ),
      { sync: false },
    );
  lap("graph");
  const serialized = serializeRun(built, ingest.summary, {
    inputs: Object.entries(ingest.fileHashes).map(([path, sha256]) => ({ path, sha256 })),
    options: {
      asOf: opts.asOf.toISOString().slice(0, 10),
      userOntologies: opts.ontologies?.length ?? 0,
      ...(opts.incremental
        ? {
            incrementalCommunities: built.incremental?.communities ?? [],
            incrementalViews: built.incremental?.views ?? [],
          }
        : {}),
    },
  });
  lap("serialize");
  opts.progress?.done();
  return { serialized, ingest };
}

/** The header kind of layout.json (a checked file: src/cache/checked.ts). */
const SNAPSHOT_KIND = "litgraph-layout/1";

/** The cached layout snapshot, or undefined when there is none or it is unreadable (full layout). */
function readSnapshot(file: string): LayoutSnapshot | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const read = readChecked(readFileSync(file));
    if (read?.header.kind !== SNAPSHOT_KIND) return undefined;
    // Written by this program (a checked file): only its shape is looked at, not every node.
    const s = read.body as Partial<LayoutSnapshot> | undefined;
    return s?.version === 1 &&
      typeof s.options === "string" &&
      typeof s.nodes === "object" &&
      s.nodes !== null
      ? (s as LayoutSnapshot)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The graph options of a pipeline run (`resolution` wins over opts.graph's). */
function graphOptions(opts: PipelineOptions): GraphOptionsInput {
  return {
    ...opts.graph,
    communities: {
      ...opts.graph?.communities,
      ...(opts.resolution !== undefined ? { resolution: opts.resolution } : {}),
    },
  };
}
