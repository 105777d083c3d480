// Semantic Scholar Graph API JSON. Every paper object in a response becomes a record: a paper
// with its citations and references expanded, an author with their papers, a search or batch
// response ({data: [...]} or an array), and the /citations and /references endpoints' wrapped
// shape ({citingPaper: {...}} / {citedPaper: {...}}).
import { makeDate, parseIsoDate } from "../dates.ts";
import { head, invalidJson, isObject, locateValues, parseJson, str } from "../json.ts";
import { makeAuthor } from "../names.ts";
import { buildRecord } from "../record.ts";
import { refFromIds } from "../references.ts";
import type {
  Author,
  FormatReader,
  PaperDate,
  ParseResult,
  Reference,
  Rejected,
} from "../types.ts";

const FORMAT = "semanticscholar";

/** Keys under which the API nests more paper objects. */
const NESTED = ["citations", "references", "papers", "data", "citingPaper", "citedPaper"];

/** A paper object: has a paperId key, or a title together with S2 identifiers. */
function isPaper(o: Record<string, unknown>): boolean {
  return "paperId" in o || ("title" in o && ("externalIds" in o || "corpusId" in o));
}

/** Every paper object with its JSON pointer, depth-first in document order. */
export function collectPapers(
  value: unknown,
  ptr = "",
  out: { ptr: string; paper: Record<string, unknown> }[] = [],
): { ptr: string; paper: Record<string, unknown> }[] {
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      collectPapers(v, `${ptr}/${i}`, out);
    });
    return out;
  }
  if (!isObject(value)) return out;
  if (isPaper(value)) out.push({ ptr, paper: value });
  for (const k of NESTED) if (k in value) collectPapers(value[k], `${ptr}/${k}`, out);
  return out;
}

type DateResult = { ok: true; date: PaperDate | null } | { ok: false; raw: string };

function s2Date(p: Record<string, unknown>): DateResult {
  const pub = str(p.publicationDate);
  const fromPub = pub ? parseIsoDate(pub) : null;
  if (fromPub) return { ok: true, date: fromPub };
  const year = p.year;
  if (year !== null && year !== undefined) {
    const y = makeDate(typeof year === "string" ? Number(year) : (year as number));
    if (y) return { ok: true, date: y };
    return { ok: false, raw: JSON.stringify(year) };
  }
  return pub ? { ok: false, raw: pub } : { ok: true, date: null };
}

function venueOf(p: Record<string, unknown>): string | null {
  const pv = isObject(p.publicationVenue) ? str(p.publicationVenue.name) : null;
  const journal = isObject(p.journal) ? str(p.journal.name) : null;
  return str(p.venue) ?? pv ?? journal;
}

/** An S2 author `{authorId, name}` (or a bare name) with its authorId kept as `ids.s2`. */
export function s2Author(a: unknown): Author | null {
  if (!isObject(a)) return makeAuthor(String(a ?? ""));
  const author = makeAuthor(str(a.name) ?? "");
  const id = str(a.authorId);
  return author && id ? { ...author, ids: { s2: id } } : author;
}

/** A paper object as a cited work: its S2 paperId, DOI and PubMed id. */
function asReference(p: Record<string, unknown>): Reference | null {
  const ids = isObject(p.externalIds) ? p.externalIds : {};
  return refFromIds({ doi: str(ids.DOI), pmid: str(ids.PubMed), s2: str(p.paperId) }, str(p.title));
}

/**
 * Who cites whom among the collected papers: a paper under another's `references` is cited by
 * it; a paper under another's `citations` cites it. Keyed by JSON pointer.
 */
export function citationLinks(
  found: { ptr: string; paper: Record<string, unknown> }[],
): Map<string, Reference[]> {
  const byPtr = new Map(found.map((f) => [f.ptr, f.paper]));
  const out = new Map<string, Reference[]>();
  const add = (ptr: string, ref: Reference | null) => {
    if (ref) out.set(ptr, [...(out.get(ptr) ?? []), ref]);
  };
  for (const { ptr, paper } of found) {
    const segs = ptr.split("/");
    for (let k = segs.length - 1; k >= 0; k--) {
      const parentPtr = segs.slice(0, k).join("/");
      const parent = byPtr.get(parentPtr);
      if (!parent || parentPtr === ptr) continue;
      const rel = segs[k];
      if (rel === "references") add(parentPtr, asReference(paper));
      else if (rel === "citations") add(ptr, asReference(parent));
      break;
    }
  }
  return out;
}

function parsePaper(
  p: Record<string, unknown>,
  ptr: string,
  file: string,
  line: number | undefined,
  references: Reference[] = [],
): { paper?: ReturnType<typeof buildRecord>; rejected?: Rejected } {
  const entry = str(p.paperId) ?? (ptr || "/");
  const where = { file, ...(line ? { line } : {}), entry, format: FORMAT };
  const fail = (reason: string) => ({
    rejected: { ...where, reason: `ingest/semanticscholar: ${file}: paper ${entry}: ${reason}` },
  });
  const title = str(p.title);
  if (!title) return fail("no title");
  const date = s2Date(p);
  if (!date.ok) return fail(`unparseable date ${date.raw}`);
  const ids = isObject(p.externalIds) ? p.externalIds : {};
  const authors = (Array.isArray(p.authors) ? p.authors : [])
    .map(s2Author)
    .filter((a): a is Author => a !== null);
  const links: string[] = [];
  const url = str(p.url);
  if (url) links.push(url);
  const pdf = isObject(p.openAccessPdf) ? str(p.openAccessPdf.url) : null;
  if (pdf && pdf !== url) links.push(pdf);
  const paper = buildRecord({
    title,
    authors,
    date: date.date,
    abstract: str(p.abstract) ?? "",
    doi: str(ids.DOI),
    arxivId: str(ids.ArXiv),
    venue: venueOf(p),
    links,
    ids: { s2: str(p.paperId) ?? undefined, pmid: str(ids.PubMed) ?? undefined },
    references,
    sources: [where],
  });
  return { paper };
}

function parse(text: string, file: string): ParseResult {
  const json = parseJson(text);
  if (!json.ok) return invalidJson(FORMAT, file, json);
  const lines = locateValues(text);
  const out: ParseResult = { papers: [], rejected: [] };
  const found = collectPapers(json.value);
  const links = citationLinks(found);
  for (const { ptr, paper } of found) {
    const r = parsePaper(paper, ptr, file, lines.get(ptr), links.get(ptr));
    if (r.paper) out.papers.push(r.paper);
    if (r.rejected) out.rejected.push(r.rejected);
  }
  return out;
}

/** JSON whose head shows Graph API keys: paperId, or an author (authorId) with papers. */
function detect(text: string): boolean {
  const h = head(text);
  if (!/^[[{]/.test(h)) return false;
  return /"paperId"\s*:/.test(h) || (/"authorId"\s*:/.test(h) && /"papers"\s*:/.test(h));
}

export const reader: FormatReader = { format: FORMAT, detect, parse };
