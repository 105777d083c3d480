import { type ParseArgsConfig, parseArgs } from "node:util";

export class UsageError extends Error {}

/** Options every command shares. */
export const COMMON_OPTIONS = {
  "as-of": { type: "string" },
  json: { type: "boolean" },
  rejects: { type: "string" },
  strict: { type: "boolean" },
  ontology: { type: "string", multiple: true },
  "max-input-mb": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const satisfies ParseArgsConfig["options"];

/** parseArgs that turns its errors into UsageError (exit code 2). */
export function parse<O extends NonNullable<ParseArgsConfig["options"]>>(
  argv: string[],
  options: O,
) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

/** --as-of YYYY-MM-DD, a real calendar date (not 2026-13-45 or 2026-02-30), to a Date (UTC midnight); default now. */
export function parseAsOf(value: string | undefined): Date {
  if (value === undefined) return new Date();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  // Date.UTC rolls an out-of-range month or day over (2026-13-45 → 2027-02-14): only a date
  // that reads back the same is real.
  if (!d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value)
    throw new UsageError(`--as-of wants YYYY-MM-DD (a calendar date), got '${value}'`);
  return d;
}

/** --max-input-mb N: a positive number of MB per input file; undefined keeps the default. */
export function parseMaxInputMb(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!value.trim() || !Number.isFinite(n) || n <= 0)
    throw new UsageError(`--max-input-mb wants a positive number of MB, got '${value}'`);
  return n;
}

/** The options `build`, `site` and `serve` share: threads and the extraction/parse cache. */
export const RUN_OPTIONS = {
  threads: { type: "string" },
  "no-cache": { type: "boolean" },
  "cache-dir": { type: "string" },
} as const;
