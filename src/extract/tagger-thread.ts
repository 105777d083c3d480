// compromise's tagging of new topic candidates in a worker thread (Node only). A rebuild that adds
// a hundred papers to thousands has a few hundred new candidates to tag, and loading compromise
// for them took a quarter of a second of the main thread. The pipeline opens this thread after
// ingest: the worker loads compromise on the second core while this one reads the caches, then
// answers synchronously (src/common/sync-worker.ts). If it fails or times out, the candidates are
// tagged in this thread: the result is the same either way.
import { workerModule } from "../common/package-root.ts";
import { openSyncWorker } from "../common/sync-worker.ts";
import { type PhraseTagger, tagHere } from "./topic-tags.ts";

const WORKER_URL = workerModule("extract", "tagger-worker");

export interface TaggerThreadOptions {
  /** Wait at most this long for the worker, in ms (default 60 s + 20 ms a phrase). */
  timeoutMs?: (phrases: number) => number;
  /** The worker's body module (default ./tagger-worker.ts or its bundled twin; tests). */
  workerUrl?: URL;
}

export interface TaggerThread {
  /** The tagger to pass as ParallelOptions.tagger. */
  tag: PhraseTagger;
  /** Where the last phrases were tagged ("worker", or "here" after a failure or time-out). */
  readonly ranIn: "worker" | "here" | null;
  close(): Promise<void>;
}

/** Start the worker now (it loads compromise while the caller does other work). */
export function openTaggerThread(opts: TaggerThreadOptions = {}): TaggerThread {
  const worker = openSyncWorker<string[], boolean[]>(opts.workerUrl ?? WORKER_URL);
  const timeout = opts.timeoutMs ?? ((n: number) => 60_000 + 20 * n);
  let ranIn: "worker" | "here" | null = null;
  return {
    tag(texts) {
      const flags = worker.post(texts, timeout(texts.length))();
      const ok = Array.isArray(flags) && flags.length === texts.length;
      ranIn = ok ? "worker" : "here";
      return ok ? flags : tagHere(texts);
    },
    get ranIn() {
      return ranIn;
    },
    close: () => worker.close(),
  };
}
