// The entity types, written once: the extraction's Entity.type, the ontology's concept types
// (all but topic and keyword), the graph's concept node types (src/graph/schema.ts) and the web
// view's type filters all come from this tuple. Its order is the order they are listed in.
import { z } from "zod";

export const ENTITY_TYPES = [
  "method",
  "modality",
  "task",
  "dataset",
  "condition",
  "model",
  "topic",
  "keyword",
] as const;

export const EntityType = z.enum(ENTITY_TYPES);
export type EntityType = z.infer<typeof EntityType>;
