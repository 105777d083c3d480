// PubMed through NCBI E-utilities: esearch (JSON) for a query's PMIDs, then efetch (XML) in
// batches of 200; or efetch of given PMIDs. The efetch bodies are joined into one
// PubmedArticleSet (the first body's XML declaration and DOCTYPE, every article unchanged):
// the file the pubmed reader reads.
import { z } from "zod";
import { chunks, jsonBody, malformed } from "./body.ts";
import { redactUrl } from "./http.ts";
import { PAGE_SIZE, RequestError } from "./options.ts";
import type { Fetched, SourceContext } from "./types.ts";

export const ESearch = z.object({
  esearchresult: z.object({
    count: z.string().regex(/^\d+$/),
    idlist: z.array(z.string().regex(/^\d+$/)),
    ERROR: z.string().optional(),
  }),
});

type Auth = { email?: string; apiKey?: string };

function eutilsUrl(base: string, tool: string, params: Record<string, string>, auth: Auth) {
  const u = new URL(`${base.replace(/\/$/, "")}/${tool}`);
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
  u.searchParams.set("tool", "litgraph");
  if (auth.email) u.searchParams.set("email", auth.email);
  if (auth.apiKey) u.searchParams.set("api_key", auth.apiKey);
  return u.toString();
}

/** The esearch URL: a query's first `max` PMIDs, most relevant first, as JSON. */
export function esearchUrl(base: string, term: string, max: number, auth: Auth): string {
  const params = { db: "pubmed", term, retmode: "json", retmax: String(max), sort: "relevance" };
  return eutilsUrl(base, "esearch.fcgi", params, auth);
}

/** The efetch URL of some PMIDs, as PubMed XML. */
export function efetchUrl(base: string, pmids: readonly string[], auth: Auth): string {
  return eutilsUrl(
    base,
    "efetch.fcgi",
    { db: "pubmed", id: pmids.join(","), retmode: "xml" },
    auth,
  );
}

export interface EfetchBody {
  /** What comes before <PubmedArticleSet>: the XML declaration and DOCTYPE. */
  prolog: string;
  /** Everything inside the set, unchanged. */
  inner: string;
  /** The PMIDs of its articles, in order. */
  pmids: string[];
}

/**
 * Split an efetch body into prolog, inner text and PMIDs; an error body (<eFetchResult>
 * <ERROR>, HTML, JSON) or a set that never closes throws a malformed-response FetchError.
 */
export function splitEfetch(text: string, url: string): EfetchBody {
  const body = text.replace(/^\uFEFF/, "");
  const error = /<ERROR>([\s\S]*?)<\/ERROR>/.exec(body)?.[1];
  if (error) throw malformed("pubmed", url, `efetch says ${JSON.stringify(error.trim())}`);
  if (/<PubmedArticleSet\s*\/>/.test(body))
    return { prolog: body.slice(0, body.search(/<PubmedArticleSet/)), inner: "", pmids: [] };
  const open = /<PubmedArticleSet(\s[^>]*)?>/.exec(body);
  if (!open)
    throw malformed(
      "pubmed",
      url,
      `no <PubmedArticleSet> in the body (it begins ${JSON.stringify(body.trim().slice(0, 60))})`,
    );
  const close = body.lastIndexOf("</PubmedArticleSet>");
  if (close < open.index)
    throw malformed("pubmed", url, "the <PubmedArticleSet> never closes (a cut-off body?)");
  const inner = body.slice(open.index + open[0].length, close);
  const opened = (inner.match(/<PubmedArticle[\s>]/g) ?? []).length;
  const closed = (inner.match(/<\/PubmedArticle>/g) ?? []).length;
  if (opened !== closed)
    throw malformed("pubmed", url, `${opened} <PubmedArticle> opened but ${closed} closed`);
  const pmids = [...inner.matchAll(/<MedlineCitation[^>]*>\s*<PMID[^>]*>\s*(\d+)/g)].map(
    (m) => m[1] as string,
  );
  return { prolog: body.slice(0, open.index), inner, pmids };
}

/** The file: the first body's prolog and one set holding every body's articles. */
export function pubmedFile(bodies: readonly EfetchBody[]): string {
  const prolog = bodies[0]?.prolog.trim() || '<?xml version="1.0" ?>';
  const inner = bodies
    .map((b) => b.inner.replace(/^\s*\n/, "").replace(/\s*$/, ""))
    .filter(Boolean);
  return `${prolog}\n<PubmedArticleSet>\n${inner.join("\n")}\n</PubmedArticleSet>\n`;
}

export async function fetchPubmed(ctx: SourceContext): Promise<Fetched> {
  if (ctx.dois.length)
    throw new RequestError(
      `pubmed: search DOIs as a query ("10.1/x[doi]"), or give PMIDs with --id`,
    );
  const bad = ctx.ids.filter((i) => !/^\d+$/.test(i.trim()));
  if (bad.length) throw new RequestError(`pubmed: not a PMID: ${bad.slice(0, 3).join(", ")}`);
  let pmids = ctx.ids.map((i) => i.trim());
  let total: number | undefined;
  if (ctx.query !== undefined) {
    const max = Math.min(ctx.max, PAGE_SIZE.pubmedSearchMax);
    const url = esearchUrl(ctx.base, ctx.query, max, ctx);
    const found = jsonBody("pubmed", redactUrl(url), await ctx.client.getText(url), ESearch);
    if (found.esearchresult.ERROR)
      throw malformed("pubmed", redactUrl(url), `esearch says ${found.esearchresult.ERROR}`);
    total = Number(found.esearchresult.count);
    pmids = found.esearchresult.idlist;
  }
  pmids = [...new Set(pmids)].slice(0, ctx.max);
  const bodies: EfetchBody[] = [];
  for (const batch of chunks(pmids, PAGE_SIZE.pubmedFetch)) {
    const url = efetchUrl(ctx.base, batch, ctx);
    bodies.push(splitEfetch(await ctx.client.getText(url), redactUrl(url)));
  }
  const got = new Set(bodies.flatMap((b) => b.pmids));
  return {
    text: pubmedFile(bodies),
    records: bodies.reduce((n, b) => n + b.pmids.length, 0),
    ...(total !== undefined ? { total } : {}),
    missing: pmids.filter((p) => !got.has(p)),
    extension: "xml",
  };
}
