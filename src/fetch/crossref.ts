// Crossref REST API `works`: a query (`query=`, paged with `cursor=`, 200 a page) or DOIs (one
// `/works/{doi}` each). Written as one `work-list` response, the items unchanged: the shape the
// crossref reader reads.
import { z } from "zod";
import { CrossrefWork } from "../ingest/readers/crossref.ts";
import { bareDoi, jsonBody, pathId } from "./body.ts";
import { redactUrl } from "./http.ts";
import { PAGE_SIZE, RequestError } from "./options.ts";
import type { Fetched, SourceContext } from "./types.ts";

const Item = CrossrefWork.extend({ DOI: z.string() });

export const CrossrefList = z.object({
  status: z.literal("ok"),
  "message-type": z.literal("work-list"),
  message: z.object({
    "total-results": z.number().int().nonnegative(),
    "next-cursor": z.string().nullish(),
    items: z.array(Item),
  }),
});

export const CrossrefSingle = z.object({
  status: z.literal("ok"),
  "message-type": z.literal("work"),
  message: Item,
});

type Auth = { email?: string; apiKey?: string };

/** The URL of one page of a query. */
export function crossrefQueryUrl(
  base: string,
  p: { query: string; cursor: string; rows: number },
  auth: Auth,
): string {
  const u = new URL(`${base.replace(/\/$/, "")}/works`);
  u.searchParams.set("query", p.query);
  u.searchParams.set("rows", String(p.rows));
  u.searchParams.set("cursor", p.cursor);
  if (auth.email) u.searchParams.set("mailto", auth.email);
  return u.toString();
}

/** The URL of one DOI. */
export function crossrefDoiUrl(base: string, doi: string, auth: Auth): string {
  const u = new URL(`${base.replace(/\/$/, "")}/works/${pathId(bareDoi(doi))}`);
  if (auth.email) u.searchParams.set("mailto", auth.email);
  return u.toString();
}

/** The file: one work-list response holding every item fetched. */
export function crossrefFile(items: readonly unknown[]): string {
  const body = {
    status: "ok",
    "message-type": "work-list",
    "message-version": "1.0.0",
    message: { "total-results": items.length, items },
  };
  return `${JSON.stringify(body, null, 1)}\n`;
}

export async function fetchCrossref(ctx: SourceContext): Promise<Fetched> {
  if (ctx.ids.length)
    throw new RequestError("crossref: give DOIs (--doi) or a query; Crossref has no other ids");
  const items = new Map<string, unknown>();
  const missing: string[] = [];
  let total: number | undefined;
  if (ctx.query !== undefined) {
    let cursor = "*";
    while (items.size < ctx.max) {
      const rows = Math.min(PAGE_SIZE.crossref, Math.max(1, ctx.max - items.size));
      const url = crossrefQueryUrl(ctx.base, { query: ctx.query, cursor, rows }, ctx);
      const page = jsonBody(
        "crossref",
        redactUrl(url),
        await ctx.client.getText(url),
        CrossrefList,
      );
      total = page.message["total-results"];
      const got = page.message.items;
      for (const w of got)
        if (items.size < ctx.max && !items.has(w.DOI.toLowerCase()))
          items.set(w.DOI.toLowerCase(), w);
      const next = page.message["next-cursor"];
      if (!got.length || !next || next === cursor || items.size >= total) break;
      cursor = next;
    }
  } else {
    for (const doi of ctx.dois.slice(0, ctx.max)) {
      const url = crossrefDoiUrl(ctx.base, doi, ctx);
      const body = await ctx.client.getTextOrMissing(url);
      if (body === null) {
        missing.push(doi);
        continue;
      }
      const work = jsonBody("crossref", redactUrl(url), body, CrossrefSingle).message;
      if (!items.has(work.DOI.toLowerCase())) items.set(work.DOI.toLowerCase(), work);
    }
  }
  const list = [...items.values()];
  return {
    text: crossrefFile(list),
    records: list.length,
    ...(total !== undefined ? { total } : {}),
    missing,
    extension: "json",
  };
}

/** Crossref Plus sends its token as a header. */
export function crossrefHeaders(apiKey: string | undefined): Record<string, string> {
  return apiKey ? { "Crossref-Plus-API-Token": `Bearer ${apiKey}` } : {};
}
