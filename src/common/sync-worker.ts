// A worker thread that synchronous code can hand work to (Node only). The job is posted at once
// and the answer picked up later, blocking, with Atomics.wait and receiveMessageOnPort: buildGraph
// stays synchronous while the second core computes the similarity (graph/similarity-thread.ts). The worker starts loading
// when opened, while the caller does other work. A worker that fails to load, throws, or gives
// no answer in time gives `undefined`, and the caller does the work itself.
import {
  MessageChannel,
  type MessagePort,
  receiveMessageOnPort,
  Worker,
} from "node:worker_threads";
import { workerModule } from "./package-root.ts";

/** States of the shared flag: waiting, answered, failed. */
export const PENDING = 0;
export const DONE = 1;
export const FAILED = 2;

/** What the worker's body is given (src/common/sync-worker-serve.ts reads it). */
export interface SyncWorkerData {
  port: MessagePort;
  flag: Int32Array;
  /** URL of the worker's body module, loaded by the bootstrap (sync-worker.mjs). */
  body: string;
}

export interface SyncWorker<Job, Answer> {
  /**
   * Post a job; the function returned waits for its answer (at most `timeoutMs`) and gives it,
   * or undefined. One job at a time: take its answer before posting the next.
   */
  post(job: Job, timeoutMs: number): () => Answer | undefined;
  close(): Promise<void>;
}

const BOOTSTRAP = workerModule("common", "sync-worker", ".mjs");

/** Start a worker running the module at `body` (which calls serveSync). */
export function openSyncWorker<Job, Answer>(body: URL): SyncWorker<Job, Answer> {
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(BOOTSTRAP, {
    workerData: { port: port2, flag, body: body.href } satisfies SyncWorkerData,
    transferList: [port2 as unknown as MessagePort],
  });
  // A worker that fails to start sets FAILED itself (see the bootstrap); its error must not
  // crash this process: the caller then does the work.
  worker.on("error", () => {});
  worker.unref();
  return {
    post(job, timeoutMs) {
      Atomics.store(flag, 0, PENDING);
      port1.postMessage(job);
      return () => {
        const deadline = performance.now() + timeoutMs;
        while (Atomics.load(flag, 0) === PENDING) {
          const left = deadline - performance.now();
          if (left <= 0) break;
          Atomics.wait(flag, 0, PENDING, left);
        }
        const answer = receiveMessageOnPort(port1)?.message as
          | { ok: Answer }
          | { error: string }
          | undefined;
        return Atomics.load(flag, 0) === DONE && answer && "ok" in answer ? answer.ok : undefined;
      };
    },
    async close() {
      port1.close();
      await worker.terminate();
    },
  };
}
