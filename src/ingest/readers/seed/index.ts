// The seed listing: three lines per paper.
//   1. [score]CATEGORYMon D[, YYYY][Code]          e.g. "42.0LGMar 10", "CLFeb 9, 2023Code"
//   2. Title and authors run together [et al.] [· tag]
//   3. Abstract
// Blank lines and trailing whitespace are ignored; a malformed entry is rejected with its line
// number and the rest of the file still loads.
import { makeDate, monthNumber } from "../../dates.ts";
import { makeAuthor } from "../../names.ts";
import { buildRecord } from "../../record.ts";
import type {
  Author,
  FormatReader,
  IngestOptions,
  PaperDate,
  ParseResult,
  Rejected,
} from "../../types.ts";
import { splitTitleAuthors } from "./split.ts";

const FORMAT = "seed";

/** Shape of line 1 (month checked later, so a bad date is reported, not mistaken for text). */
const HEADER =
  /^(?:(\d{1,4}(?:\.\d+)?)\s*)?((?:[a-z-]+\.)?[A-Z]{2,3})\s*([A-Z][a-z]{2,8}\.?)\s+(?:(\d{1,2})(?:,?\s*(\d{4}))?|(\d{4}))\s*(Code)?$/;

export interface SeedHeader {
  score: number | null;
  category: string;
  date: PaperDate | null;
  hasCode: boolean;
}

/** Parse line 1; null when the line does not have its shape, date null when it is invalid. */
export function parseHeader(line: string, asOf: Date): SeedHeader | null {
  const m = HEADER.exec(line.trim());
  if (!m) return null;
  const [, score, category, monthName, day, year, yearOnly, code] = m;
  const month = monthNumber(monthName ?? "");
  let date: PaperDate | null = null;
  if (month !== null) {
    if (yearOnly) date = makeDate(Number(yearOnly), month);
    else date = makeDate(year ? Number(year) : asOf.getUTCFullYear(), month, Number(day));
  }
  return {
    score: score === undefined ? null : Number(score),
    category: category ?? "",
    date,
    hasCode: code !== undefined,
  };
}

interface Line {
  no: number;
  text: string;
}

function reject(file: string, line: number, reason: string): Rejected {
  return { file, line, format: FORMAT, reason: `ingest/seed: ${file}:${line}: ${reason}` };
}

function parseEntry(
  header: Line,
  body: Line,
  abstract: Line,
  file: string,
  opts: IngestOptions,
): ParseResult {
  const h = parseHeader(header.text, opts.asOf);
  if (!h) return { papers: [], rejected: [reject(file, header.no, "not a listing header")] };
  if (!h.date)
    return {
      papers: [],
      rejected: [reject(file, header.no, `unparseable date in "${header.text.trim()}"`)],
    };
  const split = splitTitleAuthors(body.text);
  if (!split)
    return {
      papers: [],
      rejected: [reject(file, body.no, "cannot find where the title ends and the authors begin")],
    };
  const authors = split.authors.map((n) => makeAuthor(n)).filter((a): a is Author => a !== null);
  const paper = buildRecord({
    title: split.title,
    authors,
    authorsTruncated: split.truncated,
    date: h.date,
    abstract: abstract.text,
    category: h.category,
    hasCode: h.hasCode,
    score: h.score,
    tags: split.tags,
    sources: [{ file, line: header.no, format: FORMAT }],
  });
  return { papers: [paper], rejected: [] };
}

function parse(text: string, file: string, opts: IngestOptions): ParseResult {
  const lines: Line[] = [];
  text.split(/\r\n|\r|\n/).forEach((t, i) => {
    if (t.trim()) lines.push({ no: i + 1, text: t.trim() });
  });
  const isHeader = (l: Line | undefined): boolean => !!l && HEADER.test(l.text);
  const out: ParseResult = { papers: [], rejected: [] };
  let i = 0;
  while (i < lines.length) {
    const head = lines[i] as Line;
    if (!isHeader(head)) {
      // skip to the next header; one reject for the whole stray run
      out.rejected.push(reject(file, head.no, "expected a listing header (score, category, date)"));
      while (i < lines.length && !isHeader(lines[i])) i++;
      continue;
    }
    const body = lines[i + 1];
    const abstract = lines[i + 2];
    if (!body || isHeader(body) || !abstract || isHeader(abstract)) {
      const missing = !body || isHeader(body) ? "title, authors and abstract" : "abstract";
      out.rejected.push(reject(file, head.no, `incomplete entry: no ${missing}`));
      i += !body || isHeader(body) ? 1 : 2;
      continue;
    }
    // An abstract of several paragraphs: lines right below it (no blank line between) that are
    // not headers continue it. After a blank line, text that is not a header is stray (rejected).
    let end = i + 3;
    while (end < lines.length && !isHeader(lines[end]) && lines[end].no === lines[end - 1].no + 1)
      end++;
    const full =
      end === i + 3
        ? abstract
        : {
            no: abstract.no,
            text: lines
              .slice(i + 2, end)
              .map((l) => l.text)
              .join("\n"),
          };
    const r = parseEntry(head, body, full, file, opts);
    out.papers.push(...r.papers);
    out.rejected.push(...r.rejected);
    i = end;
  }
  return out;
}

/** True when the first non-blank line is a listing header with a real month name. */
function detect(text: string): boolean {
  const first = /^\s*(.*)/.exec(text.slice(0, 4096).replace(/^\uFEFF/, ""))?.[1] ?? "";
  const m = HEADER.exec(first.trim());
  return m !== null && monthNumber(m[3] ?? "") !== null;
}

export const reader: FormatReader = { format: FORMAT, detect, parse };
