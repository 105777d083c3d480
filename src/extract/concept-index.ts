// The concept index extraction matches against: the built-in ontology's (built once, kept) or
// one built for the options' own ontologies.
import { buildIndex, type ConceptIndex } from "./matcher.ts";
import { loadOntology } from "./ontology/load.ts";
import { type ExtractOptions, resolveOptions } from "./options.ts";

const builtinIndex: { index?: ConceptIndex } = {};

/** The concept index for these options (the built-in one is built once and cached). */
export function conceptIndex(opts: ExtractOptions = {}): ConceptIndex {
  const r = resolveOptions(opts);
  if (r.ontologies.length === 0 && r.builtinOntology) {
    builtinIndex.index ??= buildIndex(loadOntology([]));
    return builtinIndex.index;
  }
  return buildIndex(loadOntology(r.ontologies, { builtin: r.builtinOntology }));
}
