// A paper node of the graph as one exportable record: the fields every writer (BibTeX, RIS,
// CSL-JSON, CSV) maps, taken from the node's attributes only. Browser-safe.
import { makeAuthor } from "../../ingest/names.ts";

/** The paper-node attributes an export reads (src/graph/schema.ts PaperNode). */
export interface PaperFields {
  paperId: string;
  title: string;
  authors: string[];
  date: string | null;
  venue: string | null;
  doi: string | null;
  arxivId: string | null;
  abstract: string;
  links: string[];
  tags: string[];
}

export interface ExportName {
  family: string;
  given: string;
}

export interface ExportItem {
  id: string;
  title: string;
  authors: ExportName[];
  /** [year, month?, day?] */
  dateParts: number[] | null;
  venue: string | null;
  doi: string | null;
  arxivId: string | null;
  /** The arXiv page when there is an arXiv id, else the first http(s) link. */
  url: string | null;
  abstract: string;
  keywords: string[];
}

/** "2023-05-01" → [2023, 5, 1]; "2023" → [2023]. */
export function dateParts(date: string | null): number[] | null {
  const m = date ? /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date) : null;
  if (!m) return null;
  return [m[1], m[2], m[3]].filter((p): p is string => p !== undefined).map(Number);
}

/** "Jan van der Berg" → {family: "van der Berg", given: "Jan"}; a name without parts is its own family. */
export function exportName(name: string): ExportName {
  const a = makeAuthor(name);
  return a?.family ? { family: a.family, given: a.given ?? "" } : { family: name, given: "" };
}

export function exportItem(p: PaperFields): ExportItem {
  const http = p.links.find((l) => /^https?:\/\//i.test(l)) ?? null;
  return {
    id: p.paperId,
    title: p.title,
    authors: p.authors.map(exportName),
    dateParts: dateParts(p.date),
    venue: p.venue,
    doi: p.doi,
    arxivId: p.arxivId,
    url: p.arxivId ? `https://arxiv.org/abs/${p.arxivId}` : http,
    abstract: p.abstract,
    keywords: p.tags,
  };
}
