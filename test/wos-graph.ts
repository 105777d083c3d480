// The graph of a real Web of Science slice (test/fixtures/sources/wos-slice.isi, see its
// ORIGIN.md) whose papers cite each other and share references, built without entities: shared
// by the tests of citation reasons and of graph.json's packed reasons.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ExtractedPaper } from "../src/extract/types.ts";
import { buildGraph } from "../src/graph/build.ts";
import { serialize } from "../src/graph/serialize.ts";
import { parseText } from "../src/ingest/index.ts";

const file = join(import.meta.dirname, "fixtures", "sources", "wos-slice.isi");
export const records = parseText(readFileSync(file, "utf8"), "wos-slice.isi", {
  asOf: new Date("2026-12-01T00:00:00Z"),
}).papers;
export const papers: ExtractedPaper[] = records.map((p) => ({ ...p, entities: [] }));
export const built = buildGraph(papers);
export const serialized = serialize(built);
export const cites = serialized.edges.filter((e) => e.attributes.type === "cites");
