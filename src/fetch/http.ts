// The HTTP client of `litgraph fetch`: one request at a time, paced to the source's rate, with
// retries on 429, 5xx and network errors (Retry-After honoured, else exponential backoff with a
// cap), and errors that name the source and the URL without its API key. `fetch`, the clock
// and sleep are injected, so tests need no network and no real waiting.
import type { ClientOptions, SourceName } from "./options.ts";

export type FetchFn = (
  url: string,
  init: { headers: Record<string, string>; signal?: AbortSignal },
) => Promise<Response>;

/** What the client takes from outside: tests pass fakes. */
export interface ClientDeps {
  fetch?: FetchFn;
  /** Milliseconds now (default Date.now). */
  now?: () => number;
  /** Wait (default setTimeout). */
  sleep?: (ms: number) => Promise<void>;
  /** Told before each wait for a retry (the CLI says it on stderr). */
  onRetry?: (e: RetryEvent) => void;
}

/** A retry about to happen: why, after how long, which attempt comes next (1-based). */
export interface RetryEvent {
  source: SourceName;
  url: string;
  why: string;
  waitMs: number;
  attempt: number;
  of: number;
}

/** A fetch that failed: the message names the source, the URL shown (no key) and why. */
export class FetchError extends Error {
  constructor(
    readonly source: SourceName,
    readonly url: string,
    readonly why: string,
    readonly status?: number,
  ) {
    super(`${source}: ${why} (${url})`);
    this.name = "FetchError";
  }
}

/** Query parameters that carry secrets, removed from every URL shown. */
const SECRET_PARAMS = ["api_key", "api-key", "apikey", "key", "token"];

/** Headers that carry secrets. */
const SECRET_HEADERS = ["x-api-key", "crossref-plus-api-token", "authorization"];

/** The secret values a request carries (key parameters, key headers), to keep out of messages. */
export function secretsOf(url: string, headers: Record<string, string>): string[] {
  const out: string[] = [];
  try {
    const u = new URL(url);
    for (const p of SECRET_PARAMS) for (const v of u.searchParams.getAll(p)) out.push(v);
  } catch {
    // not a URL: no parameters to take
  }
  for (const [k, v] of Object.entries(headers))
    if (SECRET_HEADERS.includes(k.toLowerCase())) out.push(v.replace(/^Bearer\s+/i, ""), v);
  return out.filter((s) => s.length >= 4);
}

/** `text` with every secret replaced by "…" (an error page may echo the request). */
export function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) out = out.split(s).join("…");
  return out;
}

/** The URL without its secret parameters, for messages and the fetch report. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    for (const p of SECRET_PARAMS) u.searchParams.delete(p);
    return u.toString();
  } catch {
    return url.replace(/([?&])(api_key|api-key|apikey|key|token)=[^&#]*&?/gi, "$1");
  }
}

/** A Retry-After header in milliseconds: delta-seconds or an HTTP date; null when absent or bad. */
export function retryAfterMs(value: string | null, now: number): number | null {
  if (value === null) return null;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** The backoff before retry `attempt` (0-based): base × 2^attempt, at most max. */
export function backoffMs(attempt: number, o: Pick<ClientOptions, "baseDelayMs" | "maxDelayMs">) {
  return Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** attempt);
}

/** Statuses worth another try: too many requests, and the server's own failures. */
export function isRetryable(status: number): boolean {
  return status === 429 || status === 408 || (status >= 500 && status <= 599);
}

/**
 * The pace a response asks for through X-Rate-Limit-Limit / X-Rate-Limit-Interval (Crossref:
 * "50" per "1s"): milliseconds between requests, or null.
 */
export function headerIntervalMs(headers: Headers): number | null {
  const limit = Number(headers.get("x-rate-limit-limit"));
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m)?$/.exec(
    headers.get("x-rate-limit-interval")?.trim() ?? "",
  );
  if (!m || !Number.isFinite(limit) || limit <= 0) return null;
  const unit = m[2] === "ms" ? 1 : m[2] === "m" ? 60_000 : 1000;
  return Math.ceil((Number(m[1]) * unit) / limit);
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A short, one-line excerpt of a body for messages. */
export function excerpt(body: string, n = 160): string {
  const s = body.replace(/\s+/g, " ").trim();
  return s.length > n ? `${s.slice(0, n)}…` : s;
}

export interface ClientStats {
  requests: number;
  retries: number;
  /** Milliseconds spent waiting for the pace or a backoff. */
  waitedMs: number;
}

export class HttpClient {
  private readonly fetchFn: FetchFn;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly onRetry: (e: RetryEvent) => void;
  private intervalMs: number;
  private nextAt = 0;
  readonly stats: ClientStats = { requests: 0, retries: 0, waitedMs: 0 };
  /** Every URL requested, as shown (no key). */
  readonly urls: string[] = [];

  constructor(
    readonly source: SourceName,
    private readonly options: ClientOptions,
    intervalMs: number,
    private readonly headers: Record<string, string>,
    deps: ClientDeps = {},
  ) {
    this.fetchFn = deps.fetch ?? ((url, init) => globalThis.fetch(url, init));
    this.now = deps.now ?? Date.now;
    this.sleep = deps.sleep ?? defaultSleep;
    this.onRetry = deps.onRetry ?? (() => undefined);
    this.intervalMs = Math.max(options.minIntervalMs, intervalMs);
  }

  private async wait(ms: number): Promise<void> {
    if (ms <= 0) return;
    this.stats.waitedMs += ms;
    await this.sleep(ms);
  }

  /** Wait until the pace allows the next request, and book the slot after it; its start time. */
  private async pace(): Promise<number> {
    await this.wait(this.nextAt - this.now());
    const start = this.now();
    this.nextAt = start + this.intervalMs;
    return start;
  }

  private async retry(url: string, why: string, waitMs: number, attempt: number) {
    this.stats.retries++;
    const of = this.options.maxRetries + 1;
    this.onRetry({ source: this.source, url, why, waitMs, attempt: attempt + 2, of });
    await this.wait(waitMs);
  }

  /** getText, but null when the service answers 404 (a DOI or id it does not know). */
  async getTextOrMissing(url: string): Promise<string | null> {
    try {
      return await this.getText(url);
    } catch (err) {
      if (err instanceof FetchError && err.status === 404) return null;
      throw err;
    }
  }

  /**
   * GET `url` and return its body as text. Retries 429/5xx/network failures up to maxRetries
   * times; any other status, or running out of retries, throws a FetchError.
   */
  async getText(url: string, extraHeaders: Record<string, string> = {}): Promise<string> {
    const shown = redactUrl(url);
    this.urls.push(shown);
    const headers = { ...this.headers, ...extraHeaders };
    const secrets = secretsOf(url, headers);
    const fail = (why: string, status?: number) =>
      new FetchError(this.source, shown, scrub(why, secrets), status);
    for (let attempt = 0; ; attempt++) {
      const start = await this.pace();
      this.stats.requests++;
      let res: Response;
      let body: string;
      try {
        const signal =
          this.options.timeoutMs > 0 ? AbortSignal.timeout(this.options.timeoutMs) : undefined;
        res = await this.fetchFn(url, {
          headers,
          ...(signal ? { signal } : {}),
        });
        body = await res.text();
      } catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        const cause =
          err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : "";
        if (attempt >= this.options.maxRetries)
          throw fail(`no response after ${attempt + 1} attempts (${why}${cause})`);
        const said = scrub(`${why}${cause}`, secrets);
        await this.retry(shown, said, backoffMs(attempt, this.options), attempt);
        continue;
      }
      const pace = headerIntervalMs(res.headers);
      if (pace !== null && pace > this.intervalMs) {
        this.intervalMs = pace;
        this.nextAt = start + pace;
      }
      if (res.ok) return body;
      const status = `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ""}`;
      if (!isRetryable(res.status))
        throw fail(`${status}${body.trim() ? `: ${excerpt(body)}` : ""}`, res.status);
      if (attempt >= this.options.maxRetries)
        throw fail(
          `gave up after ${attempt + 1} attempts, the last ${status}${body.trim() ? `: ${excerpt(body)}` : ""}`,
          res.status,
        );
      const asked = retryAfterMs(res.headers.get("retry-after"), this.now());
      if (asked !== null && asked > this.options.maxDelayMs)
        throw fail(
          `${status} asks to retry after ${Math.ceil(asked / 1000)} s, more than the ${Math.round(this.options.maxDelayMs / 1000)} s this fetch waits (a daily limit?)`,
          res.status,
        );
      await this.retry(shown, status, asked ?? backoffMs(attempt, this.options), attempt);
    }
  }
}
