import { slugify, squash } from "../common/text.ts";
import type { Author, PaperDate, PaperIds, PaperRecord, Reference, SourceRef } from "./types.ts";

/** The fields a reader knows; everything else gets its default in `buildRecord`. */
export interface RecordFields {
  title: string;
  sources: SourceRef[];
  authors?: Author[];
  authorsTruncated?: boolean;
  date?: PaperDate | null;
  abstract?: string;
  category?: string | null;
  hasCode?: boolean;
  score?: number | null;
  tags?: string[];
  links?: string[];
  doi?: string | null;
  arxivId?: string | null;
  venue?: string | null;
  ids?: PaperIds;
  keywords?: string[];
  references?: Reference[];
}

/** "https://doi.org/10.1/X" / "doi:10.1/X" → "10.1/x" (DOIs are case-insensitive). */
export function normaliseDoi(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const m = /10\.\d{4,9}\/\S+/.exec(raw.trim());
  return m ? m[0].replace(/[.,;]+$/, "").toLowerCase() : null;
}

/** "http://arxiv.org/abs/2301.01234v2" / "arXiv:2301.01234" → "2301.01234"; old style "hep-th/9901001". */
export function normaliseArxivId(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw.trim();
  const modern = /(\d{4}\.\d{4,5})(v\d+)?/.exec(s);
  if (modern) return modern[1] ?? null;
  const old = /([a-z-]+(?:\.[A-Z]{2})?\/\d{7})(v\d+)?/.exec(s);
  return old ? (old[1] ?? null) : null;
}

const URL_RE = /\bhttps?:\/\/[^\s<>"'()[\]{}]+/g;

/** URLs in a text, trailing punctuation trimmed, in order of appearance, unique. */
export function findLinks(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(URL_RE)) {
    const url = m[0].replace(/[.,;:!?]+$/, "");
    if (!out.includes(url)) out.push(url);
  }
  return out;
}

/** Stable id: doi, else arXiv id, else a slug of title and year. */
export function paperId(
  title: string,
  date: PaperDate | null,
  doi: string | null,
  arxivId: string | null,
): string {
  if (doi) return `doi:${doi}`;
  if (arxivId) return `arxiv:${arxivId}`;
  const year = date ? date.iso.slice(0, 4) : "nd";
  return `slug:${slugify(title, 80) || "untitled"}-${year}`;
}

/** Complete a reader's fields into a PaperRecord with defaults and a stable id. */
export function buildRecord(f: RecordFields): PaperRecord {
  const title = squash(f.title);
  const abstract = squash(f.abstract ?? "");
  const doi = normaliseDoi(f.doi);
  const arxivId = normaliseArxivId(f.arxivId);
  const date = f.date ?? null;
  const links = [...(f.links ?? [])];
  for (const l of findLinks(abstract)) if (!links.includes(l)) links.push(l);
  return {
    id: paperId(title, date, doi, arxivId),
    title,
    authors: f.authors ?? [],
    authorsTruncated: f.authorsTruncated ?? false,
    date,
    abstract,
    category: f.category ?? null,
    hasCode: f.hasCode ?? false,
    score: f.score ?? null,
    tags: f.tags ?? [],
    links,
    doi,
    arxivId,
    venue: f.venue ? squash(f.venue) : null,
    sources: f.sources,
    ...optionalParts(f.ids, f.references),
    ...keywordsPart(f.keywords),
  };
}

/** Keywords trimmed and unique (case-insensitively, first spelling kept); left out when none. */
function keywordsPart(raw: string[] | undefined): { keywords?: string[] } {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const k of raw ?? []) {
    const t = squash(k);
    if (t && !seen.has(t.toLowerCase())) {
      seen.add(t.toLowerCase());
      out.push(t);
    }
  }
  return out.length ? { keywords: out } : {};
}

/** `ids` without empty values and `references` unique by id, each left out when empty. */
function optionalParts(
  ids: PaperIds | undefined,
  refs: Reference[] | undefined,
): { ids?: PaperIds; references?: Reference[] } {
  const out: { ids?: PaperIds; references?: Reference[] } = {};
  const kept = Object.entries(ids ?? {}).filter(([, v]) => !!v);
  if (kept.length)
    out.ids = Object.fromEntries(kept.sort((a, b) => (a[0] < b[0] ? -1 : 1))) as PaperIds;
  const seen = new Set<string>();
  const unique = (refs ?? []).filter((r) => !seen.has(r.id) && !!seen.add(r.id));
  if (unique.length) out.references = unique;
  return out;
}
