import type { PaperDate } from "./types.ts";

const pad = (n: number): string => String(n).padStart(2, "0");

/**
 * A validated date with its precision: year only, year-month, or a real calendar day.
 * Returns null when a part is out of range (month 13, Feb 30, year 0 or after 9999).
 */
export function makeDate(
  year: number,
  month?: number | null,
  day?: number | null,
): PaperDate | null {
  if (!Number.isInteger(year) || year < 1 || year > 9999) return null;
  const y = String(year).padStart(4, "0");
  if (month === undefined || month === null) return { iso: y, precision: "year" };
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  if (day === undefined || day === null) return { iso: `${y}-${pad(month)}`, precision: "month" };
  if (!Number.isInteger(day) || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(2000 + (year % 400), month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return { iso: `${y}-${pad(month)}-${pad(day)}`, precision: "day" };
}

/** "2023", "2023-02", "2023-02-09" (optionally followed by a time) → PaperDate; else null. */
export function parseIsoDate(raw: string): PaperDate | null {
  const m = /^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ][\d:.]+Z?)?\s*$/.exec(raw);
  if (!m) return null;
  return makeDate(
    Number(m[1]),
    m[2] === undefined ? undefined : Number(m[2]),
    m[3] === undefined ? undefined : Number(m[3]),
  );
}

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

/** "Feb", "February", "Sept." → 1..12 (abbreviation or full name, any case); else null. */
export function monthNumber(name: string): number | null {
  const k = name.toLowerCase().replace(/\.$/, "");
  if (k === "sept") return 9;
  const i = MONTHS.findIndex((m) => m === k || m.slice(0, 3) === k);
  return i < 0 ? null : i + 1;
}

/**
 * A PubMed/MEDLINE date: "2016 Jan 15", "2019 Jan-Feb" (month precision), "2006", "2020 Spring"
 * (year); null without a leading year.
 */
export function parseMedlineDate(raw: string): PaperDate | null {
  const m = /^\s*(\d{4})(?:\s+([A-Za-z]{3,})\.?(-[A-Za-z]+)?(?:\s+(\d{1,2}))?)?/.exec(raw);
  if (!m) return null;
  const month = m[2] ? monthNumber(m[2]) : null;
  const day = month && !m[3] && m[4] ? Number(m[4]) : null;
  return makeDate(Number(m[1]), month, day) ?? makeDate(Number(m[1]));
}
