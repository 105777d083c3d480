// Paper similarity in a worker thread (Node only). buildGraph hands over the interned items
// before it adds the nodes and edges and asks for the result after them (BuildHooks.similarity),
// so the second core computes the similarity while the first builds the graph. The result is
// picked up synchronously (Atomics.wait, then receiveMessageOnPort), so buildGraph stays
// synchronous. If the worker fails, or gives no answer within the time limit, the similarity is
// computed in this thread: the output is the same either way.
import { pathToFileURL } from "node:url";
import {
  MessageChannel,
  type MessagePort,
  receiveMessageOnPort,
  Worker,
} from "node:worker_threads";
import { srcPath } from "../common/package-root.ts";
import type { SimilarityOptions } from "./options.ts";
import {
  type SimilarityInput,
  type SimilarityOutput,
  type SimilarityRunner,
  similarPairs,
} from "./similarity.ts";

const WORKER_URL = pathToFileURL(srcPath("graph", "similarity-worker.mjs"));

/** States of the shared flag: waiting, answered, failed. */
export const PENDING = 0;
export const DONE = 1;
export const FAILED = 2;

export interface SimilarityThreadOptions {
  /** Wait at most this long for the worker, in ms, before computing here (default 60 s + 2 ms a paper). */
  timeoutMs?: (papers: number) => number;
  /** The worker script (default ./similarity-worker.mjs; tests). */
  workerUrl?: URL;
}

export interface SimilarityThread {
  /** The runner to pass as BuildHooks.similarity (one job per thread). */
  run: SimilarityRunner;
  /** Where the last result came from ("worker", or "here" after a failure or time-out). */
  readonly ranIn: "worker" | "here" | null;
  close(): Promise<void>;
}

/** The message the worker receives, and what it answers. */
export interface Job {
  input: SimilarityInput;
  opts: SimilarityOptions;
}
export type Answer = { out: SimilarityOutput } | { error: string };

/** Start the worker now (it loads while the caller does other work). */
export function openSimilarityThread(opts: SimilarityThreadOptions = {}): SimilarityThread {
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(opts.workerUrl ?? WORKER_URL, {
    workerData: { port: port2, flag },
    transferList: [port2 as unknown as MessagePort],
  });
  // A worker that fails to start sets FAILED itself (see the bootstrap); its error must not
  // crash this process: the similarity is then computed here.
  worker.on("error", () => {});
  worker.unref();
  const timeout = opts.timeoutMs ?? ((n: number) => 60_000 + 2 * n);
  let ranIn: "worker" | "here" | null = null;
  const run: SimilarityRunner = (input, simOpts) => {
    Atomics.store(flag, 0, PENDING);
    port1.postMessage({ input, opts: simOpts } satisfies Job);
    return () => {
      const deadline = performance.now() + timeout(input.n);
      while (Atomics.load(flag, 0) === PENDING) {
        const left = deadline - performance.now();
        if (left <= 0) break;
        Atomics.wait(flag, 0, PENDING, left);
      }
      const answer = receiveMessageOnPort(port1)?.message as Answer | undefined;
      if (Atomics.load(flag, 0) === DONE && answer && "out" in answer) {
        ranIn = "worker";
        return answer.out;
      }
      ranIn = "here";
      return similarPairs(input, simOpts);
    };
  };
  return {
    run,
    get ranIn() {
      return ranIn;
    },
    async close() {
      port1.close();
      await worker.terminate();
    },
  };
}
