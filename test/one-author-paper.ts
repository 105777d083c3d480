// A paper record of one author and no links, ids or sources, holding the given entities: the
// smallest input buildGraph takes, for tests of what a has edge keeps.
import type { Entity, ExtractedPaper } from "../src/extract/types.ts";

export function oneAuthorPaper(
  id: string,
  title: string,
  abstract: string,
  entities: Entity[],
): ExtractedPaper {
  return {
    id,
    title,
    abstract,
    authors: [{ name: "Ada Lovelace", key: "lovelace-a" }],
    date: null,
    venue: null,
    category: null,
    doi: null,
    arxivId: null,
    links: [],
    tags: [],
    sources: [],
    entities,
  } as unknown as ExtractedPaper;
}
