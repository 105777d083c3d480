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

export function search(index: readonly SearchEntry[], query: string, limit = 10): SearchEntry[] {
  const q = fold(query.trim());
  if (!q) return [];
  const seen = new Set<string>();
  return index
    .map((e) => ({ e, r: rank(e, q) }))
    .filter((x) => x.r >= 0)
    .sort((a, b) => a.r - b.r || b.e.size - a.e.size || a.e.name.localeCompare(b.e.name))
    .filter(({ e }) => !seen.has(e.key) && seen.add(e.key))
    .slice(0, limit)
    .map((x) => x.e);
}
