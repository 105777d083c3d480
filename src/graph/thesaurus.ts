// An author thesaurus (`--authors FILE`): a small CSV that says by hand who is who, as
// VOSviewer users do with thesaurus files. Each row maps a name as written to an author: the
// names mapped to one author become one node labelled by it (merge), and a listed name is never
// merged by the rules with any name outside its row group (split). An empty author keeps the
// name as an author of its own.
import { parse } from "csv-parse/browser/esm/sync";
import { makeAuthor } from "../ingest/names.ts";
import { effectiveKey } from "./author-names.ts";

/** One thesaurus row: a name as written and the author it belongs to ("" = itself alone). */
export interface ThesaurusEntry {
  name: string;
  author: string;
}

/** A thesaurus file that cannot be used, with where: the file and the 1-based line. */
export class ThesaurusError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
    this.name = "ThesaurusError";
  }
}

/** Accepted headers: litgraph's own, and VOSviewer's thesaurus columns. */
const HEADERS: [string, string][] = [
  ["name", "author"],
  ["label", "replace by"],
];

/**
 * Parse a thesaurus CSV (comma or tab separated, a header row `name,author` or VOSviewer's
 * `label,replace by`, `#` comment lines and blank lines skipped). Throws ThesaurusError naming
 * the file and line of the first problem: a bad header, a row without two columns, an empty
 * name, a name listed twice.
 */
export function parseThesaurus(text: string, file: string): ThesaurusEntry[] {
  const delimiter = /^[^\n]*\t/.test(text.replace(/^\uFEFF/, "")) ? "\t" : ",";
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, {
      bom: true,
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      comment: "#",
      trim: true,
    }) as unknown as typeof rows;
  } catch (err) {
    const line = (err as { lines?: number }).lines ?? 1;
    throw new ThesaurusError(file, line, `not CSV: ${err instanceof Error ? err.message : err}`);
  }
  const [head, ...body] = rows;
  if (!head) throw new ThesaurusError(file, 1, "empty: expected a header row name,author");
  const columns = head.record.map((c) => c.toLowerCase());
  if (!HEADERS.some(([a, b]) => columns[0] === a && columns[1] === b))
    throw new ThesaurusError(
      file,
      head.info.lines,
      `expected a header row name,author (or VOSviewer's label,replace by), got '${head.record.join(",")}'`,
    );
  const seen = new Map<string, number>();
  return body.map(({ record, info }) => {
    if (record.length !== 2)
      throw new ThesaurusError(file, info.lines, `expected 2 columns, got ${record.length}`);
    const [name, author] = record as [string, string];
    if (!makeAuthor(name)) throw new ThesaurusError(file, info.lines, `'${name}' is not a name`);
    if (author && !makeAuthor(author))
      throw new ThesaurusError(file, info.lines, `'${author}' is not a name`);
    const before = seen.get(name);
    if (before !== undefined)
      throw new ThesaurusError(file, info.lines, `'${name}' is already listed on line ${before}`);
    seen.set(name, info.lines);
    return { name, author };
  });
}

/** The name key a written name has in identity ("Clifton, Lei" → "clifton|lei"). */
function nameKey(name: string): string | null {
  const a = makeAuthor(name);
  return a ? effectiveKey(a) : null;
}

/**
 * Name key → its thesaurus group: `id` shared by the names of one author, `label` the author
 * (empty for a name kept on its own). An author's own name counts as listed in its group unless
 * a row lists it; the first row of a name key wins ("Lei Clifton" and "Clifton, Lei" are one).
 */
export function thesaurusGroups(
  entries: readonly ThesaurusEntry[],
): Map<string, { id: string; label: string }> {
  const out = new Map<string, { id: string; label: string }>();
  for (const e of entries) {
    const key = nameKey(e.name);
    if (key && !out.has(key))
      out.set(
        key,
        e.author ? { id: `author:${e.author}`, label: e.author } : { id: `name:${key}`, label: "" },
      );
  }
  for (const e of entries) {
    const key = e.author ? nameKey(e.author) : null;
    if (key && !out.has(key)) out.set(key, { id: `author:${e.author}`, label: e.author });
  }
  return out;
}
