// The hand-made extraction of the seed papers (test/fixtures/graph/seed-extracted.json), the
// input of the graph tests. A fresh copy on each call: tests may reorder or slice it.
import { readFileSync } from "node:fs";
import type { ExtractedPaper } from "../src/extract/types.ts";

const text = readFileSync(new URL("./fixtures/graph/seed-extracted.json", import.meta.url), "utf8");

export function seedExtracted(): ExtractedPaper[] {
  return JSON.parse(text);
}
