// The built-in ontology's concept index as plain JSON (a snapshot), so that a process can restore
// it instead of building it: building takes 0.1–0.15 s of every extracting process (zod checks of
// the ontology files, then every surface form and word-form variant tokenised into the tries);
// restoring takes a fifth of that. scripts/build.mjs takes the snapshot when it compiles dist/
// (src/ builds the index as before). A snapshot names the data it was taken from (`key`, a hash
// of the ontology files and the word lists the index reads): one whose key is not the data's in
// this process is refused, so a stale snapshot is never used.
import { headNouns, spelling, wordForms } from "./lexicon/index.ts";
import { buildIndex, type ConceptIndex } from "./matcher.ts";
import { BUILTIN_ONTOLOGY, loadOntology } from "./ontology/load.ts";
import type { Concept } from "./ontology/schema.ts";
import type { TrieNode } from "./trie.ts";

/** The snapshot layout's version: a snapshot of another version is refused. */
export const SNAPSHOT_FORMAT = 1;

/** A trie node as [values, [key, child][]], children in the trie's insertion order. */
export type PackedTrie = [number[], [string, PackedTrie][]];

export interface ConceptIndexSnapshot {
  format: number;
  /** conceptInputsKey of the data the snapshot was taken from. */
  key: string;
  concepts: Concept[];
  norm: PackedTrie;
  exact: PackedTrie;
  ambiguous: [string, number[]][];
}

/** What the built-in index is made from: the ontology files and the word lists buildIndex reads. */
export interface ConceptInputs {
  ontology: Record<string, unknown>;
  spelling: unknown;
  headNouns: unknown;
  wordForms: unknown;
}

/** The inputs of this process's built-in index. */
export const BUILTIN_INPUTS: ConceptInputs = {
  ontology: BUILTIN_ONTOLOGY,
  spelling,
  headNouns,
  wordForms,
};

/**
 * A 64-bit hash (two 32-bit FNV-1a lanes) of the inputs' JSON text, as 16 hex digits: against a
 * stale snapshot, not against forgery. Browser-safe (no crypto module).
 */
export function conceptInputsKey(inputs: ConceptInputs): string {
  const text = JSON.stringify([
    SNAPSHOT_FORMAT,
    inputs.ontology,
    inputs.spelling,
    inputs.headNouns,
    inputs.wordForms,
  ]);
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, "0");
  return hex(a) + hex(b);
}

function packTrie(node: TrieNode<number>): PackedTrie {
  return [node.values, [...node.next].map(([k, child]) => [k, packTrie(child)])];
}

function unpackTrie([values, children]: PackedTrie): TrieNode<number> {
  const next = new Map<string, TrieNode<number>>();
  for (const [k, child] of children) next.set(k, unpackTrie(child));
  return { next, values };
}

/** The snapshot of `index`, built from `inputs`. */
export function snapshotIndex(index: ConceptIndex, inputs: ConceptInputs): ConceptIndexSnapshot {
  return {
    format: SNAPSHOT_FORMAT,
    key: conceptInputsKey(inputs),
    concepts: index.concepts,
    norm: packTrie(index.norm),
    exact: packTrie(index.exact),
    ambiguous: [...index.ambiguous],
  };
}

/** The built-in index's snapshot as JSON text (scripts/build.mjs compiles it into dist/). */
export function takeBuiltinSnapshot(): string {
  return JSON.stringify(snapshotIndex(buildIndex(loadOntology([])), BUILTIN_INPUTS));
}

const isPackedTrie = (v: unknown): v is PackedTrie =>
  Array.isArray(v) && v.length === 2 && Array.isArray(v[0]) && Array.isArray(v[1]);

/**
 * The index a snapshot (its JSON text) holds, or undefined when it is of another format, is not
 * of the data `inputs` hold (its key differs) or does not have the snapshot's shape.
 */
export function restoreIndex(
  json: string,
  inputs: ConceptInputs = BUILTIN_INPUTS,
): ConceptIndex | undefined {
  let s: Partial<ConceptIndexSnapshot>;
  try {
    s = JSON.parse(json) as Partial<ConceptIndexSnapshot>;
  } catch {
    return undefined;
  }
  if (
    s?.format !== SNAPSHOT_FORMAT ||
    s.key !== conceptInputsKey(inputs) ||
    !Array.isArray(s.concepts) ||
    !isPackedTrie(s.norm) ||
    !isPackedTrie(s.exact) ||
    !Array.isArray(s.ambiguous)
  )
    return undefined;
  const concepts = s.concepts;
  return {
    concepts,
    byId: new Map(concepts.map((c) => [c.id, c])),
    norm: unpackTrie(s.norm),
    exact: unpackTrie(s.exact),
    ambiguous: new Map(s.ambiguous),
  };
}
