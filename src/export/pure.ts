// The browser-safe half of src/export: string builders only, no Node imports.
export type { CsvFiles, CsvOptions, CsvShape } from "./csv.ts";
export { csvField, neo4jLabels, neo4jRelType, toCsv } from "./csv.ts";
export type { FlatEdge, FlatGraph, FlatNode, FlattenOptions } from "./flatten.ts";
export { flattenGraph } from "./flatten.ts";
export type { EdgeMode, GexfOptions } from "./gexf.ts";
export { toGexf } from "./gexf.ts";
export type { GraphMLOptions } from "./graphml.ts";
export { toGraphML } from "./graphml.ts";
export type { JsonLayout, JsonOptions } from "./json.ts";
export { canonicalGraph, canonicalJson, toJson } from "./json.ts";
export { communityColor } from "./palette.ts";
export { cleanXmlText } from "./xml.ts";
