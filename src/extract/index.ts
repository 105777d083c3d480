// Public surface of the extraction stage (browser-safe: no node:fs; data files are imported JSON).

export { conceptIndex } from "./concept-index.ts";
export { loadOntology } from "./ontology/load.ts";
export { DEFAULTS, type ExtractOptions, resolveOptions } from "./options.ts";
export * from "./types.ts";

import type { PaperRecord } from "../ingest/types.ts";
import { conceptIndex } from "./concept-index.ts";
import { type ExtractOptions, resolveOptions } from "./options.ts";
import { assemble, extractPart } from "./staged.ts";
import type { ExtractedPaper } from "./types.ts";

/**
 * Entities of every paper: ontology concepts, defined abbreviations, contribution patterns,
 * corpus-level topics and the source's keywords that the text shows. Entities are sorted by
 * (type, label, id), mentions by (field: title first, start).
 * The two stages of staged.ts in this thread (extractPapersParallel runs the same functions, the
 * first in workers and through the cache). Same papers and options → identical output.
 */
export function extractPapers(papers: PaperRecord[], opts: ExtractOptions = {}): ExtractedPaper[] {
  const r = resolveOptions(opts);
  const index = conceptIndex(opts);
  const parts = papers.map((p) => extractPart(p, index, r));
  return assemble(papers, parts, opts, { index });
}
