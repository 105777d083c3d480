/**
 * Graph exports: JSON (graphology export + meta), GEXF 1.3, GraphML, CSV (nodes + edges).
 * Pure string builders (toJson, toGexf, toGraphML, toCsv; browser code imports them from
 * ./pure.ts, which has no Node imports) and writeGraph for Node, which validates the graph and
 * writes atomically. docs/export.md says how
 * each file opens in Gephi, Gephi Lite, networkx, yEd, Cytoscape, Neo4j and Spark.
 */
import { basename, dirname, extname, join } from "node:path";
import { writeFileAtomic } from "../common/fs.ts";
import { type CanonicalGraph, GraphFile, type SerializedGraph } from "../graph/schema.ts";
import { type CsvFiles, type CsvOptions, type CsvShape, toCsv } from "./csv.ts";
import { type EdgeMode, toGexf } from "./gexf.ts";
import { toGraphML } from "./graphml.ts";
import { canonicalGraph, canonicalJson, type JsonLayout, jsonLineChunks } from "./json.ts";

export * from "./pure.ts";

/** Formats writeGraph accepts. */
export const EXPORT_FORMATS = ["json", "gexf", "graphml", "csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface WriteGraphOptions {
  format: ExportFormat;
  /**
   * json/gexf/graphml: the file to write. csv: a directory (writes <out>/nodes.csv and
   * <out>/edges.csv), or a path with an extension, e.g. out/graph.csv, which writes
   * out/graph-nodes.csv and out/graph-edges.csv.
   */
  out: string;
  /** json only; default "lines" (one node/edge per line). */
  jsonLayout?: JsonLayout;
  /** gexf/graphml; default "directed" (networkx cannot read mixed files). */
  edgeMode?: EdgeMode;
  /** graphml only; default false: add yFiles graphics for yEd (see GraphMLOptions.yed). */
  yed?: boolean;
  /** csv only; default "neo4j". */
  csvShape?: CsvShape;
  /** gexf/graphml/csv: joins string lists; default "; ". */
  listSeparator?: string;
}

/** The two files a csv export of `out` writes (see WriteGraphOptions.out). */
export function csvPaths(out: string): CsvFiles {
  const ext = extname(out);
  if (ext === "") return { nodes: join(out, "nodes.csv"), edges: join(out, "edges.csv") };
  const stem = basename(out, ext);
  return {
    nodes: join(dirname(out), `${stem}-nodes.csv`),
    edges: join(dirname(out), `${stem}-edges.csv`),
  };
}

function describeIssue(issue: { path: PropertyKey[]; message: string }, graph: unknown): string {
  const [list, index] = issue.path;
  let where = issue.path.map(String).join(".") || "(root)";
  if ((list === "nodes" || list === "edges") && typeof index === "number") {
    const item = (graph as Record<string, unknown[]>)[list]?.[index] as
      | { key?: unknown; source?: unknown; target?: unknown }
      | undefined;
    const name = list === "nodes" ? item?.key : (item?.key ?? `${item?.source}→${item?.target}`);
    where += ` (${list === "nodes" ? "node" : "edge"} ${JSON.stringify(name)})`;
  }
  return `${where}: ${issue.message}`;
}

/**
 * A graph from anywhere (a parsed file, a message) validated against src/graph/schema.ts and made
 * canonical (a sorted copy), for writeGraph. Throws "export: …" naming the first bad node/edge.
 * A graph `serialize` made needs neither: it is a CanonicalGraph already (a full zod pass over a
 * 6,318-paper graph took about 1.4 s).
 */
export function checkedGraph(json: unknown): CanonicalGraph {
  // A graph.json's packed reasons (src/graph/reasons.ts) are unpacked in place (GraphFile).
  const checked = GraphFile.safeParse(json);
  if (!checked.success) {
    const issues = checked.error.issues.slice(0, 3).map((i) => describeIssue(i, json));
    throw new Error(`export: the graph does not match src/graph/schema.ts: ${issues.join("; ")}`);
  }
  // The input itself, not zod's copy of it: keys the schema does not name are kept.
  return canonicalGraph(json as SerializedGraph);
}

/** Write a canonical graph (serialize, checkedGraph) atomically. Returns the paths written. */
export function writeGraph(serialized: CanonicalGraph, options: WriteGraphOptions): string[] {
  const { format, out } = options;
  const flatOptions = { listSeparator: options.listSeparator };
  switch (format) {
    case "json":
      // The default layout is written chunk by chunk: a 100k-paper graph.json is longer than
      // the largest string V8 can hold.
      writeFileAtomic(
        out,
        (options.jsonLayout ?? "lines") === "lines"
          ? jsonLineChunks(serialized)
          : canonicalJson(serialized, { layout: options.jsonLayout }),
      );
      return [out];
    case "gexf":
      writeFileAtomic(out, toGexf(serialized, { ...flatOptions, edgeMode: options.edgeMode }));
      return [out];
    case "graphml":
      writeFileAtomic(
        out,
        toGraphML(serialized, { ...flatOptions, edgeMode: options.edgeMode, yed: options.yed }),
      );
      return [out];
    case "csv": {
      const csvOptions: CsvOptions = { ...flatOptions, shape: options.csvShape };
      const files = toCsv(serialized, csvOptions);
      const paths = csvPaths(out);
      writeFileAtomic(paths.nodes, files.nodes);
      writeFileAtomic(paths.edges, files.edges);
      return [paths.nodes, paths.edges];
    }
    default:
      throw new Error(
        `export: unknown format ${JSON.stringify(format)} (expected ${EXPORT_FORMATS.join(", ")})`,
      );
  }
}
