// arXiv API (Atom): a search (`search_query=`, paged with `start=`, 100 a page) or arXiv ids
// (`id_list=`, 100 a request). Written as one Atom feed: the first page's feed header and every
// entry unchanged, the file the atom reader reads.
import { chunks, malformed } from "./body.ts";
import { redactUrl } from "./http.ts";
import { PAGE_SIZE, RequestError } from "./options.ts";
import type { Fetched, SourceContext } from "./types.ts";

/** arXiv's search fields; a query naming none searches every field for each word. */
const FIELD = /(?:^|[\s(])(?:ti|au|abs|co|jr|cat|rn|id|all):/;

/** "sepsis prediction" → "all:sepsis AND all:prediction"; a query with fields is kept. */
export function arxivQuery(query: string): string {
  if (FIELD.test(query)) return query;
  const words = query.split(/\s+/).filter(Boolean);
  return words.map((w) => `all:${w}`).join(" AND ");
}

export function arxivSearchUrl(base: string, query: string, start: number, max: number): string {
  const u = new URL(`${base.replace(/\/$/, "")}/query`);
  u.searchParams.set("search_query", arxivQuery(query));
  u.searchParams.set("start", String(start));
  u.searchParams.set("max_results", String(max));
  return u.toString();
}

export function arxivIdsUrl(base: string, ids: readonly string[]): string {
  const u = new URL(`${base.replace(/\/$/, "")}/query`);
  u.searchParams.set("id_list", ids.join(","));
  u.searchParams.set("max_results", String(ids.length));
  return u.toString();
}

export interface AtomPage {
  /** The feed up to its first entry (or up to </feed> when there is none). */
  header: string;
  entries: string[];
  total: number | null;
}

/** Split an arXiv API response; an error entry, a non-feed or a cut-off feed throws. */
export function splitAtom(text: string, url: string): AtomPage {
  const body = text.replace(/^\uFEFF/, "");
  if (!/<feed[\s>]/.test(body.slice(0, 4096)))
    throw malformed(
      "arxiv",
      url,
      `no Atom <feed> (it begins ${JSON.stringify(body.trim().slice(0, 60))})`,
    );
  const end = body.lastIndexOf("</feed>");
  if (end < 0) throw malformed("arxiv", url, "the <feed> never closes (a cut-off body?)");
  const entries = [...body.slice(0, end).matchAll(/<entry>[\s\S]*?<\/entry>/g)].map((m) => m[0]);
  const error = entries.find((e) => /<id>[^<]*arxiv\.org\/api\/errors/.test(e));
  if (error) {
    const says = /<summary>([\s\S]*?)<\/summary>/.exec(error)?.[1]?.trim() ?? "an error";
    throw malformed("arxiv", url, `arXiv says ${JSON.stringify(says)}`);
  }
  const opened = (body.match(/<entry>/g) ?? []).length;
  if (opened !== entries.length)
    throw malformed("arxiv", url, `${opened} <entry> opened but ${entries.length} closed`);
  const first = body.indexOf("<entry>");
  const header = body.slice(0, first >= 0 ? first : end);
  const total = /<opensearch:totalResults[^>]*>\s*(\d+)/.exec(header)?.[1];
  return { header, entries, total: total === undefined ? null : Number(total) };
}

/** The file: the first page's header, every entry, the feed closed. */
export function arxivFile(pages: readonly AtomPage[], entries: readonly string[]): string {
  const header = (pages[0]?.header ?? "").replace(/\s*$/, "");
  return `${header}\n  ${entries.join("\n  ")}\n</feed>\n`;
}

/** An arXiv id from "2202.12139v1", "arXiv:2202.12139", "https://arxiv.org/abs/…", "hep-th/9901001". */
export function arxivId(id: string): string | null {
  const m =
    /^(?:arxiv:|https?:\/\/arxiv\.org\/(?:abs|pdf)\/)?((?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?)$/i.exec(
      id.trim(),
    );
  return m ? (m[1] as string) : null;
}

export async function fetchArxiv(ctx: SourceContext): Promise<Fetched> {
  if (ctx.dois.length) throw new RequestError("arxiv: give arXiv ids (--id) or a query; not DOIs");
  const bad = ctx.ids.filter((i) => !arxivId(i));
  if (bad.length) throw new RequestError(`arxiv: not an arXiv id: ${bad.slice(0, 3).join(", ")}`);
  const pages: AtomPage[] = [];
  const entries = new Map<string, string>();
  const add = (page: AtomPage) => {
    pages.push(page);
    for (const e of page.entries) {
      const id = /<id>([^<]*)<\/id>/.exec(e)?.[1] ?? e;
      if (entries.size < ctx.max && !entries.has(id)) entries.set(id, e);
    }
  };
  let total: number | undefined;
  if (ctx.query !== undefined) {
    let start = 0;
    while (entries.size < ctx.max && start < PAGE_SIZE.arxivMax) {
      const size = Math.min(PAGE_SIZE.arxiv, ctx.max - entries.size);
      const url = arxivSearchUrl(ctx.base, ctx.query, start, size);
      const page = splitAtom(await ctx.client.getText(url), redactUrl(url));
      add(page);
      if (page.total !== null) total = page.total;
      start += page.entries.length;
      if (!page.entries.length || (page.total !== null && start >= page.total)) break;
    }
  } else {
    const ids = ctx.ids.map((i) => arxivId(i) as string).slice(0, ctx.max);
    for (const batch of chunks(ids, PAGE_SIZE.arxiv)) {
      const url = arxivIdsUrl(ctx.base, batch);
      add(splitAtom(await ctx.client.getText(url), redactUrl(url)));
    }
  }
  const list = [...entries.values()];
  const got = list.join("\n");
  return {
    text: arxivFile(pages, list),
    records: list.length,
    ...(total !== undefined ? { total } : {}),
    missing: ctx.ids.filter((i) => !got.includes(`/abs/${(arxivId(i) ?? i).replace(/v\d+$/, "")}`)),
    extension: "xml",
  };
}
