// OpenAlex `works` JSON: a list page ({meta, results}) or a single work. Each work is checked
// against a zod schema of the fields read; the abstract is rebuilt word for word from its
// inverted index (the newer `abstract_inverted_index_v3` where present), authorships keep
// ORCID, OpenAlex author ids and institutions, `referenced_works` become references, and
// keywords, topics, concepts and MeSH descriptors are kept as tags.
import { z } from "zod";
import { parseIsoDate } from "../dates.ts";
import { head, invalidJson, isObject, locateValues, parseJson } from "../json.ts";
import { stripTags } from "../markup.ts";
import { makeAuthor } from "../names.ts";
import { buildRecord } from "../record.ts";
import { openalexWorkId, pmidOf, refFromIds } from "../references.ts";
import type { Author, FormatReader, ParseResult, Reference, Rejected } from "../types.ts";

const FORMAT = "openalex";

const opt = <T extends z.ZodTypeAny>(t: T) => t.nullish();
const Named = z.object({ display_name: opt(z.string()) });
const InvertedIndex = z.record(z.string(), z.array(z.number().int().nonnegative()));

export const OpenAlexWork = z.object({
  id: z.string(),
  doi: opt(z.string()),
  title: opt(z.string()),
  display_name: opt(z.string()),
  publication_year: opt(z.number().int()),
  publication_date: opt(z.string()),
  ids: opt(z.object({ pmid: opt(z.string()), doi: opt(z.string()) })),
  primary_location: opt(
    z.object({
      landing_page_url: opt(z.string()),
      pdf_url: opt(z.string()),
      source: opt(Named),
    }),
  ),
  authorships: opt(
    z.array(
      z.object({
        author: opt(
          z.object({ id: opt(z.string()), display_name: opt(z.string()), orcid: opt(z.string()) }),
        ),
        raw_author_name: opt(z.string()),
        institutions: opt(z.array(Named)),
      }),
    ),
  ),
  abstract_inverted_index: opt(InvertedIndex),
  abstract_inverted_index_v3: opt(InvertedIndex),
  referenced_works: opt(z.array(z.string())),
  keywords: opt(z.array(Named)),
  topics: opt(z.array(Named)),
  concepts: opt(z.array(Named)),
  mesh: opt(z.array(z.object({ descriptor_name: opt(z.string()) }))),
});
export type OpenAlexWork = z.infer<typeof OpenAlexWork>;

/** The abstract's words in position order: {"Despite": [0], "in": [3, 57]} → "Despite … in". */
export function invertedAbstract(index: Record<string, number[]> | null | undefined): string {
  if (!index) return "";
  const words: string[] = [];
  for (const [word, positions] of Object.entries(index)) for (const p of positions) words[p] = word;
  return words.filter((w) => w !== undefined).join(" ");
}

function authorOf(a: NonNullable<OpenAlexWork["authorships"]>[number]): Author | null {
  const base = makeAuthor(a.author?.display_name ?? a.raw_author_name ?? "");
  if (!base) return null;
  const orcid = /\d{4}-\d{4}-\d{4}-\d{3}[\dX]/.exec(a.author?.orcid ?? "")?.[0];
  const openalex = /A\d+$/.exec(a.author?.id ?? "")?.[0];
  const ids = { ...(orcid ? { orcid } : {}), ...(openalex ? { openalex } : {}) };
  const affiliations = (a.institutions ?? []).map((i) => i.display_name ?? "").filter(Boolean);
  return {
    ...base,
    ...(orcid || openalex ? { ids } : {}),
    ...(affiliations.length ? { affiliations } : {}),
  };
}

function tagsOf(w: OpenAlexWork): string[] {
  const names = [
    ...(w.keywords ?? []),
    ...(w.topics ?? []),
    ...(w.concepts ?? []),
    ...(w.mesh ?? []).map((m) => ({ display_name: m.descriptor_name })),
  ].map((x) => (x.display_name ?? "").trim());
  return [...new Set(names.filter(Boolean))];
}

function referencesOf(w: OpenAlexWork): Reference[] {
  return (w.referenced_works ?? [])
    .map((r) => refFromIds({ openalex: r }))
    .filter((r): r is Reference => r !== null);
}

function toRecord(w: OpenAlexWork, where: Rejected & { format: string }) {
  const title = stripTags(w.title ?? w.display_name ?? "");
  if (!title) return "no title";
  const date =
    parseIsoDate(w.publication_date ?? "") ?? parseIsoDate(String(w.publication_year ?? ""));
  const pl = w.primary_location;
  const links = [pl?.landing_page_url, pl?.pdf_url].filter(
    (u): u is string => !!u && /^https?:\/\//.test(u),
  );
  return buildRecord({
    title,
    authors: (w.authorships ?? []).map(authorOf).filter((a): a is Author => a !== null),
    date,
    abstract: invertedAbstract(w.abstract_inverted_index_v3 ?? w.abstract_inverted_index),
    doi: w.doi ?? w.ids?.doi ?? null,
    venue: pl?.source?.display_name ?? null,
    links: [...new Set(links)],
    tags: tagsOf(w),
    keywords: [...(w.keywords ?? []), ...(w.topics ?? [])].map((k) => k.display_name ?? ""),
    ids: {
      openalex: openalexWorkId(w.id) ?? undefined,
      pmid: pmidOf(/(\d+)\/?$/.exec(w.ids?.pmid ?? "")?.[1]) ?? undefined,
    },
    references: referencesOf(w),
    sources: [{ file: where.file, line: where.line, entry: where.entry, format: FORMAT }],
  });
}

/** The works of a response with their JSON pointers: `results[]` of a list, or the work itself. */
function worksOf(json: unknown): { ptr: string; value: unknown }[] {
  if (isObject(json) && Array.isArray(json.results))
    return json.results.map((value, i) => ({ ptr: `/results/${i}`, value }));
  if (Array.isArray(json)) return json.map((value, i) => ({ ptr: `/${i}`, value }));
  return [{ ptr: "", value: json }];
}

function parse(text: string, file: string): ParseResult {
  const json = parseJson(text);
  if (!json.ok) return invalidJson(FORMAT, file, json);
  const lines = locateValues(text, 2);
  const out: ParseResult = { papers: [], rejected: [] };
  for (const { ptr, value } of worksOf(json.value)) {
    const line = lines.get(ptr);
    const rawId = isObject(value) && typeof value.id === "string" ? value.id : ptr || "/";
    const where = {
      file,
      ...(line ? { line } : {}),
      entry: openalexWorkId(rawId) ?? rawId,
      format: FORMAT,
    };
    const fail = (why: string) =>
      out.rejected.push({
        ...where,
        reason: `ingest/openalex: ${file}${line ? `:${line}` : ""}: work ${where.entry}: ${why}`,
      });
    const work = OpenAlexWork.safeParse(value);
    if (!work.success) {
      const issue = work.error.issues[0];
      fail(`unexpected shape (${issue?.path.join(".") || "work"}: ${issue?.message ?? "?"})`);
      continue;
    }
    const r = toRecord(work.data, { ...where, reason: "" });
    if (typeof r === "string") fail(r);
    else out.papers.push(r);
  }
  return out;
}

/** JSON whose head carries OpenAlex work ids and work keys. */
function detect(text: string): boolean {
  const h = head(text);
  return (
    /^[[{]/.test(h) &&
    /"https:\/\/openalex\.org\/W\d+"/.test(h) &&
    /"(authorships|abstract_inverted_index|referenced_works|publication_year)"\s*:/.test(h)
  );
}

export const reader: FormatReader = { format: FORMAT, detect, parse };
