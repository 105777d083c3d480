// Worker body of src/graph/similarity-thread.ts: a text-vectors job, then a similarPairs job,
// the pairs' typed arrays moved to the parent, not copied.
import { serveSync } from "../common/sync-worker-serve.ts";
import { type SimilarityOutput, similarPairs } from "./similarity.ts";
import type { Answer, Job } from "./similarity-thread.ts";
import { textVectors } from "./text/vectors.ts";

serveSync(
  (job: Job): Answer =>
    job.kind === "text" ? textVectors(job.texts, job.opts) : similarPairs(job.input, job.opts),
  (a) => {
    if ("pairs" in a) {
      const o = a as SimilarityOutput;
      const { network } = o;
      return [
        o.pairs,
        o.weights,
        o.partOffsets,
        o.parts,
        o.shares,
        network.pairs,
        network.weights,
      ].map((x) => x.buffer) as ArrayBuffer[];
    }
    // Text vectors are copied: thousands of small arrays, cheaper to clone than to list.
    return [];
  },
);
