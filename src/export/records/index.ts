// Paper lists written as BibLaTeX, RIS, CSL-JSON or CSV, for the CLI (`clusters --community N
// --format …`, `related … --format …`) and the web view's export menu. Browser-safe.
import type Graph from "graphology";
import { writeBibtex } from "./bibtex.ts";
import { writeCsl } from "./csl.ts";
import { writeCsv } from "./csv.ts";
import type { RecordFormat } from "./formats.ts";
import { type ExportItem, exportItem, type PaperFields } from "./item.ts";
import { writeRis } from "./ris.ts";

const WRITERS: Record<RecordFormat, (items: ExportItem[]) => string> = {
  bibtex: writeBibtex,
  ris: writeRis,
  csl: writeCsl,
  csv: writeCsv,
};

/** The papers, in the order given, as a file of the format. */
export function writeRecords(papers: PaperFields[], format: RecordFormat): string {
  return WRITERS[format](papers.map(exportItem));
}

/** The paper nodes of a graph (other keys skipped), as a file of the format. */
export function exportPapers(graph: Graph, nodes: string[], format: RecordFormat): string {
  const papers = nodes
    .filter((n) => graph.hasNode(n) && graph.getNodeAttribute(n, "type") === "paper")
    .map((n) => graph.getNodeAttributes(n) as unknown as PaperFields);
  return writeRecords(papers, format);
}

export * from "./formats.ts";
export type { PaperFields } from "./item.ts";
