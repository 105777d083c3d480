// Author identifiers in identity: an author slot that carries ids (ORCID, Semantic Scholar,
// Scopus, OpenAlex) is keyed by its name key plus its first id, so that two people of one name
// stay two; ids then decide merges before names do.
import type { Author, AuthorIds } from "../ingest/types.ts";

/** The id kinds, in the order a slot key picks its id from. */
export const ID_KINDS = [
  "orcid",
  "s2",
  "scopus",
  "openalex",
] as const satisfies readonly (keyof AuthorIds)[];

/** An author's ids as "kind:value" tags, in ID_KINDS order ("s2:2262347"). */
export function idTags(ids: AuthorIds | undefined): string[] {
  if (!ids) return [];
  const out: string[] = [];
  for (const kind of ID_KINDS) {
    const value = ids[kind];
    if (value) out.push(`${kind}:${value}`);
  }
  return out;
}

/** The key of one author slot: `nameKey`, plus "#" and its first id tag when it has ids. */
export function slotKey(a: Author, nameKey: string = a.key): string {
  const [tag] = idTags(a.ids);
  return tag ? `${nameKey}#${tag}` : nameKey;
}

/** The name key of a slot key ("turing|a#s2:2262347" → "turing|a"). */
export function nameKeyOf(slot: string): string {
  const hash = slot.indexOf("#");
  return hash < 0 ? slot : slot.slice(0, hash);
}

/** Whether two sets of id tags name two people: some kind in both, with no value in common. */
export function idsClash(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  for (const kind of ID_KINDS) {
    const prefix = `${kind}:`;
    const mine = [...a].filter((t) => t.startsWith(prefix));
    if (mine.length === 0) continue;
    const theirs = [...b].filter((t) => t.startsWith(prefix));
    if (theirs.length > 0 && !mine.some((t) => b.has(t))) return true;
  }
  return false;
}
