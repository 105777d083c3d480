// BibLaTeX through citation-js (its LaTeX escaping of accents, braces, %, &): @article /
// @misc entries with date, doi, url, abstract and keywords, which Zotero, JabRef and biber
// import and litgraph's BibTeX reader reads back.
import { citationPlugins } from "../../ingest/readers/citation-js.ts";
import { cslItem } from "./csl.ts";
import type { ExportItem } from "./item.ts";

export function writeBibtex(items: ExportItem[]): string {
  if (items.length === 0) return "";
  return citationPlugins().output.format("biblatex", items.map(cslItem)) as string;
}
