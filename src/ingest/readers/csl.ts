// CSL-JSON (Zotero, Manubot, Crossref): an array of items (or one item). Authors as
// {family, given, dropping-particle, non-dropping-particle} or {literal}; issued as date-parts,
// raw or literal; abstracts may carry JATS/HTML markup.
import { makeDate, parseIsoDate } from "../dates.ts";
import { head, invalidJson, isObject, locateValues, parseJson, str } from "../json.ts";
import { stripTags } from "../markup.ts";
import { makeAuthor } from "../names.ts";
import { buildRecord, normaliseArxivId } from "../record.ts";
import type { Author, FormatReader, PaperDate, ParseResult, Rejected } from "../types.ts";

const FORMAT = "csl";

type DateResult = { ok: true; date: PaperDate | null } | { ok: false; raw: string };

/** CSL date variable → PaperDate; ok with null when absent, not ok when present but invalid. */
export function cslDate(v: unknown): DateResult {
  if (v === undefined || v === null) return { ok: true, date: null };
  if (typeof v === "string" || typeof v === "number") return cslDate({ raw: String(v) });
  if (!isObject(v)) return { ok: false, raw: JSON.stringify(v) };
  const parts = v["date-parts"];
  if (Array.isArray(parts) && Array.isArray(parts[0]) && parts[0].length > 0) {
    const nums = (parts[0] as unknown[]).map((x) => (typeof x === "string" ? Number(x.trim()) : x));
    const [y, m, d] = nums as (number | undefined)[];
    if (y === null || y === undefined) return { ok: true, date: null };
    const date = makeDate(
      y as number,
      m ?? undefined,
      m === undefined ? undefined : (d ?? undefined),
    );
    return date ? { ok: true, date } : { ok: false, raw: JSON.stringify(parts[0]) };
  }
  const raw = str(v.raw) ?? str(v.literal);
  if (raw) {
    const iso = parseIsoDate(raw) ?? parseIsoDate(raw.replace(/\//g, "-"));
    if (iso) return { ok: true, date: iso };
    const year = /\b(1[5-9]\d\d|20\d\d)\b/.exec(raw);
    if (year) return { ok: true, date: makeDate(Number(year[1])) };
    return { ok: false, raw };
  }
  if (v.season !== undefined || v.circa !== undefined) return { ok: true, date: null };
  if (
    Array.isArray(parts) &&
    (parts.length === 0 || (Array.isArray(parts[0]) && parts[0].length === 0))
  )
    return { ok: true, date: null };
  return { ok: false, raw: JSON.stringify(v) };
}

/** One CSL name object → Author. Family-only names with spaces are read as written. */
export function cslAuthor(n: unknown): Author | null {
  if (typeof n === "string") return makeAuthor(n);
  if (!isObject(n)) return null;
  const literal = str(n.literal);
  if (literal) return makeAuthor(literal);
  const particle = [str(n["dropping-particle"]), str(n["non-dropping-particle"])]
    .filter(Boolean)
    .join(" ");
  const family = [particle, str(n.family)].filter(Boolean).join(" ");
  const given = str(n.given) ?? "";
  if (!given && family.includes(" ")) return makeAuthor(family);
  return makeAuthor({ family, given });
}

function arxivOf(item: Record<string, unknown>): string | null {
  const url = str(item.URL) ?? "";
  if (/arxiv\.org\/(abs|pdf)\//i.test(url)) return normaliseArxivId(url);
  const note = str(item.note) ?? "";
  const std = /standard_id:\s*arxiv:(\S+)/i.exec(note);
  if (std) return normaliseArxivId(std[1]);
  const container = str(item["container-title"]) ?? str(item.publisher) ?? "";
  if (/^arxiv/i.test(container)) return normaliseArxivId(str(item.number) ?? "");
  return null;
}

function firstString(v: unknown): string | null {
  return Array.isArray(v) ? str(v[0]) : str(v);
}

function parseItem(
  item: unknown,
  index: number,
  file: string,
  line: number | undefined,
): { paper?: ReturnType<typeof buildRecord>; rejected?: Rejected } {
  const entry = isObject(item) ? (str(item.id) ?? `#${index}`) : `#${index}`;
  const where = { file, ...(line ? { line } : {}), entry, format: FORMAT };
  const fail = (reason: string) => ({
    rejected: { ...where, reason: `ingest/csl: ${file}: item ${index} (${entry}): ${reason}` },
  });
  if (!isObject(item)) return fail("not an object");
  const title = stripTags(firstString(item.title) ?? "");
  if (!title) return fail("no title");
  const issued = cslDate(item.issued);
  if (!issued.ok) return fail(`unparseable issued date ${issued.raw}`);
  const names = Array.isArray(item.author) ? item.author : [];
  const authors = names.map(cslAuthor).filter((a): a is Author => a !== null);
  const url = str(item.URL);
  const paper = buildRecord({
    title,
    authors,
    date: issued.date,
    abstract: stripTags(str(item.abstract) ?? ""),
    doi: str(item.DOI),
    arxivId: arxivOf(item),
    venue: stripTags(firstString(item["container-title"]) ?? ""),
    links: url ? [url] : [],
    sources: [where],
  });
  return { paper };
}

function parse(text: string, file: string): ParseResult {
  const json = parseJson(text);
  if (!json.ok) return invalidJson(FORMAT, file, json);
  const items = Array.isArray(json.value) ? json.value : [json.value];
  const lines = locateValues(text, 1);
  const out: ParseResult = { papers: [], rejected: [] };
  items.forEach((item, i) => {
    const line = lines.get(Array.isArray(json.value) ? `/${i}` : "");
    const r = parseItem(item, i, file, line);
    if (r.paper) out.papers.push(r.paper);
    if (r.rejected) out.rejected.push(r.rejected);
  });
  return out;
}

/** A JSON array/object whose items carry CSL variables (issued, container-title, name objects). */
function detect(text: string): boolean {
  const h = head(text);
  if (!/^[[{]/.test(h)) return false;
  if (/"paperId"\s*:/.test(h)) return false;
  return (
    /"type"\s*:\s*"/.test(h) &&
    (/"issued"\s*:\s*\{/.test(h) ||
      /"container-title"\s*:/.test(h) ||
      /"author"\s*:\s*\[\s*\{\s*"(family|given|literal)"/.test(h))
  );
}

export const reader: FormatReader = { format: FORMAT, detect, parse };
