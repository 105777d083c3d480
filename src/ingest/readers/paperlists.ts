// JSON arrays of conference papers as published by papercopilot/paperlists: title, author
// ("A; B"), abstract, site/pdf/github links, track/status, a bibtex string, sometimes a doi.
// The year comes from the bibtex, else the file name ("acl2021.json"), else the id ("2021.acl-…").

import { makeDate } from "../dates.ts";
import { basenameOf } from "../detect.ts";
import { head, invalidJson, isObject, locateValues, parseJson, str } from "../json.ts";
import { stripTags } from "../markup.ts";
import { makeAuthor } from "../names.ts";
import { buildRecord } from "../record.ts";
import type { Author, FormatReader, PaperDate, ParseResult, Rejected } from "../types.ts";

const FORMAT = "paperlists";

/** "acl2021.json" → {venue: "ACL 2021", year: 2021}; no match → nulls. */
export function venueFromFileName(file: string): { venue: string | null; year: number | null } {
  const m = /^([a-z][a-z-]*?)[-_]?((?:19|20)\d\d)\b/i.exec(basenameOf(file));
  if (!m) return { venue: null, year: null };
  return { venue: `${(m[1] ?? "").toUpperCase()} ${m[2]}`, year: Number(m[2]) };
}

function yearOf(item: Record<string, unknown>, fileYear: number | null): number | null {
  const bib = str(item.bibtex) ?? "";
  const y = /\byear\s*=\s*[{"]?\s*(\d{4})/i.exec(bib);
  if (y) return Number(y[1]);
  const direct = str(item.year);
  if (direct && /^\d{4}$/.test(direct)) return Number(direct);
  if (fileYear) return fileYear;
  const id = /^((?:19|20)\d\d)\./.exec(str(item.id) ?? "");
  return id ? Number(id[1]) : null;
}

/** "A; B" (the paperlists convention), else "A and B"; a lone "Family, Given" stays whole. */
export function splitAuthors(raw: string): string[] {
  const sep = raw.includes(";") ? /;/ : /\s+and\s+/;
  return raw
    .split(sep)
    .map((s) => s.trim())
    .filter(Boolean);
}

const isUrl = (s: string | null): s is string => !!s && /^https?:\/\//i.test(s);

function parseItem(
  item: unknown,
  index: number,
  file: string,
  line: number | undefined,
  fileInfo: { venue: string | null; year: number | null },
): { paper?: ReturnType<typeof buildRecord>; rejected?: Rejected } {
  const entry = isObject(item) ? (str(item.id) ?? `#${index}`) : `#${index}`;
  const where = { file, ...(line ? { line } : {}), entry, format: FORMAT };
  const fail = (reason: string) => ({
    rejected: {
      ...where,
      reason: `ingest/paperlists: ${file}: item ${index} (${entry}): ${reason}`,
    },
  });
  if (!isObject(item)) return fail("not an object");
  const title = stripTags(str(item.title) ?? "");
  if (!title) return fail("no title");
  const rawAuthors =
    str(item.author) ?? (Array.isArray(item.authors) ? item.authors.join(";") : "");
  const authors = splitAuthors(rawAuthors)
    .map((n) => makeAuthor(n))
    .filter((a): a is Author => a !== null);
  const year = yearOf(item, fileInfo.year);
  let date: PaperDate | null = null;
  if (year !== null) {
    date = makeDate(year);
    if (!date) return fail(`unparseable year ${year}`);
  }
  const github = str(item.github);
  const links = [str(item.site), str(item.pdf), github, str(item.project), str(item.url)].filter(
    isUrl,
  );
  const tags = [str(item.track), str(item.status)]
    .filter((t): t is string => !!t)
    .map((t) => t.toLowerCase());
  const paper = buildRecord({
    title,
    authors,
    date,
    abstract: stripTags(str(item.abstract) ?? ""),
    doi: str(item.doi),
    venue: fileInfo.venue ?? str(item.venue),
    hasCode: isUrl(github),
    tags: [...new Set(tags)],
    links: [...new Set(links)],
    sources: [where],
  });
  return { paper };
}

function parse(text: string, file: string): ParseResult {
  const json = parseJson(text);
  if (!json.ok) return invalidJson(FORMAT, file, json);
  if (!Array.isArray(json.value))
    return {
      papers: [],
      rejected: [
        { file, format: FORMAT, reason: `ingest/paperlists: ${file}: expected a JSON array` },
      ],
    };
  const lines = locateValues(text, 1);
  const fileInfo = venueFromFileName(file);
  const out: ParseResult = { papers: [], rejected: [] };
  json.value.forEach((item, i) => {
    const r = parseItem(item, i, file, lines.get(`/${i}`), fileInfo);
    if (r.paper) out.papers.push(r.paper);
    if (r.rejected) out.rejected.push(r.rejected);
  });
  return out;
}

/** A JSON array of objects with a string "title" and a string "author" list. */
function detect(text: string): boolean {
  const h = head(text);
  return /^\[\s*\{/.test(h) && /"title"\s*:\s*"/.test(h) && /"author"\s*:\s*"/.test(h);
}

export const reader: FormatReader = { format: FORMAT, detect, parse };
