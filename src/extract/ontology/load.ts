// The ontology: built-in JSON data files plus user documents, validated and merged by concept id.

import conditions from "./data/conditions.json" with { type: "json" };
import datasets from "./data/datasets.json" with { type: "json" };
import extra from "./data/extra.json" with { type: "json" };
import methods from "./data/methods.json" with { type: "json" };
import modalities from "./data/modalities.json" with { type: "json" };
import models from "./data/models.json" with { type: "json" };
import tasks from "./data/tasks.json" with { type: "json" };
import { type Concept, OntologyFile } from "./schema.ts";

/** Every built-in data file, in merge order (the first file to define an id gives its label/type). */
export const BUILTIN_ONTOLOGY: Record<string, unknown> = {
  "methods.json": methods,
  "modalities.json": modalities,
  "tasks.json": tasks,
  "datasets.json": datasets,
  "conditions.json": conditions,
  "models.json": models,
  "extra.json": extra,
};

/** Validate one ontology document; the error names the document and the bad concept. */
export function parseOntology(doc: unknown, where: string): OntologyFile {
  const r = OntologyFile.safeParse(doc);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const path = issue?.path ?? [];
  let what = path.join(".") || "(document)";
  if (path[0] === "concepts" && typeof path[1] === "number") {
    const raw = (doc as { concepts?: unknown[] }).concepts?.[path[1]] as
      | { id?: unknown; label?: unknown }
      | undefined;
    const name = raw?.id ?? raw?.label;
    what = `concept ${path[1]}${typeof name === "string" ? ` "${name}"` : ""}, field ${path.slice(2).join(".") || "(concept)"}`;
  }
  throw new Error(`extract/ontology: ${where}: ${what}: ${issue?.message ?? "invalid"}`);
}

function mergeInto(into: Map<string, Concept>, c: Concept, override: boolean): void {
  const old = into.get(c.id);
  if (!old) {
    into.set(c.id, { ...c, aliases: [...c.aliases], abbreviations: [...c.abbreviations] });
    return;
  }
  const aliases = [...new Set([...old.aliases, ...c.aliases])];
  const abbrev = new Map(old.abbreviations.map((a) => [a.text, a]));
  for (const a of c.abbreviations) if (override || !abbrev.has(a.text)) abbrev.set(a.text, a);
  into.set(c.id, {
    ...(override ? c : old),
    aliases,
    abbreviations: [...abbrev.values()],
    parents: [...new Set([...old.parents, ...c.parents])],
  });
}

export interface LoadOntologyOptions {
  /** Include the built-in data files (default true). */
  builtin?: boolean;
}

/**
 * The merged concept list: built-in files (unless builtin: false), then each user document.
 * A user concept with a known id overrides label, type and flags; aliases and parents are unioned.
 * Throws "extract/ontology: user ontology #i (name): concept k "id", field …" on a bad document.
 */
export function loadOntology(user: unknown[] = [], opts: LoadOntologyOptions = {}): Concept[] {
  const byId = new Map<string, Concept>();
  if (opts.builtin ?? true) {
    for (const [file, doc] of Object.entries(BUILTIN_ONTOLOGY)) {
      for (const c of parseOntology(doc, file).concepts) mergeInto(byId, c, false);
    }
  }
  user.forEach((doc, i) => {
    const name = (doc as { name?: unknown })?.name;
    const where = `user ontology #${i + 1}${typeof name === "string" ? ` (${name})` : ""}`;
    for (const c of parseOntology(doc, where).concepts) mergeInto(byId, c, true);
  });
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
