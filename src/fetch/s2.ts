// Semantic Scholar Graph API: papers by id (`/paper/{id}`, with their references), or a search
// (`/paper/search`, paged by offset, its first 999 results at most). Written as a JSON array of the paper
// objects unchanged: the semanticscholar reader reads it, a paper's `references` included (each
// becomes a record and a reference of the paper).
import { z } from "zod";
import { bareDoi, jsonBody, pathId } from "./body.ts";
import { redactUrl } from "./http.ts";
import { PAGE_SIZE } from "./options.ts";
import type { Fetched, SourceContext } from "./types.ts";

const PAPER_FIELDS = "paperId,externalIds,url,title,abstract,venue,year,publicationDate,authors";
/** A paper by id also brings its references' ids, titles and authors. */
export const S2_PAPER_FIELDS = `${PAPER_FIELDS},references.paperId,references.externalIds,references.title,references.year,references.authors`;

const Author = z.object({ authorId: z.string().nullish(), name: z.string().nullish() });
export const S2Paper = z.object({
  paperId: z.string(),
  title: z.string().nullish(),
  abstract: z.string().nullish(),
  year: z.number().int().nullish(),
  externalIds: z.record(z.string(), z.unknown()).nullish(),
  authors: z.array(Author).nullish(),
  references: z
    .array(z.object({ paperId: z.string().nullish(), title: z.string().nullish() }))
    .nullish(),
});

export const S2Search = z.object({
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative().optional(),
  next: z.number().int().nonnegative().optional(),
  data: z.array(S2Paper),
});

/** An id as the Graph API takes it: a 40-hex paperId, "DOI:…", "PMID:…", "ARXIV:…", "CorpusId:…". */
export function s2Id(id: string): string {
  const t = id.trim();
  if (/^10\.\d{4,9}\//.test(t) || /^https?:\/\/(dx\.)?doi\.org\//i.test(t))
    return `DOI:${bareDoi(t)}`;
  return t;
}

export function s2PaperUrl(base: string, id: string): string {
  const u = new URL(`${base.replace(/\/$/, "")}/paper/${pathId(s2Id(id))}`);
  u.searchParams.set("fields", S2_PAPER_FIELDS);
  return u.toString();
}

export function s2SearchUrl(base: string, query: string, offset: number, limit: number): string {
  const u = new URL(`${base.replace(/\/$/, "")}/paper/search`);
  u.searchParams.set("query", query);
  u.searchParams.set("offset", String(offset));
  u.searchParams.set("limit", String(limit));
  u.searchParams.set("fields", PAPER_FIELDS);
  return u.toString();
}

/** The file: a JSON array of the papers. */
export function s2File(papers: readonly unknown[]): string {
  return `${JSON.stringify(papers, null, 1)}\n`;
}

/** S2 takes its key as a header only. */
export function s2Headers(apiKey: string | undefined): Record<string, string> {
  return apiKey ? { "x-api-key": apiKey } : {};
}

export async function fetchS2(ctx: SourceContext): Promise<Fetched> {
  const papers = new Map<string, unknown>();
  const missing: string[] = [];
  let total: number | undefined;
  if (ctx.query !== undefined) {
    let offset = 0;
    const cap = Math.min(ctx.max, PAGE_SIZE.s2SearchMax);
    while (papers.size < cap && offset < PAGE_SIZE.s2SearchMax) {
      const limit = Math.min(PAGE_SIZE.s2Search, cap - papers.size, PAGE_SIZE.s2SearchMax - offset);
      const url = s2SearchUrl(ctx.base, ctx.query, offset, limit);
      const page = jsonBody("s2", redactUrl(url), await ctx.client.getText(url), S2Search);
      total = page.total;
      for (const p of page.data)
        if (papers.size < cap && !papers.has(p.paperId)) papers.set(p.paperId, p);
      if (!page.data.length || page.next === undefined || page.next <= offset) break;
      offset = page.next;
    }
  } else {
    for (const id of [...ctx.dois, ...ctx.ids].slice(0, ctx.max)) {
      const url = s2PaperUrl(ctx.base, id);
      const body = await ctx.client.getTextOrMissing(url);
      if (body === null) {
        missing.push(id);
        continue;
      }
      const paper = jsonBody("s2", redactUrl(url), body, S2Paper);
      if (!papers.has(paper.paperId)) papers.set(paper.paperId, paper);
    }
  }
  const list = [...papers.values()];
  return {
    text: s2File(list),
    records: list.length,
    ...(total !== undefined ? { total } : {}),
    missing,
    extension: "json",
  };
}
