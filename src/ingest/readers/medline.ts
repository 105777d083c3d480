// MEDLINE / .nbib text (PubMed's "PubMed format" export): "TAG - value" lines with 4-character
// tags ("PMID- ", "TI  - "), values continued on lines indented by spaces, records separated by
// blank lines and each starting at PMID.
import { squash } from "../../common/text.ts";
import { parseMedlineDate } from "../dates.ts";
import { makeAuthor } from "../names.ts";
import { buildRecord } from "../record.ts";
import type { Author, FormatReader, ParseResult, Rejected } from "../types.ts";

const FORMAT = "medline";
const TAG_LINE = /^([A-Z][A-Z0-9]{0,3}) *- (.*)$/;

/** One record: its 1-based first line and its tags' values in order. */
export interface MedlineRecord {
  line: number;
  tags: Map<string, string[]>;
}

/** Split MEDLINE text into records; continuation lines (leading spaces) extend the last value. */
export function medlineRecords(text: string): MedlineRecord[] {
  const out: MedlineRecord[] = [];
  let cur: MedlineRecord | null = null;
  let last: string[] | null = null;
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    if (!raw.trim()) {
      cur = null;
      last = null;
      return;
    }
    const m = /^\s/.test(raw) ? null : TAG_LINE.exec(raw);
    if (!m) {
      if (last?.length) last[last.length - 1] = `${last[last.length - 1]} ${raw.trim()}`;
      return;
    }
    const tag = m[1] as string;
    if (!cur || tag === "PMID") {
      cur = { line: i + 1, tags: new Map() };
      out.push(cur);
    }
    last = cur.tags.get(tag) ?? [];
    last.push((m[2] ?? "").trim());
    cur.tags.set(tag, last);
  });
  return out;
}

const first = (r: MedlineRecord, tag: string) => squash(r.tags.get(tag)?.[0] ?? "");
const all = (r: MedlineRecord, tag: string) => (r.tags.get(tag) ?? []).map(squash).filter(Boolean);

/** The value of the first "LID"/"AID" marked "[doi]". */
function doiOf(r: MedlineRecord): string | null {
  const v = [...all(r, "LID"), ...all(r, "AID")].find((x) => /\[doi\]$/.test(x));
  return v ? v.replace(/\s*\[doi\]$/, "") : null;
}

/** MeSH headings without qualifiers or the major-topic star, then other terms (OT). */
function keywordsOf(r: MedlineRecord): string[] {
  return [...all(r, "MH").map((m) => m.replace(/\/.*$/, "").replace(/^\*/, "")), ...all(r, "OT")];
}

function toRecord(r: MedlineRecord, file: string): ParseResult["papers"][number] | string {
  const pmid = first(r, "PMID");
  const title = first(r, "TI") || first(r, "BTI");
  if (!title) return "no title (TI)";
  const dp = first(r, "DP");
  const date = parseMedlineDate(dp);
  if (dp && !date) return `unparseable date "${dp}"`;
  const names = all(r, "FAU").length ? all(r, "FAU") : all(r, "AU");
  return buildRecord({
    title,
    authors: names.map((n) => makeAuthor(n)).filter((a): a is Author => a !== null),
    date,
    abstract: first(r, "AB"),
    doi: doiOf(r),
    venue: first(r, "JT") || first(r, "TA") || null,
    links: pmid ? [`https://pubmed.ncbi.nlm.nih.gov/${pmid}/`] : [],
    tags: [...new Set(keywordsOf(r))],
    keywords: keywordsOf(r),
    ids: { pmid: /^\d+$/.test(pmid) ? pmid : undefined },
    sources: [{ file, line: r.line, entry: pmid || undefined, format: FORMAT }],
  });
}

/** Parse MEDLINE text; never throws on bad input. */
export function parseMedline(text: string, file: string): ParseResult {
  const out: ParseResult = { papers: [], rejected: [] };
  for (const rec of medlineRecords(text.replace(/^\uFEFF/, ""))) {
    const r = toRecord(rec, file);
    if (typeof r !== "string") {
      out.papers.push(r);
      continue;
    }
    const entry = first(rec, "PMID") || undefined;
    out.rejected.push({
      file,
      line: rec.line,
      entry,
      format: FORMAT,
      reason: `ingest/medline: ${file}:${rec.line}: ${r}`,
    } satisfies Rejected);
  }
  return out;
}

/** Text whose first non-blank line is "PMID- <digits>". */
function detect(text: string): boolean {
  return /^\s*PMID- ?\d+/.test(text.slice(0, 4096).replace(/^\uFEFF/, ""));
}

export const reader: FormatReader = { format: FORMAT, detect, parse: (t, f) => parseMedline(t, f) };
