// The concept index extraction matches against: the built-in ontology's (restored from the
// snapshot compiled into dist/ when it is of this data, else built; once per process, kept) or
// one built for the options' own ontologies.
import { restoreIndex } from "./concept-snapshot.ts";
import { buildIndex, type ConceptIndex } from "./matcher.ts";
import { loadOntology } from "./ontology/load.ts";
import { type ExtractOptions, resolveOptions } from "./options.ts";

/**
 * The built-in index's snapshot (JSON text, src/extract/concept-snapshot.ts), compiled in by
 * scripts/build.mjs (an esbuild `define`); no such global from src/ or in the web view.
 */
declare const LITGRAPH_CONCEPT_SNAPSHOT: string | undefined;

const builtinIndex: { index?: ConceptIndex } = {};

/** The built-in index: the compiled-in snapshot's if it is of this process's data, else built. */
function builtin(): ConceptIndex {
  const snapshot =
    typeof LITGRAPH_CONCEPT_SNAPSHOT === "undefined" ? undefined : LITGRAPH_CONCEPT_SNAPSHOT;
  return (snapshot && restoreIndex(snapshot)) || buildIndex(loadOntology([]));
}

/** The concept index for these options (the built-in one is made once and cached). */
export function conceptIndex(opts: ExtractOptions = {}): ConceptIndex {
  const r = resolveOptions(opts);
  if (r.ontologies.length === 0 && r.builtinOntology) {
    builtinIndex.index ??= builtin();
    return builtinIndex.index;
  }
  return buildIndex(loadOntology(r.ontologies, { builtin: r.builtinOntology }));
}
