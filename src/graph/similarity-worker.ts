// Worker body of src/graph/similarity-thread.ts: one similarPairs job per message, its typed
// arrays moved to the parent, not copied.
import { serveSync } from "../common/sync-worker-serve.ts";
import { similarPairs } from "./similarity.ts";
import type { Job } from "./similarity-thread.ts";

serveSync(
  ({ input, opts }: Job) => similarPairs(input, opts),
  (o) =>
    [
      o.pairs.buffer,
      o.weights.buffer,
      o.partOffsets.buffer,
      o.parts.buffer,
      o.shares.buffer,
    ] as ArrayBuffer[],
);
