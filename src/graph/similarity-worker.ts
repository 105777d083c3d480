// Worker body of src/graph/similarity-thread.ts: one similarPairs job per message, the answer
// posted on the port before the shared flag is set, so the parent finds it when it wakes.
import { type MessagePort, workerData } from "node:worker_threads";
import { similarPairs } from "./similarity.ts";
import { type Answer, DONE, FAILED, type Job } from "./similarity-thread.ts";

const { port, flag } = workerData as { port: MessagePort; flag: Int32Array };

port.on("message", ({ input, opts }: Job) => {
  let answer: Answer;
  try {
    answer = { out: similarPairs(input, opts) };
  } catch (err) {
    answer = { error: String(err) };
  }
  if ("out" in answer) {
    const o = answer.out;
    port.postMessage(answer, [
      o.pairs.buffer,
      o.weights.buffer,
      o.partOffsets.buffer,
      o.parts.buffer,
      o.shares.buffer,
    ] as ArrayBuffer[]);
  } else port.postMessage(answer);
  Atomics.store(flag, 0, "out" in answer ? DONE : FAILED);
  Atomics.notify(flag, 0);
});
