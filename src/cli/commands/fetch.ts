// `litgraph fetch <source> [query…] [--doi D]… [--id ID]… -o FILE`: records from OpenAlex,
// Crossref, PubMed, Semantic Scholar, arXiv or Zotero's local API, written as one file that
// `build` reads. The file is written once, atomically, after every request has succeeded and the
// text has been read back through litgraph's reader; a failed fetch leaves no file (and an old
// one untouched).

import { writeFileAtomic } from "../../common/fs.ts";
import {
  DEFAULTS,
  type FetchResult,
  fetchSource,
  RequestError,
  SOURCES,
  type SourceName,
} from "../../fetch/index.ts";
import { parseText } from "../../ingest/index.ts";
import { parse, UsageError } from "../args.ts";
import { logLines, prepareOutputFile, writeStdout } from "../output.ts";

const FETCH_OPTIONS = {
  output: { type: "string", short: "o" },
  doi: { type: "string", multiple: true },
  id: { type: "string", multiple: true },
  collection: { type: "string" },
  max: { type: "string" },
  email: { type: "string" },
  "api-key": { type: "string" },
  "base-url": { type: "string" },
  "max-retries": { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

/** The reader each source's file is for. */
const READER: Record<SourceName, string> = {
  openalex: "openalex",
  crossref: "crossref",
  pubmed: "pubmed",
  s2: "semanticscholar",
  arxiv: "atom",
  zotero: "csl",
};

const USAGE = `Usage: litgraph fetch <source> [query…] [--doi DOI]… [--id ID]… [--collection KEY] -o FILE
Sources: ${SOURCES.join(", ")}. Options: --max N (default ${DEFAULTS.maxRecords}, or all --doi / --id), --email ADDRESS
(or $${DEFAULTS.env.email}), --api-key KEY (or $OPENALEX_API_KEY, $CROSSREF_PLUS_API_TOKEN,
$NCBI_API_KEY, $S2_API_KEY), --max-retries N (default ${DEFAULTS.client.maxRetries}), --json.`;

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < (name === "--max-retries" ? 0 : 1))
    throw new UsageError(
      `${name} wants a ${name === "--max-retries" ? "non-negative" : "positive"} integer, got '${value}'`,
    );
  return n;
}

export async function fetchCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, FETCH_OPTIONS);
  if (values.help) {
    writeStdout(`${USAGE}\n`);
    return 0;
  }
  const [source, ...words] = positionals;
  if (!source) throw new UsageError(`fetch wants a source. ${USAGE}`);
  if (!(SOURCES as readonly string[]).includes(source))
    throw new UsageError(`unknown source '${source}' (${SOURCES.join(", ")})`);
  const name = source as SourceName;
  const out = values.output;
  if (!out) throw new UsageError("fetch wants -o FILE (where to write the fetched records)");
  const query = words.join(" ").trim();
  const dois = values.doi ?? [];
  const ids = values.id ?? [];
  if (!query && !dois.length && !ids.length && name !== "zotero")
    throw new UsageError(`fetch ${name} wants a query, or --doi / --id values`);
  if (values.collection !== undefined && name !== "zotero")
    throw new UsageError("--collection is for fetch zotero");
  if (query && (dois.length || ids.length))
    throw new UsageError(`fetch ${name}: give a query or --doi / --id values, not both`);
  const base = values["base-url"];
  if (base !== undefined && !/^https?:\/\/[^/\s]+/.test(base))
    throw new UsageError(`--base-url wants an http(s):// URL, got '${base}'`);
  const max = values.max === undefined ? undefined : positiveInt("--max", values.max, 1);
  const maxRetries = positiveInt(
    "--max-retries",
    values["max-retries"],
    name === "zotero" ? 1 : DEFAULTS.client.maxRetries,
  );
  const email = values.email ?? process.env[DEFAULTS.env.email] ?? undefined;
  const keyVar = DEFAULTS.env.apiKey[name];
  const apiKey = values["api-key"] ?? (keyVar ? process.env[keyVar] : undefined) ?? undefined;
  prepareOutputFile(out);
  if (name === "openalex" && !apiKey)
    logLines(
      `fetch openalex: no API key (--api-key or $${DEFAULTS.env.apiKey.openalex}); OpenAlex has asked for one since 13 Feb 2026 and allows only a few requests a day without it`,
    );

  let result: FetchResult;
  try {
    result = await fetchSource(
      {
        source: name,
        ...(query ? { query } : {}),
        ...(values.collection ? { collection: values.collection } : {}),
        dois,
        ids,
        ...(max !== undefined ? { maxRecords: max } : {}),
        ...(email ? { email } : {}),
        ...(apiKey ? { apiKey } : {}),
        ...(base ? { baseUrl: base } : {}),
      },
      { maxRetries },
      {
        onRetry: (e) =>
          logLines(
            `fetch ${e.source}: ${e.why}; attempt ${e.attempt} of ${e.of} in ${(e.waitMs / 1000).toFixed(1)} s`,
          ),
      },
    );
  } catch (err) {
    // a request that cannot be made as given is a usage error: nothing was sent
    if (err instanceof RequestError) throw new UsageError(err.message);
    throw err;
  }
  if (result.records === 0) {
    logLines(
      `litgraph fetch: ${name} returned no records${result.missing.length ? ` (not found: ${result.missing.slice(0, 5).join(", ")})` : ""}; nothing written`,
    );
    return 1;
  }
  // The file must read back through litgraph's reader for this source before it is written.
  const check = parseText(result.text, out, { asOf: new Date() });
  const formats = new Set(check.papers.map((p) => p.sources[0]?.format));
  if (!check.papers.length || formats.size !== 1 || !formats.has(READER[name]))
    throw new Error(
      `fetch ${name}: the fetched text does not read back as ${READER[name]} (${check.rejected[0]?.reason ?? "no records"}); nothing written`,
    );
  writeFileAtomic(out, result.text);

  const summary = {
    source: name,
    output: out,
    records: result.records,
    ...(result.total !== undefined ? { total: result.total } : {}),
    read: check.papers.length,
    rejected: check.rejected.length,
    missing: result.missing,
    notAsked: result.notAsked,
    requests: result.stats.requests,
    retries: result.stats.retries,
    urls: result.urls,
  };
  if (values.json) writeStdout(`${JSON.stringify(summary, null, 2)}\n`);
  const of = result.total !== undefined ? ` of ${result.total}` : "";
  const n = (k: number, word: string) => `${k} ${word}${k === 1 ? "" : "s"}`;
  logLines(
    `fetch ${name}: ${result.records}${of} records in ${n(result.stats.requests, "request")} (${result.stats.retries} retried) → ${out}; the ${READER[name]} reader reads ${n(check.papers.length, "paper")}, ${check.rejected.length} rejected`,
    ...(result.missing.length
      ? [`not found (${result.missing.length}): ${result.missing.slice(0, 10).join(", ")}`]
      : []),
    ...(result.notAsked ? [`${result.notAsked} DOIs / ids beyond --max ${max} not fetched`] : []),
    ...check.rejected.slice(0, 5).map((r) => `  rejected: ${r.reason}`),
  );
  return 0;
}
