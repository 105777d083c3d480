// The worker side of src/common/sync-worker.ts: one job per message, the answer posted on the
// port before the shared flag is set, so the parent finds it when it wakes.
import { workerData } from "node:worker_threads";
import { DONE, FAILED, type SyncWorkerData } from "./sync-worker.ts";

/** Answer each job with `handle`; `transfer` names buffers of the answer to move, not copy. */
export function serveSync<Job, Answer>(
  handle: (job: Job) => Answer,
  transfer: (answer: Answer) => ArrayBuffer[] = () => [],
): void {
  const { port, flag } = workerData as SyncWorkerData;
  port.on("message", (job: Job) => {
    let ok: Answer | undefined;
    let error: string | undefined;
    try {
      ok = handle(job);
    } catch (err) {
      error = String(err);
    }
    if (error === undefined) port.postMessage({ ok }, transfer(ok as Answer));
    else port.postMessage({ error });
    Atomics.store(flag, 0, error === undefined ? DONE : FAILED);
    Atomics.notify(flag, 0);
  });
}
