// `litgraph fetch`: records from a live source (OpenAlex, Crossref, PubMed, Semantic Scholar,
// arXiv, Zotero's local API), returned as the text of one file in the layout litgraph's reader of
// that source reads. Nothing is written here: the caller writes the text (atomically) once the
// whole fetch has succeeded.
import { fetchArxiv } from "./arxiv.ts";
import { crossrefHeaders, fetchCrossref } from "./crossref.ts";
import { type ClientDeps, type ClientStats, HttpClient } from "./http.ts";
import { fetchOpenAlex } from "./openalex.ts";
import {
  type ClientOptions,
  DEFAULTS,
  type FetchRequest,
  publishedIntervalMs,
  RequestError,
  SOURCES,
  type SourceName,
} from "./options.ts";
import { fetchPubmed } from "./pubmed.ts";
import { fetchS2, s2Headers } from "./s2.ts";
import type { Fetched, SourceContext } from "./types.ts";
import { fetchZotero } from "./zotero.ts";

export { type ClientDeps, FetchError, type FetchFn, type RetryEvent, redactUrl } from "./http.ts";
export {
  type ClientOptions,
  DEFAULTS,
  type FetchRequest,
  publishedIntervalMs,
  RequestError,
  SOURCES,
  type SourceName,
} from "./options.ts";
export type { Fetched } from "./types.ts";

export interface FetchResult extends Fetched {
  source: SourceName;
  /** DOIs / ids beyond maxRecords, not asked for. */
  notAsked: number;
  /** Every URL requested, without the API key. */
  urls: string[];
  stats: ClientStats;
}

const RUN: Record<SourceName, (ctx: SourceContext) => Promise<Fetched>> = {
  openalex: fetchOpenAlex,
  crossref: fetchCrossref,
  pubmed: fetchPubmed,
  s2: fetchS2,
  arxiv: fetchArxiv,
  zotero: fetchZotero,
};

/** The User-Agent: litgraph, and the contact address where one is given (Crossref asks for it). */
export function userAgent(email: string | undefined): string {
  return email ? `litgraph/0.1.0 (mailto:${email})` : "litgraph/0.1.0";
}

/**
 * Fetch what `request` asks for. Throws a FetchError (source, URL without key, what went
 * wrong) when a request fails for good or a body is malformed, a RequestError for a request that
 * cannot be made (no query or ids, an id of the wrong kind).
 */
export async function fetchSource(
  request: FetchRequest,
  options: Partial<ClientOptions> = {},
  deps: ClientDeps = {},
): Promise<FetchResult> {
  const { source } = request;
  if (!SOURCES.includes(source)) throw new RequestError(`unknown source '${source}'`);
  const dois = (request.dois ?? []).map((d) => d.trim()).filter(Boolean);
  const ids = (request.ids ?? []).map((d) => d.trim()).filter(Boolean);
  const query = request.query?.trim() || undefined;
  const collection = request.collection?.trim() || undefined;
  if (collection && source !== "zotero")
    throw new RequestError(`${source}: only zotero has collections`);
  if (!query && !dois.length && !ids.length && source !== "zotero")
    throw new RequestError(`${source}: give a query, or DOIs / ids to fetch`);
  if (query && (dois.length || ids.length))
    throw new RequestError(`${source}: give a query or DOIs / ids, not both`);
  // a list of DOIs / ids is fetched whole unless maxRecords says otherwise
  const listed = dois.length + ids.length;
  const max = request.maxRecords ?? Math.max(DEFAULTS.maxRecords, listed);
  if (!Number.isInteger(max) || max < 1)
    throw new RequestError(`maxRecords must be a positive integer`);
  // beyond max, DOIs and ids are not asked for (and so not reported missing)
  const askDois = dois.slice(0, max);
  const askIds = ids.slice(0, Math.max(0, max - askDois.length));
  const headers = {
    "User-Agent": userAgent(request.email),
    Accept:
      source === "pubmed"
        ? "application/xml, application/json"
        : source === "arxiv"
          ? "application/atom+xml"
          : "application/json",
    ...(source === "crossref" ? crossrefHeaders(request.apiKey) : {}),
    ...(source === "s2" ? s2Headers(request.apiKey) : {}),
  };
  const client = new HttpClient(
    source,
    // Zotero is an app on this computer: not running is not worth a minute of retries
    { ...DEFAULTS.client, ...(source === "zotero" ? { maxRetries: 1 } : {}), ...options },
    publishedIntervalMs(source, request),
    headers,
    deps,
  );
  const fetched = await RUN[source]({
    client,
    base: request.baseUrl ?? DEFAULTS.baseUrls[source],
    ...(query !== undefined ? { query } : {}),
    ...(collection ? { collection } : {}),
    dois: askDois,
    ids: askIds,
    max,
    ...(request.email ? { email: request.email } : {}),
    ...(request.apiKey ? { apiKey: request.apiKey } : {}),
  });
  const notAsked = listed - askDois.length - askIds.length;
  return { ...fetched, source, notAsked, urls: client.urls, stats: client.stats };
}
