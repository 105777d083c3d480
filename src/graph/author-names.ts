// The name rules of author identity: a key's family and given tokens, when two given names
// could be one person's, how much a given name tells.
import type { Author } from "../ingest/types.ts";

/** Split a key "family|given-tokens" into its family and given tokens. */
export function splitKey(key: string): { family: string; tokens: string[] } {
  const bar = key.indexOf("|");
  const family = bar < 0 ? key : key.slice(0, bar);
  const given = bar < 0 ? "" : key.slice(bar + 1);
  return { family, tokens: given.split("-").filter(Boolean) };
}

/** One given-name token could stand for the other: equal, or one is the other's initial. */
function tokenCompatible(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length === 1) return b.startsWith(a);
  if (b.length === 1) return a.startsWith(b);
  return false;
}

/**
 * Two given-name token lists could name the same person: token by token each pair is equal or
 * an initial of the other ("l" ~ "lei", "v-k" ~ "vinod-kumar"), and the longer list adds only
 * initials ("alan" ~ "alan-w", never "xiang" ~ "xiang-lisa" nor "min" ~ "min-ling").
 */
export function givenCompatible(a: string[], b: string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (!tokenCompatible(a[i], b[i])) return false;
  const longer = a.length > b.length ? a : b;
  for (let i = n; i < longer.length; i++) if (longer[i].length > 1) return false;
  return true;
}

/** How much a given name tells: full tokens count most, then the number of tokens. */
export function information(tokens: string[]): number {
  let full = 0;
  for (const t of tokens) if (t.length > 1) full++;
  return full * 100 + tokens.length;
}

/** Repair "Clifton DA" read as family "DA", given "Clifton" (PubMed style without a comma). */
export function effectiveKey(a: Author): string {
  const fam = a.family ?? "";
  // Cheap tests first (at most 3 letters, each at most 2 UTF-16 units): most names are not this.
  if (fam.length === 0 || fam.length > 6 || (a.given ?? "").length <= 3) return a.key;
  const { family, tokens } = splitKey(a.key);
  if (tokens.length === 1 && /^\p{Lu}{1,3}$/u.test(fam)) {
    return `${tokens[0]}|${family.split("").join("-")}`;
  }
  return a.key;
}
