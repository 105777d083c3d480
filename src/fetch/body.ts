// Reading a response body at the boundary: JSON parsed and checked against a zod schema, and a
// failure said as "malformed response" with what was wrong, the source and the URL shown.
import type { z } from "zod";
import { excerpt, FetchError } from "./http.ts";
import type { SourceName } from "./options.ts";

/** The first zod issue as "path: message" ("results.3.id: Invalid input: expected string"). */
export function zodIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "does not match the expected shape";
  const path = issue.path.map(String).join(".");
  return `${path || "(top level)"}: ${issue.message}`;
}

/** A malformed-response error. */
export function malformed(source: SourceName, url: string, why: string): FetchError {
  return new FetchError(source, url, `malformed response: ${why}`);
}

/**
 * `text` as JSON checked against `schema`; else a FetchError saying what was wrong. The value
 * returned is the body itself, keys the schema does not name kept: files are written raw.
 */
export function jsonBody<S extends z.ZodTypeAny>(
  source: SourceName,
  url: string,
  text: string,
  schema: S,
): z.infer<S> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw malformed(
      source,
      url,
      `not JSON (${why}); it begins ${JSON.stringify(excerpt(text, 60)) || '""'}`,
    );
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw malformed(source, url, zodIssue(parsed.error));
  return json as z.infer<S>;
}

/** A DOI as the services want it: "https://doi.org/10.1/x" or "doi:10.1/x" → "10.1/x". */
export function bareDoi(doi: string): string {
  return doi
    .trim()
    .replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:)/i, "")
    .trim();
}

/** Split a list into chunks of at most n. */
export function chunks<T>(list: readonly T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += n) out.push(list.slice(i, i + n));
  return out;
}

/** An id as one path segment of a URL, its "/" and ":" kept (DOIs go in paths as written). */
export function pathId(id: string): string {
  return encodeURIComponent(id).replace(/%2F/gi, "/").replace(/%3A/gi, ":");
}
