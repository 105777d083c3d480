// Worker bootstrap for src/graph/similarity-thread.ts: workers start without the parent's module
// hooks, so register tsx here, then load the TypeScript worker body. If that fails, say so
// through the shared flag (2 = failed), so the parent computes the similarity itself at once.
import { workerData } from "node:worker_threads";

try {
  const { register } = await import("tsx/esm/api");
  register();
  await import("./similarity-worker.ts");
} catch (err) {
  Atomics.store(workerData.flag, 0, 2);
  Atomics.notify(workerData.flag, 0);
  throw err;
}
