// Crossref REST API works JSON: a `work` response ({message: {...}}) or a `work-list`
// ({message: {items: [...]}}). Each item is checked against a zod schema of the fields read;
// JATS abstracts and HTML in titles are reduced to text, dates come from `date-parts`, and each
// `reference` becomes a reference by its DOI, else by author/year/volume/page, else by its
// `unstructured` text.
import { z } from "zod";
import { makeDate } from "../dates.ts";
import { head, invalidJson, isObject, locateValues, parseJson } from "../json.ts";
import { stripTags } from "../markup.ts";
import { makeAuthor } from "../names.ts";
import { buildRecord } from "../record.ts";
import { makeReference, parseUnstructured } from "../references.ts";
import type { Author, FormatReader, PaperDate, ParseResult, Reference } from "../types.ts";

const FORMAT = "crossref";

const opt = <T extends z.ZodTypeAny>(t: T) => t.nullish();
const DateParts = z.object({ "date-parts": opt(z.array(z.array(z.number().int().nullable()))) });
const Strings = opt(z.array(z.string()));

const CrossrefReference = z.object({
  key: opt(z.string()),
  DOI: opt(z.string()),
  unstructured: opt(z.string()),
  author: opt(z.string()),
  year: opt(z.string()),
  "journal-title": opt(z.string()),
  "volume-title": opt(z.string()),
  "series-title": opt(z.string()),
  "article-title": opt(z.string()),
  volume: opt(z.string()),
  "first-page": opt(z.string()),
});
type CrossrefReference = z.infer<typeof CrossrefReference>;

export const CrossrefWork = z.object({
  DOI: opt(z.string()),
  URL: opt(z.string()),
  title: Strings,
  "container-title": Strings,
  abstract: opt(z.string()),
  author: opt(
    z.array(
      z.object({
        given: opt(z.string()),
        family: opt(z.string()),
        name: opt(z.string()),
        ORCID: opt(z.string()),
        affiliation: opt(z.array(z.object({ name: opt(z.string()) }))),
      }),
    ),
  ),
  issued: opt(DateParts),
  published: opt(DateParts),
  "published-print": opt(DateParts),
  "published-online": opt(DateParts),
  subject: Strings,
  reference: opt(z.array(CrossrefReference)),
});
export type CrossrefWork = z.infer<typeof CrossrefWork>;

/** The first complete `date-parts` of issued, published, published-print, published-online. */
function dateOf(w: CrossrefWork): PaperDate | null {
  for (const d of [w.issued, w.published, w["published-print"], w["published-online"]]) {
    const [y, m, day] = d?.["date-parts"]?.[0] ?? [];
    if (typeof y !== "number") continue;
    const date = makeDate(y, m ?? undefined, m ? (day ?? undefined) : undefined);
    if (date) return date;
  }
  return null;
}

function authorOf(a: NonNullable<CrossrefWork["author"]>[number]): Author | null {
  const base = makeAuthor({ family: a.family ?? "", given: a.given ?? "", name: a.name ?? "" });
  if (!base) return null;
  const orcid = /\d{4}-\d{4}-\d{4}-\d{3}[\dX]/.exec(a.ORCID ?? "")?.[0];
  const affiliations = (a.affiliation ?? []).map((x) => (x.name ?? "").trim()).filter(Boolean);
  return {
    ...base,
    ...(orcid ? { ids: { orcid } } : {}),
    ...(affiliations.length ? { affiliations } : {}),
  };
}

function referenceOf(r: CrossrefReference): Reference | null {
  const venue = r["journal-title"] ?? r["volume-title"] ?? r["series-title"] ?? null;
  const label =
    r.unstructured ??
    [r.author, r.year, r["article-title"], venue].filter((x): x is string => !!x).join(", ");
  if (!r.DOI && r.unstructured && !r.author) return parseUnstructured(stripTags(r.unstructured));
  return makeReference(
    { doi: r.DOI },
    { author: r.author, year: r.year, venue, volume: r.volume, page: r["first-page"] },
    stripTags(label),
  );
}

/** "<jats:title>Abstract</jats:title><jats:p>…" → "…". */
function abstractText(raw: string | null | undefined): string {
  return stripTags(
    (raw ?? "").replace(/^\s*<(?:jats:)?title>\s*abstract\s*<\/(?:jats:)?title>/i, ""),
  );
}

function toRecord(w: CrossrefWork, source: { file: string; line?: number; entry: string }) {
  const title = stripTags((w.title ?? []).join(" "));
  if (!title) return "no title";
  return buildRecord({
    title,
    authors: (w.author ?? []).map(authorOf).filter((a): a is Author => a !== null),
    date: dateOf(w),
    abstract: abstractText(w.abstract),
    doi: w.DOI ?? null,
    venue: stripTags(w["container-title"]?.[0] ?? "") || null,
    links: w.URL && /^https?:\/\//.test(w.URL) ? [w.URL] : [],
    tags: [...new Set(w.subject ?? [])],
    references: (w.reference ?? []).map(referenceOf).filter((r): r is Reference => r !== null),
    sources: [{ ...source, format: FORMAT }],
  });
}

/** The items of a response with their JSON pointers. */
function itemsOf(json: unknown): { ptr: string; value: unknown }[] {
  const message = isObject(json) && "message" in json ? json.message : json;
  const prefix = isObject(json) && "message" in json ? "/message" : "";
  if (isObject(message) && Array.isArray(message.items))
    return message.items.map((value, i) => ({ ptr: `${prefix}/items/${i}`, value }));
  return [{ ptr: prefix, value: message }];
}

function parse(text: string, file: string): ParseResult {
  const json = parseJson(text);
  if (!json.ok) return invalidJson(FORMAT, file, json);
  const lines = locateValues(text, 3);
  const out: ParseResult = { papers: [], rejected: [] };
  for (const { ptr, value } of itemsOf(json.value)) {
    const line = lines.get(ptr);
    const entry = isObject(value) && typeof value.DOI === "string" ? value.DOI : ptr || "/";
    const where = { file, ...(line ? { line } : {}), entry };
    const fail = (why: string) =>
      out.rejected.push({
        ...where,
        format: FORMAT,
        reason: `ingest/crossref: ${file}${line ? `:${line}` : ""}: work ${entry}: ${why}`,
      });
    const work = CrossrefWork.safeParse(value);
    if (!work.success) {
      const issue = work.error.issues[0];
      fail(`unexpected shape (${issue?.path.join(".") || "work"}: ${issue?.message ?? "?"})`);
      continue;
    }
    const r = toRecord(work.data, where);
    if (typeof r === "string") fail(r);
    else out.papers.push(r);
  }
  return out;
}

/** A Crossref API response: `"message-type": "work"` or `"work-list"` near the top. */
function detect(text: string): boolean {
  const h = head(text, 4096);
  return /^\{/.test(h) && /"message-type"\s*:\s*"work(-list)?"/.test(h);
}

export const reader: FormatReader = { format: FORMAT, detect, parse };
