// Messages between the page and the pipeline worker.
import type { SerializedGraph } from "../../src/graph/schema.ts";

export interface RunRequest {
  type: "run";
  files: { name: string; bytes: Uint8Array }[];
  /** ISO date: the listing's "today". */
  asOf: string;
}

export type WorkerMessage =
  | {
      type: "progress";
      stage: "ingest" | "extract" | "graph" | "serialise";
      detail: string;
      fraction: number;
    }
  | { type: "done"; graph: SerializedGraph; summary: string }
  | { type: "error"; message: string };
