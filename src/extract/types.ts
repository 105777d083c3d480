import { z } from "zod";
import { PaperRecord } from "../ingest/types.ts";

import { EntityType } from "./entity-types.ts";

export { ENTITY_TYPES, EntityType } from "./entity-types.ts";

export const Rule = z.enum([
  "ontology",
  "abbreviation",
  "pattern",
  "title",
  "noun-phrase",
  "head-noun",
  "source",
  "name",
]);
export type Rule = z.infer<typeof Rule>;

/**
 * What the paper does with a method, model or dataset in the mention's sentence: "we use /
 * adopt / fine-tune X" → used, "we propose / introduce / present X" → proposed (src/extract/roles.ts).
 */
export const MentionRole = z.enum(["used", "proposed"]);
export type MentionRole = z.infer<typeof MentionRole>;

export const Mention = z.object({
  field: z.enum(["title", "abstract"]),
  /** Character offsets into the field: text === field.slice(start, end). */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  sentence: z.string(),
  rule: Rule,
  confidence: z.number().min(0).max(1),
  /** Absent when the sentence says neither. */
  role: MentionRole.optional(),
});
export type Mention = z.infer<typeof Mention>;

export const Entity = z.object({
  type: EntityType,
  /** Canonical label, the same in every paper. */
  label: z.string(),
  /** "<type>:<slug of label>", the graph node key. */
  id: z.string(),
  aliases: z.array(z.string()).optional(),
  /** is-a parents (entity ids) from the ontology. */
  parents: z.array(z.string()).optional(),
  /** Topic relevance (VOSviewer-style) where type is topic. */
  relevance: z.number().optional(),
  mentions: z.array(Mention).min(1),
});
export type Entity = z.infer<typeof Entity>;

export const ExtractedPaper = PaperRecord.extend({ entities: z.array(Entity) });
export type ExtractedPaper = z.infer<typeof ExtractedPaper>;
