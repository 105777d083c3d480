// Web of Science exports: plain text ("FN …" / "VR 1.0" / "PT J" … "ER" … "EF", values
// continued on lines indented by 3 spaces, both the Thomson Reuters and the Clarivate header)
// and tab-delimited (a header row of the same two-letter tags, multi-valued fields joined by
// "; "). AU/AF/CR/C1 take one value per line; other fields join their lines with spaces. Each
// CR line becomes a reference (src/ingest/references.ts).
import { parse } from "csv-parse/browser/esm/sync";
import { squash } from "../../common/text.ts";
import { makeAuthor } from "../names.ts";
import { buildRecord } from "../record.ts";
import { parseCrLine } from "../references.ts";
import type { Author, FormatReader, ParseResult, Reference, Rejected } from "../types.ts";
import { errorText, parseLooseDate, uniqueAuthors } from "./common.ts";

const FORMAT = "wos";
/** Fields whose continuation lines are further values, not more of the same value. */
const LISTS = new Set(["AU", "AF", "CR", "C1", "CA", "BA", "BF", "GP"]);

export interface WosRecord {
  line: number;
  tags: Map<string, string[]>;
  closed: boolean;
}

/** Split plain-text WoS into PT…ER records. */
export function wosRecords(text: string): WosRecord[] {
  const out: WosRecord[] = [];
  let cur: WosRecord | null = null;
  let tag = "";
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const line = raw.replace(/^\uFEFF/, "");
    const m = /^([A-Z][A-Z0-9])(?: (.*))?$/.exec(line);
    if (m && !/^\s/.test(line)) {
      tag = m[1] as string;
      const value = (m[2] ?? "").trim();
      if (tag === "PT") {
        cur = { line: i + 1, tags: new Map(), closed: false };
        out.push(cur);
      } else if (tag === "ER") {
        if (cur) cur.closed = true;
        cur = null;
        return;
      }
      if (cur) cur.tags.set(tag, [...(cur.tags.get(tag) ?? []), value]);
      return;
    }
    const values = cur?.tags.get(tag);
    if (!values || !line.trim()) return;
    if (LISTS.has(tag)) values.push(line.trim());
    else values[values.length - 1] = `${values[values.length - 1]} ${line.trim()}`;
  });
  return out;
}

const first = (r: WosRecord, ...tags: string[]) => {
  for (const t of tags) {
    const v = squash(r.tags.get(t)?.[0] ?? "");
    if (v) return v;
  }
  return "";
};
const list = (r: WosRecord, tag: string) => (r.tags.get(tag) ?? []).map(squash).filter(Boolean);

/** ORCIDs from OI ("Roach, Mack/0000-0001-…; …") keyed by folded "family, given". */
function orcids(r: WosRecord): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of list(r, "OI").join("; ").split(/;\s*/)) {
    const m = /^(.+?)\/(\d{4}-\d{4}-\d{4}-\d{3}[\dX])$/.exec(part.trim());
    const a = m ? makeAuthor(m[1] as string) : null;
    if (a && m) out.set(a.key, m[2] as string);
  }
  return out;
}

/** AF (full names), else AU; group authors (CA) follow, each name whole as a family name. */
function authorsOf(r: WosRecord): Author[] {
  const people = list(r, "AF").length ? list(r, "AF") : list(r, "AU");
  const ids = orcids(r);
  return uniqueAuthors(
    [...people.map((n) => makeAuthor(n)), ...list(r, "CA").map((n) => makeAuthor({ family: n }))]
      .filter((a): a is Author => a !== null)
      .map((a) => (ids.has(a.key) ? { ...a, ids: { orcid: ids.get(a.key) as string } } : a)),
  );
}

function toRecord(r: WosRecord, file: string): ParseResult["papers"][number] | string {
  const title = first(r, "TI");
  if (!title) return "no title (TI)";
  const py = first(r, "PY");
  const date = parseLooseDate(`${first(r, "PD")} ${py}`.trim());
  if (py && !date) return `unparseable year "${py}"`;
  const ut = first(r, "UT");
  const keywords = [...list(r, "DE"), ...list(r, "ID")].join("; ").split(/;\s*/);
  return buildRecord({
    title,
    authors: authorsOf(r),
    date,
    abstract: first(r, "AB"),
    doi: first(r, "DI") || null,
    venue: first(r, "SO") || null,
    tags: [...new Set(keywords.map(squash).filter(Boolean))],
    keywords: list(r, "DE").join("; ").split(/;\s*/),
    ids: { wos: ut || undefined, pmid: /^\d+$/.test(first(r, "PM")) ? first(r, "PM") : undefined },
    references: list(r, "CR")
      .map(parseCrLine)
      .filter((x): x is Reference => x !== null),
    sources: [{ file, line: r.line, entry: ut || undefined, format: FORMAT }],
  });
}

function collect(records: WosRecord[], file: string): ParseResult {
  const out: ParseResult = { papers: [], rejected: [] };
  for (const rec of records) {
    const entry = first(rec, "UT") || undefined;
    const r = rec.closed ? toRecord(rec, file) : "record has no ER line";
    if (typeof r !== "string") out.papers.push(r);
    else
      out.rejected.push({
        file,
        line: rec.line,
        entry,
        format: FORMAT,
        reason: `ingest/wos: ${file}:${rec.line}: ${r}`,
      } satisfies Rejected);
  }
  return out;
}

/** Tab-delimited export: one row per record, values of list fields split at "; ". */
export function tabRecords(text: string): WosRecord[] | string {
  let rows: string[][];
  try {
    rows = parse(text, {
      delimiter: "\t",
      quote: false,
      relax_column_count: true,
      record_delimiter: ["\r\n", "\n", "\r"],
    });
  } catch (err) {
    return errorText(err);
  }
  const header = (rows.shift() ?? []).map((h) => h.replace(/^\uFEFF/, "").trim());
  return rows
    .map((row, i) => {
      const tags = new Map<string, string[]>();
      header.forEach((h, j) => {
        const v = (row[j] ?? "").trim();
        if (h && v) tags.set(h, LISTS.has(h) ? v.split(/;\s*/) : [v]);
      });
      return { line: i + 2, tags, closed: true };
    })
    .filter((r) => r.tags.size > 0);
}

function parseWos(text: string, file: string): ParseResult {
  if (!isTab(text)) return collect(wosRecords(text), file);
  const recs = tabRecords(text);
  if (typeof recs !== "string") return collect(recs, file);
  const reason = `ingest/wos: ${file}: tab-delimited export unreadable (${recs})`;
  return { papers: [], rejected: [{ file, format: FORMAT, reason }] };
}

const isTab = (text: string) => /^\uFEFF?PT\tAU\t/.test(text);

/** "FN <header>" then "VR" / "PT" lines, or a tab-delimited header row of WoS tags. */
function detect(text: string): boolean {
  const h = text.slice(0, 4096).replace(/^\uFEFF/, "");
  return isTab(h) || (/^FN \S/.test(h) && /\n(VR|PT) \S/.test(h));
}

export const reader: FormatReader = { format: FORMAT, detect, parse: (t, f) => parseWos(t, f) };
