// Count the records in an input file without the readers, so a conservation test can fail when
// a reader drops or invents records: entry markers for BibTeX/RIS/XML, array lengths for JSON,
// CSV rows by csv-parse, and the gold list for the seed listing.
import { parse as parseCsv } from "csv-parse/sync";

/** BibTeX entry types that are not records (macros, comments, the venue container). */
const NOT_RECORDS = new Set(["comment", "preamble", "string", "proceedings", "mvproceedings"]);

/** One part of a @string value: "quoted", {braced} (one level of nested braces), a number or a name. */
const PART = String.raw`(?:"[^"]*"|\{(?:[^{}]|\{[^{}]*\})*\}|\d+|[A-Za-z_][\w:+-]*)`;
/** A well-formed `@string{name = part # part …}` from its "@" on. */
const GOOD_STRING = new RegExp(
  String.raw`^@[ \t]*string[ \t]*[{(]\s*[A-Za-z_][\w:+-]*\s*=\s*${PART}(?:\s*#\s*${PART})*\s*[})]`,
  "i",
);

/**
 * Entries at a line start, except those that are not records; a @string that is not well formed
 * counts, since the reader reports it as a rejected record.
 */
function countBibtex(text: string): number {
  let n = 0;
  for (const m of text.matchAll(/^[ \t]*@([A-Za-z]+)[ \t]*[{(]/gm)) {
    const type = (m[1] as string).toLowerCase();
    if (type === "string") {
      if (!GOOD_STRING.test(text.slice(m.index + m[0].indexOf("@"), m.index + 100_000))) n++;
    } else if (!NOT_RECORDS.has(type)) n++;
  }
  return n;
}

/** Objects that carry a "paperId" key, anywhere in the response. */
function countPaperIds(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + countPaperIds(v), 0);
  if (!value || typeof value !== "object") return 0;
  let n = "paperId" in value ? 1 : 0;
  for (const v of Object.values(value)) n += countPaperIds(v);
  return n;
}

function countJsonArray(text: string): number {
  const data = JSON.parse(text.replace(/^\uFEFF/, "")) as unknown;
  if (Array.isArray(data)) return data.length;
  if (data && typeof data === "object" && Array.isArray((data as { data?: unknown }).data))
    return ((data as { data: unknown[] }).data as unknown[]).length;
  return 1;
}

/** OpenAlex `results` / Crossref `message.items`, else one work. */
function countWorks(text: string, format: string): number {
  const data = JSON.parse(text.replace(/^\uFEFF/, "")) as Record<string, unknown>;
  const list =
    format === "openalex" ? data.results : (data.message as Record<string, unknown>)?.items;
  return Array.isArray(list) ? list.length : 1;
}

/** WoS: PT lines of the plain-text export, else the data rows of a tab-delimited one. */
function countWos(text: string): number {
  const clean = text.replace(/^\uFEFF/, "");
  if (clean.startsWith("PT\t")) return clean.split(/\r?\n/).filter((l) => l.trim()).length - 1;
  return (clean.match(/^PT /gm) ?? []).length;
}

function countCsvRows(text: string): number {
  const rows = parseCsv(text.replace(/^\uFEFF/, ""), {
    relax_column_count: true,
    skip_empty_lines: true,
  }) as unknown[];
  return Math.max(0, rows.length - 1);
}

/**
 * Records in `text` read as `format`, counted without the reader; `seedCount` is the number of
 * papers the gold file lists for a seed listing (the listing has no record marker to count).
 */
export function countRecords(format: string, text: string, seedCount?: number): number {
  switch (format) {
    case "bibtex":
      return countBibtex(text);
    case "ris":
      return (text.match(/^TY {2}- /gm) ?? []).length;
    case "atom":
      return (text.match(/<(\w+:)?entry[\s>]/g) ?? []).length;
    case "oaipmh":
      return (text.match(/<record[\s>]/g) ?? []).length;
    case "semanticscholar":
      return countPaperIds(JSON.parse(text));
    case "csl":
    case "paperlists":
      return countJsonArray(text);
    case "scopus":
      return countCsvRows(text);
    case "openalex":
    case "crossref":
      return countWorks(text, format);
    case "pubmed":
      return (text.match(/<Pubmed(Book)?Article[\s>]/g) ?? []).length;
    case "medline":
      return (text.match(/^PMID- /gm) ?? []).length;
    case "wos":
      return countWos(text);
    case "seed":
      if (seedCount === undefined) throw new Error("count: a seed listing needs its gold count");
      return seedCount;
    default:
      throw new Error(`count: no independent counter for format '${format}'`);
  }
}
