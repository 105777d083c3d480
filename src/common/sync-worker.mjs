// Worker bootstrap for src/common/sync-worker.ts (compiled: dist/sync-worker.js): workers start
// without the parent's module hooks, so register tsx here for a TypeScript body (from src/ only:
// tsx is a dev dependency), then load the body (workerData.body). If that fails, say so through
// the shared flag (2 = failed), so the parent does the work at once.
import { workerData } from "node:worker_threads";

try {
  // A compiled body (dist/*.js, scripts/build.mjs) is plain JavaScript: no tsx needed.
  if (workerData.body.endsWith(".ts")) {
    const { register } = await import("tsx/esm/api");
    register();
  }
  await import(workerData.body);
} catch (err) {
  Atomics.store(workerData.flag, 0, 2);
  Atomics.notify(workerData.flag, 0);
  throw err;
}
