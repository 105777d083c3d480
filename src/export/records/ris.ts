// RIS tag lines ("TY  - JOUR" … "ER  - "), written here: citation-js's RIS output leaves the DOI
// out of conference papers and the year in C2, which readers do not take as the year.
import type { ExportItem } from "./item.ts";

/** One line per value; RIS has no escapes, so line breaks inside a value become spaces. */
const line = (tag: string, value: string) => `${tag}  - ${value.replace(/\s*[\r\n]+\s*/g, " ")}`;

function risDate(parts: number[]): string {
  const [y, m, d] = parts;
  return `${y}/${m ? String(m).padStart(2, "0") : ""}/${d ? String(d).padStart(2, "0") : ""}/`;
}

function risRecord(p: ExportItem): string[] {
  const out = [line("TY", p.venue ? "JOUR" : "GEN"), line("ID", p.id), line("TI", p.title)];
  for (const a of p.authors) out.push(line("AU", a.given ? `${a.family}, ${a.given}` : a.family));
  if (p.dateParts) out.push(line("PY", String(p.dateParts[0])), line("DA", risDate(p.dateParts)));
  if (p.venue) out.push(line("T2", p.venue));
  if (p.doi) out.push(line("DO", p.doi));
  if (p.url) out.push(line("UR", p.url));
  if (p.abstract) out.push(line("AB", p.abstract));
  for (const k of p.keywords) out.push(line("KW", k));
  out.push("ER  - ", "");
  return out;
}

export function writeRis(items: ExportItem[]): string {
  return items.flatMap(risRecord).join("\r\n");
}
