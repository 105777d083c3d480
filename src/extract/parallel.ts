// Parallel extraction (Node only): stage 1 (per paper) in worker_threads, stage 2 (corpus topics)
// in the calling thread, optionally through the per-paper cache. Same output as extractPapers.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { ExtractCache } from "../cache/index.ts";
import { workerModule } from "../common/package-root.ts";
import type { Progress } from "../common/progress.ts";
import type { PaperRecord } from "../ingest/types.ts";
import { conceptIndex } from "./concept-index.ts";
import { type ExtractOptions, resolveOptions } from "./options.ts";
import { assemble, extractPart, type PaperPart, type PaperText } from "./staged.ts";
import type { ExtractedPaper } from "./types.ts";

export interface ParallelOptions {
  /** Threads, this one included (default min(os.availableParallelism(), 2)); 1 runs here only. */
  threads?: number;
  /** Papers per message to a worker (default 200). */
  chunkSize?: number;
  /** Below this many papers to extract, stay in this thread: a worker takes ~1 s to start (default 1500). */
  minPapers?: number;
  /** This thread extracts chunks too while workers run (default true; false: tests, workers only). */
  mainThreadWorks?: boolean;
  /** Per-paper cache (src/cache); default none. */
  cache?: ExtractCache;
  /** Progress reporter (src/common/progress.ts); default none. */
  progress?: Progress;
}

export const DEFAULT_THREADS = () => Math.min(availableParallelism(), 2);

// From src/: a bootstrap that registers tsx for the TypeScript body; compiled: the body itself.
const WORKER_URL = workerModule("extract", "parallel-worker", ".mjs");

/**
 * Stage 1 for `texts` on `threads` threads: this one plus threads − 1 workers, chunks handed
 * out as threads free up (this thread works while the workers start, ~1 s each under tsx).
 */
export async function partsInWorkers(
  texts: PaperText[],
  opts: ExtractOptions,
  threads: number,
  chunkSize: number,
  onChunk: (done: number) => void = () => {},
  mainThreadWorks = true,
): Promise<PaperPart[]> {
  const out: PaperPart[] = new Array(texts.length);
  const chunks: [number, number][] = [];
  for (let i = 0; i < texts.length; i += chunkSize)
    chunks.push([i, Math.min(texts.length, i + chunkSize)]);
  let next = 0;
  const store = (id: number, parts: PaperPart[]) => {
    const [a, b] = chunks[id];
    for (let i = a; i < b; i++) out[i] = parts[i - a];
    onChunk(b - a);
  };
  const n = mainThreadWorks
    ? Math.max(0, Math.min(threads - 1, chunks.length - 1))
    : Math.max(1, Math.min(threads, chunks.length));
  const workers = Array.from({ length: n }, () => new Worker(WORKER_URL));
  const inWorker = (w: Worker) =>
    new Promise<void>((resolve, reject) => {
      const send = () => {
        if (next >= chunks.length) return resolve();
        const id = next++;
        const [a, b] = chunks[id];
        w.postMessage({ id, opts, papers: texts.slice(a, b) });
      };
      w.on("message", (msg: { id: number; parts?: PaperPart[]; error?: string }) => {
        if (msg.error || !msg.parts)
          return reject(new Error(`extract/parallel: worker failed: ${msg.error}`));
        store(msg.id, msg.parts);
        send();
      });
      w.on("error", (err) => reject(new Error(`extract/parallel: worker error: ${err.message}`)));
      w.on("exit", (code) => {
        if (next < chunks.length)
          reject(new Error(`extract/parallel: worker exited (code ${code})`));
      });
      send();
    });
  const here = async () => {
    const r = resolveOptions(opts);
    const index = conceptIndex(opts);
    while (next < chunks.length) {
      const id = next++;
      const [a, b] = chunks[id];
      store(
        id,
        texts.slice(a, b).map((t) => extractPart(t, index, r)),
      );
      // Let worker replies in between chunks.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  try {
    await Promise.all([...(mainThreadWorks ? [here()] : []), ...workers.map(inWorker)]);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return out;
}

/**
 * extractPapers, with stage 1 in worker threads and cached parts reused. Output is identical to
 * extractPapers(papers, opts) for any worker count, chunk size and cache state.
 */
export async function extractPapersParallel(
  papers: PaperRecord[],
  opts: ExtractOptions = {},
  popts: ParallelOptions = {},
): Promise<ExtractedPaper[]> {
  const { cache, progress } = popts;
  const texts: PaperText[] = papers.map((p) => ({
    id: p.id,
    title: p.title,
    abstract: p.abstract,
  }));
  const parts: (PaperPart | undefined)[] = texts.map((t) => cache?.get(t));
  const missing = parts.flatMap((p, i) => (p ? [] : [i]));
  progress?.stage("extract", papers.length);
  progress?.tick(papers.length - missing.length);
  const todo = missing.map((i) => texts[i]);
  const threads = popts.threads ?? DEFAULT_THREADS();
  let fresh: PaperPart[];
  if (threads > 1 && todo.length >= (popts.minPapers ?? 1500)) {
    fresh = await partsInWorkers(
      todo,
      opts,
      threads,
      popts.chunkSize ?? 200,
      (n) => progress?.tick(n),
      popts.mainThreadWorks,
    );
  } else if (todo.length === 0) {
    fresh = [];
  } else {
    const r = resolveOptions(opts);
    const index = conceptIndex(opts);
    fresh = todo.map((t) => {
      const part = extractPart(t, index, r);
      progress?.tick(1);
      return part;
    });
  }
  missing.forEach((i, k) => {
    parts[i] = fresh[k];
    cache?.set(texts[i], fresh[k]);
  });
  cache?.flush();
  progress?.stage("topics", 1);
  const out = assemble(papers, parts as PaperPart[], opts, { tags: cache?.tags });
  cache?.flush();
  progress?.tick(1);
  return out;
}
