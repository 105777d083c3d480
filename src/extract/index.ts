// Public surface of the extraction stage (browser-safe).
export * from "./types.ts";

import type { PaperRecord } from "../ingest/types.ts";
import type { ExtractedPaper } from "./types.ts";

export interface ExtractOptions {
  /** Extra user ontology documents (already parsed JSON), merged over the built-in one. */
  ontologies?: unknown[];
}

export function extractPapers(papers: PaperRecord[], _opts: ExtractOptions = {}): ExtractedPaper[] {
  return papers.map((p) => ({ ...p, entities: [] }));
}
