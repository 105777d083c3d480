// What a fetch asks for and how politely: the request (source, query or ids, how many records),
// the client's options with their DEFAULTS, and the services' published rate limits.

/** The live sources `litgraph fetch` knows. */
export const SOURCES = ["openalex", "crossref", "pubmed", "s2", "arxiv", "zotero"] as const;
export type SourceName = (typeof SOURCES)[number];

/** A request that cannot be made as given (no query, an id of the wrong kind): nothing was sent. */
export class RequestError extends Error {
  override name = "RequestError";
}

/** One fetch: a query, or a list of identifiers (DOIs, or the source's own ids), not both. */
export interface FetchRequest {
  source: SourceName;
  /** Search words, in the source's own query syntax (PubMed: an Entrez query). */
  query?: string;
  /** Zotero: a collection key (else the whole library). */
  collection?: string;
  /** DOIs ("10.1371/journal.pone.0033693", "https://doi.org/…" also taken). */
  dois?: string[];
  /** The source's ids: OpenAlex W-ids, PMIDs, Semantic Scholar paper ids ("DOI:…", "PMID:…" too). */
  ids?: string[];
  /** Stop after this many records (default DEFAULTS.maxRecords, or the number of DOIs and ids). */
  maxRecords?: number;
  /** A contact address: OpenAlex and Crossref `mailto`, NCBI `email`, the User-Agent. */
  email?: string;
  /**
   * The service's key: OpenAlex `api_key`, NCBI `api_key`, Crossref Plus token, S2 `x-api-key`.
   * Never shown: URLs in messages leave it out, and it travels in a header where the API allows.
   */
  apiKey?: string;
  /** Another server speaking the same API (a mirror, or a test server on 127.0.0.1). */
  baseUrl?: string;
}

/** How the HTTP client paces, retries and waits. */
export interface ClientOptions {
  /** Retries of one request after a 429, a 5xx or a network error (the first try not counted). */
  maxRetries: number;
  /** The first backoff; each retry doubles it. */
  baseDelayMs: number;
  /** Cap on one backoff; a Retry-After asking for longer than this ends the fetch with an error. */
  maxDelayMs: number;
  /** One request's time limit (the whole body read included). */
  timeoutMs: number;
  /** Minimum time between the starts of two requests; 0 takes the source's published rate. */
  minIntervalMs: number;
}

export const DEFAULTS = {
  /** Records one fetch stops at. */
  maxRecords: 500,
  client: {
    maxRetries: 5,
    baseDelayMs: 1000,
    maxDelayMs: 60_000,
    timeoutMs: 60_000,
    minIntervalMs: 0,
  } satisfies ClientOptions,
  baseUrls: {
    openalex: "https://api.openalex.org",
    crossref: "https://api.crossref.org",
    pubmed: "https://eutils.ncbi.nlm.nih.gov/entrez/eutils",
    s2: "https://api.semanticscholar.org/graph/v1",
    arxiv: "https://export.arxiv.org/api",
    zotero: "http://127.0.0.1:23119/api",
  } satisfies Record<SourceName, string>,
  /** Environment variables read when no --email / --api-key is given. */
  env: {
    email: "LITGRAPH_EMAIL",
    apiKey: {
      openalex: "OPENALEX_API_KEY",
      crossref: "CROSSREF_PLUS_API_TOKEN",
      pubmed: "NCBI_API_KEY",
      s2: "S2_API_KEY",
    } satisfies Partial<Record<SourceName, string>> as Partial<Record<SourceName, string>>,
  },
} as const;

/**
 * Milliseconds between request starts, from each service's published limits (checked Dec 2026),
 * kept under them; requests are never concurrent.
 * - OpenAlex: at most 100 requests/s for everyone, a daily budget per API key (required since
 *   Feb 2026; without one a few requests a day). We send 10/s.
 * - NCBI E-utilities: 3 requests/s without an API key, 10/s with one.
 * - Crossref: public and polite pools, one request at a time; the pools' limits are sent in
 *   X-Rate-Limit-Limit / X-Rate-Limit-Interval, which the client also follows. We send 1/s
 *   without an email, 3/s with one (polite pool), 10/s with a Plus token.
 * - Semantic Scholar: 100 requests per 5 minutes shared by all users without a key, 1/s with one.
 * - arXiv API: no more than one request every three seconds, one connection at a time.
 * - Zotero's local API: the desktop app on this computer, no rate limit.
 */
export function publishedIntervalMs(source: SourceName, r: { email?: string; apiKey?: string }) {
  switch (source) {
    case "openalex":
      return 100;
    case "pubmed":
      return r.apiKey ? 110 : 350;
    case "crossref":
      return r.apiKey ? 100 : r.email ? 350 : 1000;
    case "s2":
      return r.apiKey ? 1100 : 3000;
    case "arxiv":
      return 3000;
    case "zotero":
      return 0;
  }
}

/** Records per request, the services' page-size maxima or below. */
export const PAGE_SIZE = {
  openalex: 200,
  /** OR-ed values in one OpenAlex filter (the API allows up to 100). */
  openalexIdsPerRequest: 50,
  crossref: 200,
  /** PMIDs per efetch GET (keeps the URL short). */
  pubmedFetch: 200,
  /** esearch returns at most this many ids. */
  pubmedSearchMax: 9999,
  s2Search: 100,
  /** S2 relevance search serves up to 1,000 results; offset + limit is kept under that. */
  s2SearchMax: 999,
  /** arXiv entries a request (the API allows 2,000; it suggests smaller slices). */
  arxiv: 100,
  /** arXiv serves at most this many results of one query. */
  arxivMax: 30_000,
  /** Zotero API items a request (its maximum). */
  zotero: 100,
} as const;
