// Paper lists written as BibLaTeX, RIS, CSL-JSON or CSV, for the CLI (`clusters --community N
// --format …`, `related … --format …`) and the web view's export menu. Browser-safe.
import type Graph from "graphology";
import { writeBibtex } from "./bibtex.ts";
import { writeCsl } from "./csl.ts";
import { writeCsv } from "./csv.ts";
import { type ExportItem, exportItem, type PaperFields } from "./item.ts";
import { writeRis } from "./ris.ts";

export const RECORD_FORMATS = ["bibtex", "ris", "csl", "csv"] as const;
export type RecordFormat = (typeof RECORD_FORMATS)[number];

export const RECORD_FILES: Record<RecordFormat, { ext: string; mime: string; name: string }> = {
  bibtex: { ext: "bib", mime: "application/x-bibtex", name: "BibTeX" },
  ris: { ext: "ris", mime: "application/x-research-info-systems", name: "RIS" },
  csl: { ext: "json", mime: "application/vnd.citationstyles.csl+json", name: "CSL-JSON" },
  csv: { ext: "csv", mime: "text/csv", name: "CSV" },
};

const WRITERS: Record<RecordFormat, (items: ExportItem[]) => string> = {
  bibtex: writeBibtex,
  ris: writeRis,
  csl: writeCsl,
  csv: writeCsv,
};

export const isRecordFormat = (f: string): f is RecordFormat =>
  (RECORD_FORMATS as readonly string[]).includes(f);

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

export type { PaperFields } from "./item.ts";
