// Node-only: reading paths and folders from disk.
import type { IngestOptions, IngestResult } from "./types.ts";

export const DEFAULT_INPUTS = ["seeds"];

/** Read every path (files, or folders of supported files), parse, merge duplicates. */
export async function ingestPaths(_paths: string[], _opts: IngestOptions): Promise<IngestResult> {
  throw new Error("ingest: not implemented yet");
}
