// Paper similarity in a worker thread (Node only). Two jobs, in this order:
// 1. `prepareText`, right after ingest: the worker builds the text vectors of the papers' titles
//    and abstracts (text/vectors.ts) while this thread extracts the entities; buildGraph takes
//    them through `textVectors` when its papers are the ones prepared (else it builds them here).
// 2. `run`: buildGraph hands over the interned items before it adds the nodes and edges and asks
//    for the result after them (BuildHooks.similarity), so the second core computes the
//    similarity while the first builds the graph.
// Answers are picked up synchronously (Atomics.wait, then receiveMessageOnPort), so buildGraph
// stays synchronous (src/common/sync-worker.ts). If the worker fails, or gives no answer within
// the time limit, the work is done in this thread: the output is the same either way.
import { workerModule } from "../common/package-root.ts";
import { openSyncWorker } from "../common/sync-worker.ts";
import type { SimilarityOptions } from "./options.ts";
import {
  type SimilarityInput,
  type SimilarityOutput,
  type SimilarityRunner,
  similarPairs,
} from "./similarity.ts";
import {
  type TextOptions,
  type TextSource,
  type TextVectors,
  textVectors,
} from "./text/vectors.ts";

const WORKER_URL = workerModule("graph", "similarity-worker");

export interface SimilarityThreadOptions {
  /** Wait at most this long for the worker, in ms, before computing here (default 60 s + 2 ms a paper). */
  timeoutMs?: (papers: number) => number;
  /** The worker's body module (default ./similarity-worker.ts or its compiled twin; tests). */
  workerUrl?: URL;
}

/** A paper as the text vectors see it. */
export interface TextPaper {
  id: string;
  title: string;
  abstract: string;
}

export interface SimilarityThread {
  /** Start building the text vectors of `papers` in the worker (call once, before `run`). */
  prepareText(papers: readonly TextPaper[], opts: TextOptions): void;
  /**
   * The text vectors of buildGraph's papers (BuildHooks.textVectors): the prepared ones when the
   * papers are those given to prepareText (same ids, titles and abstracts) with the same options,
   * in the order asked for; otherwise built here.
   */
  textVectors: TextSource;
  /** The runner to pass as BuildHooks.similarity (one job per thread). */
  run: SimilarityRunner;
  /** Where the last similarity result came from ("worker", or "here" after a failure or time-out). */
  readonly ranIn: "worker" | "here" | null;
  /** Where the text vectors came from ("worker"; "here" when not prepared, other papers, or a failure). */
  readonly textIn: "worker" | "here" | null;
  close(): Promise<void>;
}

/** The messages the worker receives. */
export type Job =
  | { kind: "text"; texts: { title: string; abstract: string }[]; opts: TextOptions }
  | { kind: "pairs"; input: SimilarityInput; opts: SimilarityOptions };

/** What the worker answers: text vectors for a text job, similar pairs for a pairs job. */
export type Answer = TextVectors | SimilarityOutput;

/** Start the worker now (it loads while the caller does other work). */
export function openSimilarityThread(opts: SimilarityThreadOptions = {}): SimilarityThread {
  const worker = openSyncWorker<Job, Answer>(opts.workerUrl ?? WORKER_URL);
  const timeout = opts.timeoutMs ?? ((n: number) => 60_000 + 2 * n);
  let ranIn: "worker" | "here" | null = null;
  let textIn: "worker" | "here" | null = null;
  let prepared:
    | { papers: readonly TextPaper[]; opts: string; answer: () => Answer | undefined }
    | undefined;
  const prepareText = (papers: readonly TextPaper[], textOpts: TextOptions) => {
    const texts = papers.map((p) => ({ title: p.title, abstract: p.abstract }));
    const answer = worker.post({ kind: "text", texts, opts: textOpts }, timeout(papers.length));
    prepared = { papers, opts: JSON.stringify(textOpts), answer };
  };
  const textVectorsOf: TextSource = (papers, textOpts) => {
    const job = prepared;
    prepared = undefined;
    // The answer is taken in any case: the worker takes one job at a time.
    const got = job?.answer() as TextVectors | undefined;
    const order =
      job && got && job.opts === JSON.stringify(textOpts) && sameTexts(job.papers, papers);
    textIn = order ? "worker" : "here";
    return order && got ? reorder(got, order) : textVectors(papers, textOpts);
  };
  const run: SimilarityRunner = (input, simOpts) => {
    const answer = worker.post({ kind: "pairs", input, opts: simOpts }, timeout(input.n));
    return () => {
      const out = answer() as SimilarityOutput | undefined;
      ranIn = out ? "worker" : "here";
      return out ?? similarPairs(input, simOpts);
    };
  };
  return {
    prepareText,
    textVectors: textVectorsOf,
    run,
    get ranIn() {
      return ranIn;
    },
    get textIn() {
      return textIn;
    },
    close: () => worker.close(),
  };
}

/**
 * For each paper of `wanted`, the index of the prepared paper with its id, title and abstract;
 * null when the two lists are not the same papers.
 */
function sameTexts(prepared: readonly TextPaper[], wanted: readonly TextPaper[]): number[] | null {
  if (prepared.length !== wanted.length) return null;
  const at = new Map<string, number>(prepared.map((p, i) => [p.id, i]));
  if (at.size !== prepared.length) return null;
  const order: number[] = [];
  for (const p of wanted) {
    const i = at.get(p.id);
    if (i === undefined) return null;
    const q = prepared[i];
    if (q.title !== p.title || q.abstract !== p.abstract) return null;
    order.push(i);
  }
  return order;
}

/**
 * The vectors in another paper order (`order[j]`: the index of paper j in `v`). Keys, labels and
 * weights depend on the set of papers only, not on their order (text/vectors.ts).
 */
function reorder(v: TextVectors, order: number[]): TextVectors {
  return {
    keys: v.keys,
    labels: v.labels,
    ids: order.map((i) => v.ids[i]),
    values: order.map((i) => v.values[i]),
  };
}
