// Scopus CSV export reader (UTF-8 BOM, quoted multi-line fields, 45 columns). Records are split
// with their starting lines (split.ts) and each is parsed by csv-parse on its own, so a
// broken row is rejected alone. Columns are found by header name.
// The browser build bundles its own Buffer shim, so this reader also runs in the web worker.
import { parse } from "csv-parse/browser/esm/sync";
import { makeAuthor } from "../../names.ts";
import { buildRecord, normaliseArxivId } from "../../record.ts";
import { parseUnstructured } from "../../references.ts";
import type { Author, FormatReader, ParseResult, Reference, Rejected } from "../../types.ts";
import { errorText, parseLooseDate, uniqueAuthors } from "../common.ts";
import { type CsvChunk, splitCsv } from "./split.ts";

const FORMAT = "scopus";
const NO_AUTHOR = /^\[No author name available\]$/i;

function parseRow(chunk: CsvChunk): string[] {
  const rows = parse(chunk.text, {
    relax_column_count: true,
    record_delimiter: ["\r\n", "\n", "\r"],
  });
  return (rows[0] as string[] | undefined) ?? [];
}

/** "Last F.M." → {family: "Last", given: "F.M."}; "Last, First" and "First Last" via makeAuthor. */
export function scopusAuthor(raw: string): Author | null {
  const name = raw.replace(/\(\d+\)\s*$/, "").trim();
  if (!name || NO_AUTHOR.test(name)) return null;
  if (name.includes(",")) return makeAuthor(name);
  const m = /^(.+?)\s+((?:\p{Lu}[\p{Ll}]?\.\s*-?\s*)+)$/u.exec(name);
  if (m) return makeAuthor({ family: m[1] ?? "", given: (m[2] ?? "").replace(/\s+/g, "") });
  return makeAuthor(name);
}

/**
 * "A B., C D." or "A B.; C D." → names; "Author full names" uses "Last, First (id); …". Each
 * author's Scopus id (`ids.scopus`) comes from that "(id)", else from the "Author(s) ID" column
 * ("id;id;…") when it lists one id per name.
 */
export function scopusAuthors(abbrev: string, full: string, idColumn = ""): Author[] {
  const source = full.trim() ? full : abbrev;
  if (!source.trim() || NO_AUTHOR.test(source.trim())) return [];
  const parts =
    source.includes(";") || full.trim() ? source.split(";") : source.split(/,\s+(?=\S)/);
  const listed = idColumn
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean);
  const ids = listed.length === parts.length && listed.every((s) => /^\d+$/.test(s)) ? listed : [];
  const authors = parts.map((part, i) => {
    const a = scopusAuthor(part);
    const id = /\((\d+)\)\s*$/.exec(part)?.[1] ?? ids[i];
    return a && id ? { ...a, ids: { scopus: id } } : a;
  });
  return uniqueAuthors(authors.filter((a): a is Author => a !== null));
}

/** The "References" column: free-text references separated by "; ". */
export function scopusReferences(field: string): Reference[] {
  return field
    .split(/;\s+(?=\S)/)
    .map((r) => r.trim())
    .filter(Boolean)
    .map(parseUnstructured)
    .filter((r): r is Reference => r !== null);
}

/** Parse a Scopus CSV export; never throws on bad input. */
export function parseScopus(text: string, file: string): ParseResult {
  const papers: ParseResult["papers"] = [];
  const rejected: Rejected[] = [];
  const chunks = splitCsv(text);
  const head = chunks.shift();
  if (!head) return { papers, rejected };
  let header: string[];
  try {
    header = parseRow(head).map((h) => h.trim());
  } catch (err) {
    rejected.push({
      file,
      line: head.line,
      format: FORMAT,
      reason: `bad header: ${errorText(err)}`,
    });
    return { papers, rejected };
  }
  const col = (name: string) => header.indexOf(name);
  const idx = {
    authors: col("Authors"),
    full: col("Author full names"),
    ids: col("Author(s) ID"),
    title: col("Title"),
    year: col("Year"),
    source: col("Source title"),
    doi: col("DOI"),
    link: col("Link"),
    abstract: col("Abstract"),
    keywords: col("Author Keywords"),
    references: col("References"),
    pmid: col("PubMed ID"),
  };
  for (const chunk of chunks) {
    const reject = (reason: string, entry?: string) =>
      rejected.push({ file, line: chunk.line, entry, format: FORMAT, reason });
    if (chunk.unclosed) {
      reject("quoted field is never closed");
      continue;
    }
    let row: string[];
    try {
      row = parseRow(chunk);
    } catch (err) {
      reject(`CSV syntax error: ${errorText(err)}`);
      continue;
    }
    const get = (i: number) => (i >= 0 ? (row[i] ?? "").trim() : "");
    // Some exports shift later columns by one; the EID is found by its shape, wherever it is.
    const eid = row.find((v) => /^2-s2\.0-\d+$/.test(v.trim()))?.trim();
    if (row.length < header.length / 2) {
      reject(`row has ${row.length} of ${header.length} columns`, eid);
      continue;
    }
    const title = get(idx.title);
    if (!title) {
      reject("no title", eid);
      continue;
    }
    const yearText = get(idx.year);
    const date = parseLooseDate(yearText);
    if (yearText && !date) {
      reject(`unparseable year "${yearText}"`, eid);
      continue;
    }
    const link = get(idx.link);
    papers.push(
      buildRecord({
        title,
        authors: scopusAuthors(get(idx.authors), get(idx.full), get(idx.ids)),
        date,
        abstract: /^\[No abstract available\]$/i.test(get(idx.abstract)) ? "" : get(idx.abstract),
        doi: get(idx.doi),
        arxivId: /arxiv\.org\//i.test(link) ? normaliseArxivId(link) : null,
        links: /^https?:\/\//.test(link) ? [link] : [],
        tags: get(idx.keywords)
          .split(";")
          .map((k) => k.trim())
          .filter(Boolean),
        keywords: get(idx.keywords).split(";"),
        venue: get(idx.source) || null,
        ids: { pmid: /^\d+$/.test(get(idx.pmid)) ? get(idx.pmid) : undefined },
        references: scopusReferences(get(idx.references)),
        sources: [{ file, line: chunk.line, entry: eid, format: FORMAT }],
      }),
    );
  }
  return { papers, rejected };
}

/** Content sniff: a CSV header line with Scopus's column names. */
function detect(text: string): boolean {
  const first = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/, 1)[0] ?? "";
  return (
    /(^|,)"?Title"?(,|$)/.test(first) &&
    /(^|,)"?(Source title|EID|Author\(s\) ID|Authors)"?(,|$)/.test(first) &&
    /(^|,)"?(Source title|EID)"?(,|$)/.test(first)
  );
}

export const reader: FormatReader = {
  format: FORMAT,
  detect: (text) => detect(text),
  parse: (text, file) => parseScopus(text, file),
};
