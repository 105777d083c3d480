// Small helpers shared by the readers: line offsets, dates, authors, error text (bibtex, ris,
// scopus, wos, atom, oaipmh).
import type { Author, PaperDate } from "../types.ts";

/** Offsets where each line starts; "\r\n", "\n" and a lone "\r" all end a line. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** 1-based line of a character offset, given `lineStarts(text)`. */
export function lineAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** "Sept." / "june" / "6" / "06" → 6; null when not a month. */
export function monthNumber(raw: string | number | null | undefined): number | null {
  if (raw === null || raw === undefined) return null;
  const s = String(raw).trim().toLowerCase();
  if (/^\d{1,2}$/.test(s)) {
    const n = Number(s);
    return n >= 1 && n <= 12 ? n : null;
  }
  return MONTHS[s.slice(0, 3)] ?? null;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** A PaperDate from parts; the precision follows the most specific valid part. */
export function makeDate(year: number, month?: number | null, day?: number | null): PaperDate {
  if (!month || month < 1 || month > 12) return { iso: String(year), precision: "year" };
  if (!day || day < 1 || day > 31) return { iso: `${year}-${pad(month)}`, precision: "month" };
  return { iso: `${year}-${pad(month)}-${pad(day)}`, precision: "day" };
}

/**
 * Read a date written as "2019", "2019/06/27/", "2019-06", "2022-02-24T15:05:19Z",
 * "1 Jan.-Feb. 2019", "24-27 Sept. 2019", "June 2021". Returns null when no 4-digit year
 * between 1000 and 2999 is present.
 */
export function parseLooseDate(raw: string | null | undefined): PaperDate | null {
  if (!raw) return null;
  const s = raw.trim();
  const numeric = /^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?(?:[/T\s]|$)/.exec(s);
  if (numeric) {
    return makeDate(
      Number(numeric[1]),
      numeric[2] ? Number(numeric[2]) : null,
      numeric[3] ? Number(numeric[3]) : null,
    );
  }
  const year = /\b([12]\d{3})\b/.exec(s);
  if (!year) return null;
  // "<day>[-<day>] <Month>[.-<Month>.] <year>": the first day and first month win.
  // A month range ("Jan.-Feb.") keeps month precision: the day belongs to neither month.
  const words = /(?:^|[\s,])(?:(\d{1,2})(?:-\d{1,2})?\s+)?([A-Za-z]{3,})\.?(\s*-\s*[A-Za-z])?/.exec(
    s,
  );
  const month = words ? monthNumber(words[2]) : null;
  const day = month && words?.[1] && !words[3] ? Number(words[1]) : null;
  return makeDate(Number(year[1]), month, day);
}

/** Drop repeated authors (same key), keeping the first: exports sometimes list a name twice. */
export function uniqueAuthors(authors: Author[]): Author[] {
  const seen = new Set<string>();
  return authors.filter((a) => {
    if (seen.has(a.key)) return false;
    seen.add(a.key);
    return true;
  });
}

/** A short, single-line excerpt of an error for a reject reason. */
export function errorText(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.split("\n")[0]?.slice(0, 200) ?? "unknown error";
}
