// Zotero's local API (the desktop app, http://127.0.0.1:23119/api/, read-only, no key, no rate
// limit): the library's or one collection's top-level items as CSL-JSON (`format=csljson`),
// optionally those matching a quick search (`q=`), 100 a page (`start=`). Written as one CSL-JSON
// array, the items unchanged: the file the csl reader reads.
import { z } from "zod";
import { jsonBody, pathId } from "./body.ts";
import { FetchError, redactUrl } from "./http.ts";
import { PAGE_SIZE, RequestError } from "./options.ts";
import type { Fetched, SourceContext } from "./types.ts";

const CslItem = z.looseObject({ id: z.union([z.string(), z.number()]), type: z.string() });
/** The Web API wraps CSL-JSON as {"items": [...]}; a bare array is taken too. */
export const ZoteroCslPage = z.union([z.object({ items: z.array(CslItem) }), z.array(CslItem)]);

export function zoteroUrl(
  base: string,
  p: { collection?: string; query?: string; start: number; limit: number },
): string {
  const where = p.collection ? `/collections/${pathId(p.collection)}` : "";
  const u = new URL(`${base.replace(/\/$/, "")}/users/0${where}/items/top`);
  u.searchParams.set("format", "csljson");
  if (p.query) u.searchParams.set("q", p.query);
  u.searchParams.set("start", String(p.start));
  u.searchParams.set("limit", String(p.limit));
  return u.toString();
}

/** The file: one CSL-JSON array. */
export function zoteroFile(items: readonly unknown[]): string {
  return `${JSON.stringify(items, null, 1)}\n`;
}

const HINT =
  "is Zotero running, with Settings → Advanced → 'Allow other applications on this computer to communicate with Zotero' on?";

export async function fetchZotero(ctx: SourceContext): Promise<Fetched> {
  if (ctx.dois.length || ctx.ids.length)
    throw new RequestError(
      "zotero: give a collection key (--collection) and/or search words, not ids",
    );
  const items: unknown[] = [];
  let start = 0;
  while (items.length < ctx.max) {
    const limit = Math.min(PAGE_SIZE.zotero, ctx.max - items.length);
    const url = zoteroUrl(ctx.base, {
      ...(ctx.collection ? { collection: ctx.collection } : {}),
      ...(ctx.query ? { query: ctx.query } : {}),
      start,
      limit,
    });
    let body: string;
    try {
      body = await ctx.client.getText(url);
    } catch (err) {
      if (err instanceof FetchError && (err.status === 403 || err.status === undefined))
        throw new FetchError("zotero", err.url, `${err.why}; ${HINT}`, err.status);
      if (err instanceof FetchError && err.status === 404 && ctx.collection)
        throw new FetchError(
          "zotero",
          err.url,
          `no collection '${ctx.collection}' (HTTP 404)`,
          404,
        );
      throw err;
    }
    const page = jsonBody("zotero", redactUrl(url), body, ZoteroCslPage);
    const got = Array.isArray(page) ? page : page.items;
    items.push(...got.slice(0, ctx.max - items.length));
    start += got.length;
    if (got.length < limit) break;
  }
  return { text: zoteroFile(items), records: items.length, missing: [], extension: "json" };
}
