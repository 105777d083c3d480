// The author options of the commands that build a graph: --max-coauthors N and --authors FILE
// (a thesaurus CSV, src/graph/thesaurus.ts; docs/authors.md).
import { readFileSync } from "node:fs";
import type { AuthorOptions } from "../graph/options.ts";
import { parseThesaurus } from "../graph/thesaurus.ts";
import { UsageError } from "./args.ts";

export const AUTHOR_OPTIONS = {
  authors: { type: "string" },
  "max-coauthors": { type: "string" },
} as const;

/** --max-coauthors N: a positive integer; undefined keeps the default (25). */
export function parseMaxCoauthors(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < 1)
    throw new UsageError(`--max-coauthors wants a positive integer, got '${value}'`);
  return n;
}

/**
 * The graph's author options from the command line: only those given, so the defaults stay.
 * A thesaurus that cannot be read or parsed throws (ThesaurusError names its file and line).
 */
export function authorOptions(values: {
  authors?: string;
  "max-coauthors"?: string;
}): Partial<AuthorOptions> {
  const out: Partial<AuthorOptions> = {};
  const max = parseMaxCoauthors(values["max-coauthors"]);
  if (max !== undefined) out.maxCoauthors = max;
  if (values.authors !== undefined) {
    let text: string;
    try {
      text = readFileSync(values.authors, "utf8");
    } catch (err) {
      throw new Error(`--authors ${values.authors}: ${err instanceof Error ? err.message : err}`);
    }
    out.thesaurus = parseThesaurus(text, values.authors);
  }
  return out;
}
