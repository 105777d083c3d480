// CSV with Scopus's column names (one row per paper, RFC 4180 quoting), so a spreadsheet opens
// it and litgraph's Scopus reader reads it back.
import type { ExportItem } from "./item.ts";

const HEADER = [
  "Authors",
  "Author full names",
  "Title",
  "Year",
  "Source title",
  "DOI",
  "Link",
  "Abstract",
  "Author Keywords",
  "litgraph id",
];

/** Every cell quoted, a quote doubled. */
const cell = (v: string) => `"${v.replace(/"/g, '""')}"`;

function row(p: ExportItem): string[] {
  const full = p.authors.map((a) => (a.given ? `${a.family}, ${a.given}` : a.family));
  return [
    p.authors.map((a) => (a.given ? `${a.given} ${a.family}` : a.family)).join("; "),
    full.join("; "),
    p.title,
    p.dateParts ? String(p.dateParts[0]) : "",
    p.venue ?? "",
    p.doi ?? "",
    p.url ?? "",
    p.abstract,
    p.keywords.join("; "),
    p.id,
  ];
}

export function writeCsv(items: ExportItem[]): string {
  return `${[HEADER, ...items.map(row)].map((r) => r.map(cell).join(",")).join("\r\n")}\r\n`;
}
