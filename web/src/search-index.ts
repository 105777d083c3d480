// Autocomplete over papers, authors and concepts: a prefix of the name or of a word ranks first.
import type { NodeAttributes, NodeType } from "../../src/graph/schema.ts";
import type { Steps } from "./idle.ts";
import type { FullGraph } from "./model.ts";

export interface SearchEntry {
  key: string;
  name: string;
  type: NodeType;
  size: number;
  /** Folded name (lower-case, no accents) for matching. */
  folded: string;
}

export const fold = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();

/** A node's entries: its name, and each variant or alias under the name. */
function entries(out: SearchEntry[], key: string, a: NodeAttributes): void {
  const name = a.type === "paper" ? a.title : a.label;
  out.push({ key, name, type: a.type, size: a.size, folded: fold(name) });
  const others = a.type === "author" ? a.variants : a.type === "paper" ? [] : a.aliases;
  for (const other of others)
    if (other !== name)
      out.push({
        key,
        name: `${name} (${other})`,
        type: a.type,
        size: a.size,
        folded: fold(other),
      });
}

export function buildIndex(graph: FullGraph): SearchEntry[] {
  const out: SearchEntry[] = [];
  graph.forEachNode((key, a) => entries(out, key, a));
  return out;
}

/** buildIndex from the serialised nodes (same entries, same order), `chunk` nodes a slice. */
export function* buildIndexSteps(
  nodes: readonly { key: string; attributes: NodeAttributes }[],
  chunk = 4000,
): Steps<SearchEntry[]> {
  const out: SearchEntry[] = [];
  for (let i = 0; i < nodes.length; i++) {
    entries(out, nodes[i].key, nodes[i].attributes);
    if (i % chunk === chunk - 1) yield;
  }
  return out;
}

/** 0 = name starts with the query, 1 = a word does, 2 = contains it, -1 = no match. */
function rank(e: SearchEntry, q: string): number {
  if (e.folded.startsWith(q)) return 0;
  const at = e.folded.indexOf(q);
  if (at < 0) return -1;
  return /[^\p{L}\p{N}]/u.test(e.folded[at - 1]) ? 1 : 2;
}

/**
 * The `limit` best entries, one per node: by rank, then size (biggest first), then name
 * (localeCompare). Sorted by the numbers first; names are compared only within the runs of equal
 * rank and size that the walk reaches (a one-letter query matches most of 30k entries, and
 * sorting all of them by name took 30-60 ms a keystroke).
 */
export function search(index: readonly SearchEntry[], query: string, limit = 10): SearchEntry[] {
  const q = fold(query.trim());
  if (!q) return [];
  const hits: { e: SearchEntry; r: number }[] = [];
  for (const e of index) {
    const r = rank(e, q);
    if (r >= 0) hits.push({ e, r });
  }
  hits.sort((a, b) => a.r - b.r || b.e.size - a.e.size);
  const out: SearchEntry[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < hits.length && out.length < limit; ) {
    let j = i + 1;
    while (j < hits.length && hits[j].r === hits[i].r && hits[j].e.size === hits[i].e.size) j++;
    const run = hits.slice(i, j);
    if (run.length > 1) run.sort((a, b) => a.e.name.localeCompare(b.e.name));
    for (const { e } of run) {
      if (out.length >= limit) break;
      if (seen.has(e.key)) continue;
      seen.add(e.key);
      out.push(e);
    }
    i = j;
  }
  return out;
}
