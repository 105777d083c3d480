// A token trie: each path is a sequence of word keys; a node holds the values ending there.
import type { Token } from "./text/tokenize.ts";

export interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  values: T[];
}

export function newTrie<T>(): TrieNode<T> {
  return { next: new Map(), values: [] };
}

export function insert<T>(root: TrieNode<T>, keys: string[], value: T): void {
  if (keys.length === 0) return;
  let node = root;
  for (const k of keys) {
    let child = node.next.get(k);
    if (!child) {
      child = newTrie<T>();
      node.next.set(k, child);
    }
    node = child;
  }
  if (!node.values.includes(value)) node.values.push(value);
}

/** The values stored at exactly this key path, if any. */
export function lookup<T>(root: TrieNode<T>, keys: string[]): T[] | undefined {
  let node: TrieNode<T> | undefined = root;
  for (const k of keys) {
    node = node.next.get(k);
    if (!node) return undefined;
  }
  return node.values;
}

export interface TrieHit<T> {
  /** Token index one past the last matched token. */
  end: number;
  values: T[];
}

/**
 * Longest path from token i: consecutive tokens must be joined (only a space, a hyphen or an
 * apostrophe between them). `exact` walks raw words and lets the last one carry a plural "s".
 */
export function longestAt<T>(
  root: TrieNode<T>,
  tokens: Token[],
  i: number,
  exact: boolean,
): TrieHit<T> | null {
  let node = root;
  let best: TrieHit<T> | null = null;
  for (let k = i; k < tokens.length; k++) {
    const t = tokens[k];
    if (k > i && !t.joined) break;
    const key = exact ? t.raw : t.norm;
    const child = node.next.get(key);
    if (exact && t.raw.length > 2 && t.raw.endsWith("s")) {
      const plural = node.next.get(t.raw.slice(0, -1));
      if (plural?.values.length && !child?.values.length)
        best = { end: k + 1, values: plural.values };
    }
    if (!child) break;
    node = child;
    if (node.values.length) best = { end: k + 1, values: node.values };
  }
  return best;
}
