// One reason of a similar edge (an item of its breakdown), apart from schema.ts so that the
// packing of reasons (reasons.ts), which schema.ts uses to read graph.json, can name it without
// an import cycle.
import { z } from "zod";

export const ShareItem = z.object({
  /** "author" or an entity type. */
  kind: z.string(),
  /** The shared node's key. */
  node: z.string(),
  label: z.string(),
  /** This item's part of the edge weight (shares sum to 1). */
  share: z.number(),
});
export type ShareItem = z.infer<typeof ShareItem>;

/**
 * The kind of a reason that is a citation between the edge's two papers themselves (one's
 * `cites:<id>` item naming the other, citations.ts), not a reference they share; reasons.ts
 * `fromPaper` tells which way it goes.
 */
export const DIRECT_CITATION = "direct-citation";
