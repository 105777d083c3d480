/**
 * Which numeric attributes the graph schema declares as integers and which as reals, read from
 * the zod schemas in src/graph/schema.ts, so an export declares `mapY` a double even when every
 * value in one graph happens to be whole.
 */
import type { z } from "zod";
import { EdgeAttributes, NodeAttributes } from "../graph/schema.ts";

export type NumberKind = "integer" | "double";

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema as z.ZodType & { unwrap?: () => z.ZodType };
  while (typeof s.unwrap === "function" && s._zod.def.type !== "array") {
    s = s.unwrap() as typeof s;
  }
  return s;
}

function collect(options: readonly z.ZodObject[]): Map<string, NumberKind> {
  const kinds = new Map<string, NumberKind>();
  for (const option of options) {
    for (const [name, field] of Object.entries(option.shape as Record<string, z.ZodType>)) {
      const inner = unwrap(field);
      if (inner._zod.def.type !== "number") continue;
      const format = (inner as unknown as { format?: string | null }).format ?? "";
      const kind: NumberKind = /int/.test(format) ? "integer" : "double";
      const seen = kinds.get(name);
      kinds.set(name, seen && seen !== kind ? "double" : kind);
    }
  }
  return kinds;
}

/** Numeric node attributes declared in the schema and their kind. */
export const NODE_NUMBER_KINDS: ReadonlyMap<string, NumberKind> = collect(NodeAttributes.options);
/** Numeric edge attributes declared in the schema and their kind. */
export const EDGE_NUMBER_KINDS: ReadonlyMap<string, NumberKind> = collect(EdgeAttributes.options);
