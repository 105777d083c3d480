// `litgraph fetch` (src/fetch/, src/cli/commands/fetch.ts) against recorded responses
// (test/fixtures/fetch, test/fixtures/sources; ORIGIN.md names each), served through an injected
// fetch with a virtual clock, and once through a server on 127.0.0.1. Nothing leaves the machine.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { arxivId, arxivQuery } from "../src/fetch/arxiv.ts";
import { crossrefDoiUrl, crossrefQueryUrl } from "../src/fetch/crossref.ts";
import { backoffMs, headerIntervalMs, redactUrl, retryAfterMs } from "../src/fetch/http.ts";
import {
  type ClientDeps,
  FetchError,
  type FetchFn,
  type FetchRequest,
  fetchSource,
} from "../src/fetch/index.ts";
import { openalexFilters, openalexId, openalexUrl } from "../src/fetch/openalex.ts";
import { efetchUrl, esearchUrl, splitEfetch } from "../src/fetch/pubmed.ts";
import { s2Id, s2PaperUrl } from "../src/fetch/s2.ts";
import { ingestPaths } from "../src/ingest/files.ts";
import { type PaperRecord, parseText } from "../src/ingest/index.ts";
import { runMain } from "./run-main.ts";

const FIX = join(import.meta.dirname, "fixtures");
const read = (path: string) => readFileSync(join(FIX, path), "utf8");
const opts = { asOf: new Date("2026-12-01T00:00:00Z") };
const papersOf = (text: string, file: string) => parseText(text, file, opts);
/** What a reader makes of a paper, without where it was read. */
const essence = (p: PaperRecord) => ({ ...p, sources: p.sources.map((s) => s.format) });

// ---- recorded responses ---------------------------------------------------------------------

const OA = JSON.parse(read("fetch/openalex-works.json")) as {
  meta: Record<string, unknown>;
  results: { id: string; doi: string }[];
};
const CR = JSON.parse(read("fetch/crossref-works.json")) as {
  message: { items: { DOI: string }[]; "total-results": number };
};
const PMIDS = ["31588070", "38048813", "38962805"];
const EFETCH = new Map(PMIDS.map((id) => [id, read(`sources/pmid-${id}.xml`)]));
const S2 = read("fetch/s2-paper.json");
const CR_ONE = read("sources/test_works_with_one_id.json");
const ATOM = read("fetch/arxiv-search.xml");
const ZOTERO = read("fetch/zotero-csl-items.json");
const ATOM_HEAD = ATOM.slice(0, ATOM.indexOf("  <entry>"));
const ATOM_ENTRIES = [...ATOM.matchAll(/ {2}<entry>[\s\S]*?<\/entry>\n/g)].map((m) => m[0]);

/** An arXiv API response: the recorded feed header with the chosen recorded entries. */
const atomBody = (entries: string[]) => `${ATOM_HEAD}${entries.join("")}</feed>\n`;

/** An efetch response for some PMIDs: the recorded single-PMID bodies' articles in one set. */
function efetchBody(ids: string[]): string {
  const parts = ids.map((id) => EFETCH.get(id) ?? "");
  const prolog = (parts[0] ?? "").split("<PubmedArticleSet>")[0] ?? "";
  const inner = parts.map((p) => p.split("<PubmedArticleSet>")[1]?.split("</PubmedArticleSet>")[0]);
  return `${prolog}<PubmedArticleSet>${inner.join("")}</PubmedArticleSet>\n`;
}

/** The recorded OpenAlex works cut into pages of `size` with cursors c1, c2, … */
function openalexPage(cursor: string, size: number): string {
  const i = cursor === "*" ? 0 : Number(cursor.slice(1));
  const results = OA.results.slice(i, i + size);
  // like the API: a next_cursor on every page, even the last; `count` says when to stop
  const meta = { ...OA.meta, count: OA.results.length, next_cursor: `c${i + size}` };
  return JSON.stringify({ meta, results, group_by: [] });
}

/** The recorded Crossref items cut into pages of `size`; the last page has no next-cursor. */
function crossrefPage(cursor: string, size: number): string {
  const i = cursor === "*" ? 0 : Number(cursor.slice(1));
  const items = CR.message.items.slice(i, i + size);
  const next = i + size < CR.message.items.length ? { "next-cursor": `c${i + size}` } : {};
  const message = { ...CR.message, "total-results": 203, items, ...next };
  return JSON.stringify({ ...CR, message });
}

type Route = (url: URL, n: number) => { status?: number; body: string; headers?: HeadersInit };

/** The recorded services: each path answered from the fixtures. */
const RECORDED: Route = (url) => {
  const p = url.searchParams;
  if (url.pathname === "/works" && p.has("search"))
    return { body: openalexPage(p.get("cursor") ?? "*", 2) };
  if (url.pathname === "/works" && p.has("filter")) {
    const wanted = (p.get("filter") ?? "").replace(/^(doi|openalex):/, "").split("|");
    const results = OA.results.filter((w) =>
      wanted.some((x) => w.doi.endsWith(x) || w.id.endsWith(x)),
    );
    return {
      body: JSON.stringify({ meta: { count: results.length, next_cursor: null }, results }),
    };
  }
  if (url.pathname === "/cr/works" && p.has("query"))
    return { body: crossrefPage(p.get("cursor") ?? "*", 3) };
  if (url.pathname === "/cr/works/10.1371/journal.pone.0033693") return { body: CR_ONE };
  if (url.pathname.startsWith("/cr/works/")) return { status: 404, body: "Resource not found." };
  if (url.pathname === "/eutils/esearch.fcgi") return { body: read("fetch/esearch.json") };
  if (url.pathname === "/eutils/efetch.fcgi")
    return { body: efetchBody((p.get("id") ?? "").split(",")) };
  if (url.pathname.startsWith("/s2/paper/")) return { body: S2 };
  // Zotero's local API wraps CSL-JSON as {"items": [...]}; the collection answers a bare array
  if (url.pathname === "/zotero/users/0/items/top")
    return { body: JSON.stringify({ items: JSON.parse(ZOTERO) }) };
  if (url.pathname === "/zotero/users/0/collections/ABCD2345/items/top") return { body: ZOTERO };
  if (url.pathname === "/arxiv/query" && p.has("id_list")) {
    const ids = (p.get("id_list") ?? "").split(",");
    return { body: atomBody(ATOM_ENTRIES.filter((e) => ids.some((i) => e.includes(`/abs/${i}`)))) };
  }
  if (url.pathname === "/arxiv/query") {
    const start = Number(p.get("start"));
    return { body: atomBody(ATOM_ENTRIES.slice(start, start + 2)) };
  }
  return { status: 404, body: "no such route" };
};

/** A fake network: routes answer, every call is logged with its (virtual) time and headers. */
function fakeNet(route: Route) {
  let now = 1_000_000;
  const calls: { url: URL; at: number; headers: Record<string, string> }[] = [];
  const slept: number[] = [];
  const fetch: FetchFn = async (raw, init) => {
    const url = new URL(raw);
    calls.push({ url, at: now, headers: init.headers });
    const r = route(url, calls.length);
    if (r.status === -1) throw new TypeError("fetch failed");
    return new Response(r.body, { status: r.status ?? 200, headers: r.headers });
  };
  const deps: ClientDeps = {
    fetch,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
  return { deps, calls, slept };
}

const BASE: Record<FetchRequest["source"], string> = {
  openalex: "http://api.test",
  crossref: "http://api.test/cr",
  pubmed: "http://api.test/eutils",
  s2: "http://api.test/s2",
  arxiv: "http://api.test/arxiv",
  zotero: "http://api.test/zotero",
};
const run = (req: Omit<FetchRequest, "baseUrl">, route: Route = RECORDED, o = {}) => {
  const net = fakeNet(route);
  const result = fetchSource({ ...req, baseUrl: BASE[req.source] }, o, net.deps);
  return { net, result };
};

// ---- pure request planning ------------------------------------------------------------------

describe("request planning", () => {
  it.each([
    [
      "openalex search",
      openalexUrl(
        "https://api.openalex.org",
        { search: "sepsis ai", cursor: "*", perPage: 200 },
        { email: "a@b.org", apiKey: "K" },
      ),
      "https://api.openalex.org/works?search=sepsis+ai&per-page=200&cursor=*&mailto=a%40b.org&api_key=K",
    ],
    [
      "crossref query",
      crossrefQueryUrl(
        "https://api.crossref.org",
        { query: "ecology", cursor: "AoJ", rows: 200 },
        { email: "a@b.org" },
      ),
      "https://api.crossref.org/works?query=ecology&rows=200&cursor=AoJ&mailto=a%40b.org",
    ],
    [
      "crossref DOI",
      crossrefDoiUrl(
        "https://api.crossref.org",
        "https://doi.org/10.1371/journal.pone.0033693",
        {},
      ),
      "https://api.crossref.org/works/10.1371/journal.pone.0033693",
    ],
    [
      "esearch",
      esearchUrl("https://eutils.ncbi.nlm.nih.gov/entrez/eutils", "sepsis[mh]", 20, {
        apiKey: "K",
      }),
      "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/esearch.fcgi?db=pubmed&term=sepsis%5Bmh%5D&retmode=json&retmax=20&sort=relevance&tool=litgraph&api_key=K",
    ],
    [
      "efetch",
      efetchUrl("https://eutils.ncbi.nlm.nih.gov/entrez/eutils", ["1", "2"], { email: "a@b.org" }),
      "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/efetch.fcgi?db=pubmed&id=1%2C2&retmode=xml&tool=litgraph&email=a%40b.org",
    ],
  ])("%s", (_name, got, want) => {
    expect(got).toBe(want);
  });

  it.each([
    ["sepsis prediction", "all:sepsis AND all:prediction"],
    ["ti:sepsis AND cat:cs.LG", "ti:sepsis AND cat:cs.LG"],
  ])("arXiv query %s → %s", (q, want) => {
    expect(arxivQuery(q)).toBe(want);
  });

  it.each([
    ["2202.12139v1", "2202.12139v1"],
    ["arXiv:2202.12139", "2202.12139"],
    ["https://arxiv.org/abs/hep-th/9901001", "hep-th/9901001"],
    ["10.1/x", null],
  ])("arXiv id %s → %s", (id, want) => {
    expect(arxivId(id)).toBe(want);
  });

  it("ids: OpenAlex W-ids, OR-ed filters of at most 50, S2 DOIs", () => {
    expect(openalexId("https://openalex.org/W2741809807")).toBe("W2741809807");
    expect(openalexId("w12")).toBe("W12");
    expect(openalexId("10.1/x")).toBeNull();
    const dois = Array.from({ length: 51 }, (_, i) => `10.1/${i}`);
    const f = openalexFilters(dois, ["W1", "W2"]);
    expect(f).toHaveLength(3);
    expect(f[0]?.split("|")).toHaveLength(50);
    expect(f[2]).toBe("openalex:W1|W2");
    expect(s2Id("https://doi.org/10.1093/mind/lix.236.433")).toBe("DOI:10.1093/mind/lix.236.433");
    expect(s2Id("PMID:123")).toBe("PMID:123");
    expect(s2PaperUrl("https://s2.test/graph/v1", "10.1093/x")).toMatch(
      /^https:\/\/s2\.test\/graph\/v1\/paper\/DOI:10\.1093\/x\?fields=paperId%2CexternalIds%2C.*references\.paperId/,
    );
  });

  it.each([
    [
      "https://x.org/works?search=a&api_key=SECRET&mailto=m%40x.org",
      "https://x.org/works?search=a&mailto=m%40x.org",
    ],
    ["https://x.org/e.fcgi?id=1&api_key=SECRET", "https://x.org/e.fcgi?id=1"],
    ["not a url ?api_key=SECRET&x=1", "not a url ?x=1"],
  ])("redactUrl(%s) keeps no key", (url, want) => {
    expect(redactUrl(url)).toBe(want);
  });

  it.each([
    ["7", 7000],
    ["0", 0],
    ["1.5", 1500],
    ["Thu, 01 Jan 1970 00:00:10 GMT", 5000],
    ["soon", null],
    [null, null],
  ])("Retry-After %s → %s ms (now = 5 s)", (value, ms) => {
    expect(retryAfterMs(value, 5000)).toBe(ms);
  });

  it("backoff doubles up to its cap; X-Rate-Limit headers give a pace", () => {
    const o = { baseDelayMs: 1000, maxDelayMs: 5000 };
    expect([0, 1, 2, 3, 4].map((a) => backoffMs(a, o))).toEqual([1000, 2000, 4000, 5000, 5000]);
    const h = new Headers({ "x-rate-limit-limit": "50", "x-rate-limit-interval": "1s" });
    expect(headerIntervalMs(h)).toBe(20);
    expect(headerIntervalMs(new Headers())).toBeNull();
  });
});

// ---- each source against its recorded responses ---------------------------------------------

describe("each source writes a file its reader reads to the recorded records", () => {
  const cases: {
    name: string;
    req: Omit<FetchRequest, "baseUrl">;
    requests: number;
    /** The recorded texts whose records the fetched file must give, and how many. */
    expected: () => { text: string; file: string }[];
    records: number;
    missing?: string[];
  }[] = [
    {
      name: "openalex search, paged by cursor (2 a page)",
      req: { source: "openalex", query: "water policy", email: "me@lab.org" },
      requests: 2,
      expected: () => [{ text: read("fetch/openalex-works.json"), file: "o.json" }],
      records: 4,
    },
    {
      name: "openalex search stops at --max",
      req: { source: "openalex", query: "water policy", maxRecords: 3 },
      requests: 2,
      expected: () => {
        const j = JSON.parse(read("fetch/openalex-works.json"));
        return [{ text: JSON.stringify({ ...j, results: j.results.slice(0, 3) }), file: "o.json" }];
      },
      records: 3,
    },
    {
      name: "openalex by DOI and W-id, one not found",
      req: {
        source: "openalex",
        dois: [
          `https://doi.org/${OA.results[1]?.doi.replace("https://doi.org/", "")}`,
          "10.9999/none",
        ],
        ids: ["W1984314264"],
      },
      requests: 2,
      expected: () => {
        const j = JSON.parse(read("fetch/openalex-works.json"));
        return [
          { text: JSON.stringify({ ...j, results: [j.results[1], j.results[0]] }), file: "o.json" },
        ];
      },
      records: 2,
      missing: ["10.9999/none"],
    },
    {
      name: "crossref query, paged by cursor (3 a page)",
      req: { source: "crossref", query: "ecology", email: "me@lab.org" },
      requests: 2,
      expected: () => [{ text: read("fetch/crossref-works.json"), file: "c.json" }],
      records: 4,
    },
    {
      name: "crossref DOIs, one 404",
      req: { source: "crossref", dois: ["10.1371/journal.pone.0033693", "10.9999/none"] },
      requests: 2,
      expected: () => [{ text: CR_ONE, file: "c.json" }],
      records: 1,
      missing: ["10.9999/none"],
    },
    {
      name: "pubmed query: esearch then one efetch",
      req: { source: "pubmed", query: "clinical machine learning", email: "me@lab.org" },
      requests: 2,
      expected: () => PMIDS.map((id) => ({ text: EFETCH.get(id) ?? "", file: "p.xml" })),
      records: 3,
    },
    {
      name: "pubmed PMIDs",
      req: { source: "pubmed", ids: ["38962805", "31588070"] },
      requests: 1,
      expected: () =>
        ["38962805", "31588070"].map((id) => ({ text: EFETCH.get(id) ?? "", file: "p.xml" })),
      records: 2,
    },
    {
      name: "s2 paper by DOI, with its references",
      req: { source: "s2", dois: ["10.1093/MIND/LIX.236.433"] },
      requests: 1,
      expected: () => [{ text: `[${S2}]`, file: "s.json" }],
      records: 1,
    },
    {
      name: "arxiv search, paged by start (2 a page) until an empty page",
      req: { source: "arxiv", query: "testing" },
      requests: 3,
      expected: () => [{ text: ATOM, file: "a.xml" }],
      records: 4,
    },
    {
      name: "arxiv ids",
      req: {
        source: "arxiv",
        ids: ["arXiv:2005.14124", "https://arxiv.org/abs/2202.12139v1", "2501.00001"],
      },
      requests: 1,
      expected: () => [
        { text: atomBody([ATOM_ENTRIES[0] ?? "", ATOM_ENTRIES[2] ?? ""]), file: "a.xml" },
      ],
      records: 2,
      missing: ["2501.00001"],
    },
    {
      name: "zotero library, CSL-JSON",
      req: { source: "zotero" },
      requests: 1,
      expected: () => [{ text: ZOTERO, file: "z.json" }],
      records: 3,
    },
    {
      name: "zotero collection, searched",
      req: { source: "zotero", collection: "ABCD2345", query: "gradient" },
      requests: 1,
      expected: () => [{ text: ZOTERO, file: "z.json" }],
      records: 3,
    },
  ];

  it.each(cases)("$name", async (c) => {
    const { net, result } = run(c.req);
    const r = await result;
    expect(net.calls).toHaveLength(c.requests);
    expect(r.records).toBe(c.records);
    expect(r.missing).toEqual(c.missing ?? []);
    const got = papersOf(r.text, "fetched");
    expect(got.rejected).toEqual([]);
    const want = c.expected().flatMap((e) => papersOf(e.text, e.file).papers);
    expect(got.papers.map(essence)).toEqual(want.map(essence));
    expect(got.papers.length).toBeGreaterThanOrEqual(c.records);
  });

  it("DOIs beyond maxRecords are not asked for, nor called missing; a list is fetched whole by default", async () => {
    const dois = ["10.1371/journal.pone.0033693", "10.9999/a", "10.9999/b"];
    const capped = run({ source: "crossref", dois, maxRecords: 2 });
    const r = await capped.result;
    expect(capped.net.calls).toHaveLength(2);
    expect(r).toMatchObject({ records: 1, missing: ["10.9999/a"], notAsked: 1 });
    const many = Array.from({ length: 501 }, (_, i) => `10.9999/${i}`);
    const whole = run({ source: "crossref", dois: many });
    expect((await whole.result).notAsked).toBe(0);
    expect(whole.net.calls).toHaveLength(501);
  });

  it("zotero asks the local API for the collection's top items as CSL-JSON", async () => {
    const { net, result } = run({ source: "zotero", collection: "ABCD2345", query: "gradient" });
    await result;
    expect(net.calls[0]?.url.toString()).toBe(
      "http://api.test/zotero/users/0/collections/ABCD2345/items/top?format=csljson&q=gradient&start=0&limit=100",
    );
  });

  it.each([
    [
      403,
      "Local API is not enabled",
      /zotero: HTTP 403: Local API is not enabled; is Zotero running, with Settings → Advanced/,
    ],
    [404, "Collection not found", /zotero: no collection 'NOPE' \(HTTP 404\)/],
  ])("zotero answering %i says what to do", async (status, body, pattern) => {
    const { net, result } = run({ source: "zotero", collection: "NOPE" }, () => ({ status, body }));
    await expect(result).rejects.toThrow(pattern);
    expect(net.calls).toHaveLength(1);
  });

  it("zotero not running: one retry, then the hint", async () => {
    const { net, result } = run({ source: "zotero" }, () => ({ status: -1, body: "" }));
    await expect(result).rejects.toThrow(
      /zotero: no response after 2 attempts .*; is Zotero running/,
    );
    expect(net.calls).toHaveLength(2);
  });

  it("the contact address goes in the User-Agent and the polite-pool parameter", async () => {
    const { net, result } = run({ source: "crossref", query: "ecology", email: "me@lab.org" });
    await result;
    expect(net.calls[0]?.headers["User-Agent"]).toBe("litgraph/0.1.0 (mailto:me@lab.org)");
    expect(net.calls[0]?.url.searchParams.get("mailto")).toBe("me@lab.org");
  });

  it.each([
    ["crossref", { "Crossref-Plus-API-Token": "Bearer K" }],
    ["s2", { "x-api-key": "K" }],
  ] as const)("%s sends its key as a header, not in the URL", async (source, header) => {
    const req =
      source === "s2"
        ? { source, ids: ["PMID:1"], apiKey: "K" }
        : { source, query: "x", apiKey: "K" };
    const { net, result } = run(req);
    await result;
    expect(net.calls[0]?.headers).toMatchObject(header);
    expect(net.calls[0]?.url.toString()).not.toContain("K&");
    expect(net.calls[0]?.url.searchParams.has("api_key")).toBe(false);
  });
});

// ---- pace, retries, backoff -----------------------------------------------------------------

describe("rate limits and retries", () => {
  it.each([
    ["pubmed without a key: 3 a second", { source: "pubmed", query: "x" }, 350],
    ["pubmed with a key: 10 a second", { source: "pubmed", query: "x", apiKey: "K" }, 110],
    ["openalex: 10 a second", { source: "openalex", query: "x" }, 100],
    ["s2 without a key: 100 in 5 minutes", { source: "s2", ids: ["a", "b", "c"] }, 3000],
    ["s2 with a key: 1 a second", { source: "s2", ids: ["a", "b"], apiKey: "K" }, 1100],
    ["crossref, public pool: 1 a second", { source: "crossref", dois: ["a", "b"] }, 1000],
    ["crossref, polite pool", { source: "crossref", query: "x", email: "a@b.org" }, 350],
    ["arxiv: one every 3 s", { source: "arxiv", query: "x" }, 3000],
  ] as const)("%s", async (_name, req, gap) => {
    const { net, result } = run(req as FetchRequest);
    await result;
    expect(net.calls.length).toBeGreaterThanOrEqual(2);
    const gaps = net.calls.slice(1).map((c, i) => c.at - (net.calls[i]?.at ?? 0));
    for (const g of gaps) expect(g).toBe(gap);
  });

  it("follows a slower pace that X-Rate-Limit headers ask for", async () => {
    const { net, result } = run(
      { source: "crossref", query: "ecology", email: "a@b.org" },
      (u, n) => ({
        ...RECORDED(u, n),
        headers: { "x-rate-limit-limit": "1", "x-rate-limit-interval": "2s" },
      }),
    );
    await result;
    expect((net.calls[1]?.at ?? 0) - (net.calls[0]?.at ?? 0)).toBe(2000);
  });

  it("a 429 with Retry-After, then success: waits as asked and fetches everything", async () => {
    const { net, result } = run({ source: "openalex", query: "water policy" }, (u, n) =>
      n === 1
        ? { status: 429, body: '{"error":"Too Many Requests"}', headers: { "Retry-After": "7" } }
        : RECORDED(u, n),
    );
    const r = await result;
    expect(r.records).toBe(4);
    expect(r.stats).toMatchObject({ requests: 3, retries: 1 });
    expect(net.slept).toContain(7000);
    expect((net.calls[1]?.at ?? 0) - (net.calls[0]?.at ?? 0)).toBe(7000);
  });

  it("a 429 without Retry-After backs off exponentially", async () => {
    const { net, result } = run({ source: "openalex", query: "x" }, (u, n) =>
      n <= 3 ? { status: 429, body: "" } : RECORDED(u, n),
    );
    await result;
    expect(net.slept.filter((ms) => ms >= 1000)).toEqual([1000, 2000, 4000]);
  });

  it("a network error is retried like a 5xx", async () => {
    const { result } = run({ source: "pubmed", ids: PMIDS }, (u, n) =>
      n === 1 ? { status: -1, body: "" } : RECORDED(u, n),
    );
    expect((await result).records).toBe(3);
  });

  it("5xx every time: gives up after max retries with a clear error, backoff capped", async () => {
    const { net, result } = run(
      { source: "crossref", query: "ecology", apiKey: "SECRET" },
      () => ({ status: 503, body: "<html>Service Unavailable</html>" }),
      { maxRetries: 4, baseDelayMs: 1000, maxDelayMs: 5000 },
    );
    const err = await result.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect(net.calls).toHaveLength(5);
    expect(net.slept.filter((ms) => ms >= 1000)).toEqual([1000, 2000, 4000, 5000]);
    const msg = (err as Error).message;
    expect(msg).toContain("crossref: gave up after 5 attempts, the last HTTP 503");
    expect(msg).toContain("Service Unavailable");
    expect(msg).toContain("http://api.test/cr/works?query=ecology");
    expect(msg).not.toContain("SECRET");
  });

  it("a Retry-After beyond the cap ends the fetch at once (a daily limit)", async () => {
    const { net, result } = run({ source: "openalex", query: "x" }, () => ({
      status: 429,
      body: "",
      headers: { "Retry-After": "86400" },
    }));
    await expect(result).rejects.toThrow(/asks to retry after 86400 s, more than the 60 s/);
    expect(net.calls).toHaveLength(1);
  });

  it.each([
    ["openalex", { source: "openalex", query: "x", apiKey: "SECRET-KEY-1" }],
    ["s2", { source: "s2", ids: ["PMID:1"], apiKey: "SECRET-KEY-1" }],
    ["crossref", { source: "crossref", query: "x", apiKey: "SECRET-KEY-1" }],
  ] as const)("%s: an error page that echoes the request shows no key", async (_s, req) => {
    const { result } = run(req as FetchRequest, (u) => ({
      status: 401,
      body: `bad key SECRET-KEY-1 for ${u.toString()} (Bearer SECRET-KEY-1)`,
    }));
    const err = (await result.catch((e: unknown) => e)) as Error;
    expect(err.message).toMatch(/HTTP 401: bad key … for/);
    expect(err.message).not.toContain("SECRET-KEY-1");
  });

  it("a 4xx other than 429 is not retried", async () => {
    const { net, result } = run({ source: "openalex", query: "x", apiKey: "SECRET" }, () => ({
      status: 400,
      body: '{"error":"Invalid query parameters error."}',
    }));
    const err = (await result.catch((e: unknown) => e)) as Error;
    expect(net.calls).toHaveLength(1);
    expect(err.message).toMatch(
      /^openalex: HTTP 400: \{"error":"Invalid query parameters error."\}/,
    );
    expect(err.message).not.toContain("SECRET");
  });
});

// ---- malformed bodies -----------------------------------------------------------------------

describe("a malformed body gives an error naming the source, the URL (no key) and the fault", () => {
  const oaBroken = JSON.stringify({
    meta: { count: 1, next_cursor: null },
    results: [{ ...OA.results[0], authorships: "nobody" }],
  });
  it.each([
    [
      { source: "openalex", query: "x" },
      "<!DOCTYPE html><html>Cloudflare</html>",
      /openalex: malformed response: not JSON .*it begins "<!DOCTYPE html><html>Cloudflare<\/html>"/,
    ],
    [
      { source: "openalex", query: "x" },
      oaBroken,
      /openalex: malformed response: results\.0\.authorships: .*expected array/,
    ],
    [
      { source: "openalex", query: "x" },
      '{"meta":{"count":1},"results":[{"id":"W1"}]}',
      /results\.0\.id: /,
    ],
    [
      { source: "crossref", query: "x" },
      '{"status":"ok","message-type":"work","message":{}}',
      /crossref: malformed response: message-type: /,
    ],
    [
      { source: "crossref", query: "x" },
      read("fetch/crossref-works.json").slice(0, 5000),
      /crossref: malformed response: not JSON/,
    ],
    [
      { source: "pubmed", ids: ["1"] },
      "<eFetchResult><ERROR>Empty id list - nothing todo</ERROR></eFetchResult>",
      /pubmed: malformed response: efetch says "Empty id list - nothing todo"/,
    ],
    [
      { source: "pubmed", ids: ["1"] },
      (EFETCH.get("31588070") ?? "").slice(0, 3000),
      /pubmed: malformed response: the <PubmedArticleSet> never closes/,
    ],
    [
      { source: "pubmed", ids: ["1"] },
      '{"error":"API rate limit exceeded"}',
      /pubmed: malformed response: no <PubmedArticleSet> in the body/,
    ],
    [
      { source: "pubmed", query: "x[" },
      '{"esearchresult":{"count":"0","idlist":[],"ERROR":"Invalid query"}}',
      /pubmed: malformed response: esearch says Invalid query/,
    ],
    [{ source: "s2", ids: ["x"] }, '{"title":"no id"}', /s2: malformed response: paperId: /],
    [
      { source: "arxiv", query: "x" },
      ATOM.slice(0, 4000),
      /arxiv: malformed response: the <feed> never closes/,
    ],
    [
      { source: "arxiv", ids: ["2202.12139"] },
      "Rate exceeded.",
      /arxiv: malformed response: no Atom <feed>/,
    ],
    [
      { source: "arxiv", ids: ["2202.12139"] },
      atomBody([
        "  <entry><id>http://arxiv.org/api/errors#incorrect_id_format_for_1</id><title>Error</title><summary>incorrect id format for 1</summary></entry>\n",
      ]),
      /arxiv: malformed response: arXiv says "incorrect id format for 1"/,
    ],
  ] as const)("%j", async (req, body, pattern) => {
    const { result } = run({ ...(req as FetchRequest), apiKey: "SECRET" }, () => ({ body }));
    const err = (await result.catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(FetchError);
    expect(err.message).toMatch(pattern);
    expect(err.message).toMatch(/\(http:\/\/api\.test\/\S+\)$/);
    expect(err.message).not.toContain("SECRET");
  });

  it("splitEfetch counts articles and keeps the prolog", () => {
    const b = splitEfetch(efetchBody(PMIDS), "u");
    expect(b.pmids).toEqual(PMIDS);
    expect(b.prolog).toMatch(/^<\?xml[\s\S]*<!DOCTYPE PubmedArticleSet/);
    expect(splitEfetch(read("sources/pmid-37909814.xml"), "u").pmids).toEqual([]);
  });
});

// ---- the CLI, through a server on 127.0.0.1 -------------------------------------------------

describe("litgraph fetch through a local HTTP server", () => {
  let server: ReturnType<typeof createServer>;
  let base = "";
  let dir = "";
  const seen: string[] = [];
  let mode: "recorded" | "429-first" | "500" | "malformed" = "recorded";
  let n = 0;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "litgraph-fetch-"));
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      n++;
      seen.push(req.url ?? "");
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      if (mode === "429-first" && n === 1) {
        res.writeHead(429, { "Retry-After": "0" }).end("slow down");
        return;
      }
      if (mode === "500") {
        res.writeHead(500, { "Retry-After": "0" }).end("Internal Server Error");
        return;
      }
      if (mode === "malformed") {
        res.writeHead(200, { "content-type": "application/json" }).end('{"meta":');
        return;
      }
      const r = RECORDED(url, n);
      res.writeHead(r.status ?? 200, { "content-type": "application/json" }).end(r.body);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  const fetchArgs = (out: string, ...extra: string[]) => [
    "fetch",
    "openalex",
    "water",
    "policy",
    "-o",
    out,
    "--base-url",
    base,
    "--api-key",
    "SECRET",
    "--email",
    "me@lab.org",
    ...extra,
  ];

  it("a 429 then success: the file is written and `build`'s ingest reads the 4 works", async () => {
    mode = "429-first";
    n = 0;
    seen.length = 0;
    const out = join(dir, "works.json");
    const r = await runMain(fetchArgs(out, "--json"));
    expect(r.stderr).toContain(
      "fetch openalex: HTTP 429 Too Many Requests; attempt 2 of 6 in 0.0 s",
    );
    expect(r.stderr).toContain("fetch openalex: 4 of 4 records in 3 requests (1 retried)");
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({ source: "openalex", records: 4, read: 4, rejected: 0 });
    expect(`${r.stdout}${r.stderr}`).not.toContain("SECRET");
    expect(
      seen.every((u) => u.includes("api_key=SECRET") && u.includes("mailto=me%40lab.org")),
    ).toBe(true);
    const ingested = await ingestPaths([out], opts);
    expect(ingested.rejected).toEqual([]);
    expect(ingested.papers.map((p) => p.ids?.openalex).sort()).toEqual(
      OA.results.map((w) => w.id.replace("https://openalex.org/", "")).sort(),
    );
  });

  it("without an API key, OpenAlex is fetched with a note that it asks for one", async () => {
    mode = "recorded";
    n = 0;
    const out = join(dir, "nokey.json");
    const argv = fetchArgs(out).filter((a) => a !== "--api-key" && a !== "SECRET");
    const r = await runMain(argv);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("fetch openalex: no API key (--api-key or $OPENALEX_API_KEY)");
    expect(seen.at(-1)).not.toContain("api_key");
  });

  it.each([
    ["500", /openalex: gave up after 2 attempts, the last HTTP 500 Internal Server Error/],
    ["malformed", /openalex: malformed response: not JSON/],
  ] as const)("%s: exit 1, a clear message, the previous file untouched", async (m, pattern) => {
    mode = m;
    n = 0;
    const out = join(dir, "kept.json");
    writeFileSync(out, "previous contents\n");
    const r = await runMain(fetchArgs(out, "--max-retries", "1"));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr).toContain(`(${base}/works?search=water+policy`);
    expect(r.stderr).not.toContain("SECRET");
    expect(r.stderr).not.toContain("records in");
    expect(readFileSync(out, "utf8")).toBe("previous contents\n");
    const fresh = join(dir, "never.json");
    await runMain(fetchArgs(fresh, "--max-retries", "0"));
    expect(existsSync(fresh)).toBe(false);
  });

  it.each([
    [["fetch"], /fetch wants a source/],
    [["fetch", "scholar", "x", "-o", "o.json"], /unknown source 'scholar'/],
    [["fetch", "openalex", "x"], /fetch wants -o FILE/],
    [["fetch", "pubmed", "-o", "o.json"], /wants a query, or --doi \/ --id/],
    [["fetch", "pubmed", "x", "--id", "1", "-o", "o.json"], /not both/],
    [["fetch", "openalex", "x", "--max", "0", "-o", "o.json"], /--max wants a positive integer/],
    [
      ["fetch", "openalex", "x", "--collection", "K", "-o", "o.json"],
      /--collection is for fetch zotero/,
    ],
    [["fetch", "pubmed", "--id", "x1", "-o", "o.json"], /pubmed: not a PMID: x1/],
    [["fetch", "openalex", "--id", "10.1/x", "-o", "o.json"], /not an OpenAlex work id/],
    [
      ["fetch", "arxiv", "x", "--base-url", "127.0.0.1:1", "-o", "o.json"],
      /--base-url wants an http/,
    ],
  ])("usage errors exit 2: %j", async (argv, pattern) => {
    const r = await runMain(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(pattern);
  });
});
