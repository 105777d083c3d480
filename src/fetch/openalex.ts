// OpenAlex `works`: a search (`search=`) or a list of DOIs / W-ids (an OR-ed `filter=`), paged
// with `cursor=` (200 a page). Written as one list page, {meta, results}, the works unchanged:
// the shape the openalex reader reads.
import { z } from "zod";
import { OpenAlexWork } from "../ingest/readers/openalex.ts";
import { bareDoi, chunks, jsonBody } from "./body.ts";
import { redactUrl } from "./http.ts";
import { PAGE_SIZE, RequestError } from "./options.ts";
import type { Fetched, SourceContext } from "./types.ts";

export const OpenAlexPage = z.object({
  meta: z.object({
    count: z.number().int().nonnegative(),
    next_cursor: z.string().nullish(),
  }),
  results: z.array(
    OpenAlexWork.extend({ id: z.string().regex(/^https:\/\/openalex\.org\/W\d+$/) }),
  ),
});

/** The URL of one page: search or filter, a cursor, and the polite-pool / key parameters. */
export function openalexUrl(
  base: string,
  p: { search?: string; filter?: string; cursor: string; perPage: number },
  auth: { email?: string; apiKey?: string },
): string {
  const u = new URL(`${base.replace(/\/$/, "")}/works`);
  if (p.search !== undefined) u.searchParams.set("search", p.search);
  if (p.filter !== undefined) u.searchParams.set("filter", p.filter);
  u.searchParams.set("per-page", String(p.perPage));
  u.searchParams.set("cursor", p.cursor);
  if (auth.email) u.searchParams.set("mailto", auth.email);
  if (auth.apiKey) u.searchParams.set("api_key", auth.apiKey);
  return u.toString();
}

/** A W-id from "W123", "w123" or "https://openalex.org/W123"; null otherwise. */
export function openalexId(id: string): string | null {
  const m = /(?:^|openalex\.org\/)(w\d+)$/i.exec(id.trim());
  return m ? m[1].toUpperCase() : null;
}

/** The OR-ed filters for a list of DOIs and W-ids, at most PAGE_SIZE.openalexIdsPerRequest each. */
export function openalexFilters(dois: readonly string[], ids: readonly string[]): string[] {
  return [
    ...chunks(dois.map(bareDoi), PAGE_SIZE.openalexIdsPerRequest).map((c) => `doi:${c.join("|")}`),
    ...chunks(ids, PAGE_SIZE.openalexIdsPerRequest).map((c) => `openalex:${c.join("|")}`),
  ];
}

/** The file: one list page holding every work fetched, in order, each once. */
export function openalexFile(works: readonly unknown[]): string {
  const body = { meta: { count: works.length, next_cursor: null }, results: works };
  return `${JSON.stringify(body, null, 1)}\n`;
}

export async function fetchOpenAlex(ctx: SourceContext): Promise<Fetched> {
  const badIds = ctx.ids.filter((i) => !openalexId(i));
  if (badIds.length)
    throw new RequestError(
      `openalex: not an OpenAlex work id (W…): ${badIds.slice(0, 3).join(", ")}`,
    );
  const ids = ctx.ids.map((i) => openalexId(i) as string);
  const jobs: { search?: string; filter?: string }[] =
    ctx.query !== undefined
      ? [{ search: ctx.query }]
      : openalexFilters(ctx.dois, ids).map((filter) => ({ filter }));
  const works = new Map<string, unknown>();
  let total: number | undefined;
  for (const job of jobs) {
    let cursor = "*";
    let seen = 0;
    while (works.size < ctx.max) {
      const perPage = Math.min(PAGE_SIZE.openalex, Math.max(1, ctx.max - works.size));
      const url = openalexUrl(ctx.base, { ...job, cursor, perPage }, ctx);
      const page = jsonBody(
        "openalex",
        redactUrl(url),
        await ctx.client.getText(url),
        OpenAlexPage,
      );
      const raw = page.results;
      if (job.search !== undefined) total = page.meta.count;
      for (const w of raw) if (works.size < ctx.max && !works.has(w.id)) works.set(w.id, w);
      seen += raw.length;
      if (!raw.length || !page.meta.next_cursor || seen >= page.meta.count) break;
      cursor = page.meta.next_cursor;
    }
  }
  const list = [...works.values()];
  return {
    text: openalexFile(list),
    records: list.length,
    ...(total !== undefined ? { total } : {}),
    missing: missingOf(list, ctx.dois, ids),
    extension: "json",
  };
}

/** The requested DOIs and W-ids no work fetched carries. */
function missingOf(works: readonly unknown[], dois: readonly string[], ids: readonly string[]) {
  const have = new Set<string>();
  for (const w of works as { id: string; doi?: string | null }[]) {
    have.add(openalexId(w.id) ?? w.id);
    if (w.doi) have.add(bareDoi(w.doi).toLowerCase());
  }
  return [
    ...dois.filter((d) => !have.has(bareDoi(d).toLowerCase())),
    ...ids.filter((i) => !have.has(i)),
  ];
}
