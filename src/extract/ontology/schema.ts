import { z } from "zod";
import { EntityType } from "../types.ts";

/**
 * One ontology concept. `id` is "<type>:<slug>" and unique; `parents` are is-a ids.
 * `aliases` are other surface forms (matched case-insensitively after normalisation);
 * `abbreviations` are short forms, matched on their own only when `safe` (unambiguous,
 * e.g. "ECG", "MIMIC-IV") or when the paper defines them ("dataset condensation (DC)").
 */
export const Concept = z.object({
  id: z.string().regex(/^[a-z]+:[a-z0-9-]+$/),
  type: EntityType.exclude(["topic", "keyword"]),
  label: z.string().min(1),
  aliases: z.array(z.string()).default([]),
  abbreviations: z
    .array(z.object({ text: z.string().min(1), safe: z.boolean().default(false) }))
    .default([]),
  parents: z.array(z.string()).default([]),
  /** Case-sensitive matching for every surface form (e.g. dataset names that are words). */
  caseSensitive: z.boolean().default(false),
});
export type Concept = z.infer<typeof Concept>;

export const OntologyFile = z.object({
  name: z.string(),
  description: z.string().optional(),
  concepts: z.array(Concept),
});
export type OntologyFile = z.infer<typeof OntologyFile>;
