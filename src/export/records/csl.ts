// CSL-JSON (Zotero, Manubot, pandoc): one item per paper, keys sorted by the writer.
import type { ExportItem } from "./item.ts";

export type CslItem = Record<string, unknown>;

export function cslItem(p: ExportItem): CslItem {
  const item: CslItem = {
    id: p.id,
    type: p.venue ? "article-journal" : "article",
    title: p.title,
    author: p.authors.map((a) =>
      a.given ? { family: a.family, given: a.given } : { literal: a.family },
    ),
  };
  if (p.dateParts) item.issued = { "date-parts": [p.dateParts] };
  if (p.venue) item["container-title"] = p.venue;
  if (p.doi) item.DOI = p.doi;
  if (p.url) item.URL = p.url;
  if (p.abstract) item.abstract = p.abstract;
  if (p.keywords.length) item.keyword = p.keywords.join(", ");
  return item;
}

export function writeCsl(items: ExportItem[]): string {
  return `${JSON.stringify(items.map(cslItem), null, 2)}\n`;
}
