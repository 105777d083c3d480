// Paper similarity in a worker thread (Node only). buildGraph hands over the interned items
// before it adds the nodes and edges and asks for the result after them (BuildHooks.similarity),
// so the second core computes the similarity while the first builds the graph. The result is
// picked up synchronously (Atomics.wait, then receiveMessageOnPort), so buildGraph stays
// synchronous (src/common/sync-worker.ts). If the worker fails, or gives no answer within the
// time limit, the similarity is computed in this thread: the output is the same either way.
import { workerModule } from "../common/package-root.ts";
import { openSyncWorker } from "../common/sync-worker.ts";
import type { SimilarityOptions } from "./options.ts";
import {
  type SimilarityInput,
  type SimilarityOutput,
  type SimilarityRunner,
  similarPairs,
} from "./similarity.ts";

const WORKER_URL = workerModule("graph", "similarity-worker");

export interface SimilarityThreadOptions {
  /** Wait at most this long for the worker, in ms, before computing here (default 60 s + 2 ms a paper). */
  timeoutMs?: (papers: number) => number;
  /** The worker's body module (default ./similarity-worker.ts or its compiled twin; tests). */
  workerUrl?: URL;
}

export interface SimilarityThread {
  /** The runner to pass as BuildHooks.similarity (one job per thread). */
  run: SimilarityRunner;
  /** Where the last result came from ("worker", or "here" after a failure or time-out). */
  readonly ranIn: "worker" | "here" | null;
  close(): Promise<void>;
}

/** The message the worker receives. */
export interface Job {
  input: SimilarityInput;
  opts: SimilarityOptions;
}

/** Start the worker now (it loads while the caller does other work). */
export function openSimilarityThread(opts: SimilarityThreadOptions = {}): SimilarityThread {
  const worker = openSyncWorker<Job, SimilarityOutput>(opts.workerUrl ?? WORKER_URL);
  const timeout = opts.timeoutMs ?? ((n: number) => 60_000 + 2 * n);
  let ranIn: "worker" | "here" | null = null;
  const run: SimilarityRunner = (input, simOpts) => {
    const answer = worker.post({ input, opts: simOpts }, timeout(input.n));
    return () => {
      const out = answer();
      ranIn = out ? "worker" : "here";
      return out ?? similarPairs(input, simOpts);
    };
  };
  return {
    run,
    get ranIn() {
      return ranIn;
    },
    close: () => worker.close(),
  };
}
