// Author identity: fold the name variants of one person into one author node.
// "Lei Clifton", "L. Clifton" and "Clifton, Lei" (keys "clifton|lei", "clifton|l") become one
// author when nothing contradicts it; never on the surname alone.
import type { Author } from "../ingest/types.ts";

export interface AuthorIdentity {
  /** The node key suffix ("clifton|lei") that this author key resolves to. */
  rootOf: Map<string, string>;
  /** Per root key: display label, every name variant, every member key (all sorted). */
  roots: Map<string, { label: string; variants: string[]; keys: string[] }>;
}

interface KeyInfo {
  key: string;
  family: string;
  tokens: string[];
  /** information(tokens), worked out once: it orders and filters every comparison below. */
  info: number;
  count: number;
  names: Map<string, number>;
}

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
function information(tokens: string[]): number {
  let full = 0;
  for (const t of tokens) if (t.length > 1) full++;
  return full * 100 + tokens.length;
}

/** Repair "Clifton DA" read as family "DA", given "Clifton" (PubMed style without a comma). */
function effectiveKey(a: Author): string {
  const fam = a.family ?? "";
  // Cheap tests first (at most 3 letters, each at most 2 UTF-16 units): most names are not this.
  if (fam.length === 0 || fam.length > 6 || (a.given ?? "").length <= 3) return a.key;
  const { family, tokens } = splitKey(a.key);
  if (tokens.length === 1 && /^\p{Lu}{1,3}$/u.test(fam)) {
    return `${tokens[0]}|${family.split("").join("-")}`;
  }
  return a.key;
}

/** Whether two ascending lists have an element in common. */
function sharesOne(a: number[] | undefined, b: number[] | undefined): boolean {
  if (!a || !b) return false;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) return true;
    if (a[i] < b[j]) i++;
    else j++;
  }
  return false;
}

function pickLabel(names: Map<string, number>): string {
  return [...names].sort(
    (a, b) => b[1] - a[1] || b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1),
  )[0][0];
}

/** Options of author identity (`DEFAULTS.authors.identity` in options.ts). */
export interface IdentityOptions {
  /**
   * The same given name spelt with or without hyphens or spaces, letter for letter
   * ("hai-tao" = "haitao", never "min" = "min-ling"): "name" joins them, "coauthor" only when
   * they share a co-author, "never" keeps them apart.
   */
  spellings: Evidence | "never";
  /**
   * "name" (default): a less informative name joins the one compatible fuller identity;
   * "coauthor": only when the two also share a co-author on some paper.
   */
  evidence: Evidence;
}

/** What a merge needs: compatible names alone, or also a co-author in common. */
export type Evidence = "name" | "coauthor";

export const IDENTITY_DEFAULTS: IdentityOptions = { spellings: "never", evidence: "name" };

/**
 * Resolve every author of every paper (one list per paper) to a root key. Two keys that appear
 * on the same paper are two people and are never merged; every two names of one identity are
 * compatible (`givenCompatible`), so an initial never chains two full names together.
 */
export function resolveAuthors(
  papers: Author[][],
  opts: IdentityOptions = IDENTITY_DEFAULTS,
): AuthorIdentity {
  const infos = new Map<string, KeyInfo>();
  const keyOfAuthor = new Map<string, string>();
  // The papers (indices, ascending) each effective key is on: two keys that share one are two
  // people. Lists, not a set of co-authors per key: far fewer allocations on a big corpus.
  const onPapers = new Map<string, number[]>();
  const paperKeys: string[][] = papers.map((list, paper) => {
    const keys: string[] = [];
    for (const a of list) {
      const key = effectiveKey(a);
      keys.push(key);
      keyOfAuthor.set(a.key, key);
      let info = infos.get(key);
      if (!info) {
        const { family, tokens } = splitKey(key);
        info = { key, family, tokens, info: information(tokens), count: 0, names: new Map() };
        infos.set(key, info);
      }
      info.count++;
      info.names.set(a.name, (info.names.get(a.name) ?? 0) + 1);
      const on = onPapers.get(key);
      if (!on) onPapers.set(key, [paper]);
      else if (on[on.length - 1] !== paper) on.push(paper);
    }
    return keys;
  });
  const together = (a: string, b: string) => sharesOne(onPapers.get(a), onPapers.get(b));
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let r = k;
    while (parent.has(r)) r = parent.get(r) as string;
    return r;
  };
  // Per root: its member keys, and per stage-1 spelling class in it, that class's keys.
  const groupOf = new Map<string, string[]>();
  const spellingsOf = new Map<string, KeyInfo[]>();
  const keysOf = (root: string) => groupOf.get(root) ?? [root];
  const conflicts = (key: string, root: string) =>
    keysOf(key).some((k) => keysOf(root).some((m) => k !== m && together(k, m)));
  const union = (key: string, root: string) => {
    parent.set(key, root);
    groupOf.set(root, [...keysOf(root), ...keysOf(key)]);
    groupOf.delete(key);
  };
  const coauthorsOf = (keys: string[]) => {
    const out = new Set<string>();
    for (const k of keys)
      for (const p of onPapers.get(k) ?? []) for (const c of paperKeys[p]) if (c !== k) out.add(c);
    return out;
  };
  const shareCoauthor = (key: string, root: string) => {
    const mine = coauthorsOf(keysOf(key));
    for (const c of coauthorsOf(keysOf(root))) if (mine.has(c)) return true;
    return false;
  };
  // Stage 1: the same full given name spelt with or without hyphens ("hong-jian", "hongjian").
  if (opts.spellings !== "never") {
    const byJoined = new Map<string, KeyInfo[]>();
    for (const info of infos.values()) {
      if (!info.tokens.some((t) => t.length > 1)) continue;
      const j = `${info.family}|${info.tokens.join("")}`;
      const list = byJoined.get(j);
      if (list) list.push(info);
      else byJoined.set(j, [info]);
    }
    for (const group of byJoined.values()) {
      if (group.length < 2) continue;
      group.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
      for (const other of group.slice(1)) {
        if (conflicts(other.key, group[0].key)) continue;
        if (opts.spellings === "coauthor" && !shareCoauthor(other.key, group[0].key)) continue;
        union(other.key, group[0].key);
      }
      spellingsOf.set(
        group[0].key,
        keysOf(group[0].key).map((k) => infos.get(k) as KeyInfo),
      );
    }
  }
  const spellings = (unit: KeyInfo) => spellingsOf.get(unit.key) ?? [unit];
  // Stage-2 units (stage-1 roots) per identity root.
  const unitsOf = new Map<string, KeyInfo[]>();
  const unitCompatible = (a: KeyInfo, b: KeyInfo) =>
    spellings(a).some((x) => spellings(b).some((y) => givenCompatible(x.tokens, y.tokens)));
  const fitsAll = (a: KeyInfo, root: string) =>
    (unitsOf.get(root) ?? [infos.get(root) as KeyInfo]).every((u) => unitCompatible(a, u));
  // Stage 2: a less informative given name joins the unique more informative identity whose
  // every name is compatible with it.
  const byFamily = new Map<string, KeyInfo[]>();
  for (const info of infos.values()) {
    if (parent.has(info.key)) continue;
    const list = byFamily.get(info.family);
    if (list) list.push(info);
    else byFamily.set(info.family, [info]);
  }
  for (const group of byFamily.values()) {
    group.sort((a, b) => b.info - a.info || (a.key < b.key ? -1 : 1));
    // Only names whose first given token could match are compared (a common surname has
    // thousands of keys in a large corpus: comparing all pairs was quadratic in them).
    const byFirst = new Map<string, KeyInfo[]>();
    const byInitial = new Map<string, KeyInfo[]>();
    for (const b of group) {
      for (const t of new Set(spellings(b).map((s) => s.tokens[0]))) {
        if (t === undefined) continue;
        for (const [index, k] of [
          [byFirst, t],
          [byInitial, t.charAt(0)],
        ] as const) {
          const list = index.get(k);
          if (list) list.push(b);
          else index.set(k, [b]);
        }
      }
    }
    for (const a of group) {
      const roots = new Set<string>();
      const first = a.tokens[0];
      // A full first token matches the same token or its initial; an initial matches every
      // first token starting with it.
      const candidates =
        first === undefined
          ? []
          : first.length > 1
            ? [...(byFirst.get(first) ?? []), ...(byFirst.get(first.charAt(0)) ?? [])]
            : (byInitial.get(first) ?? []);
      for (const b of candidates) {
        if (b === a || b.info <= a.info) continue;
        const root = find(b.key);
        if (!roots.has(root) && fitsAll(a, root)) roots.add(root);
      }
      const [root] = [...roots];
      if (roots.size !== 1 || conflicts(a.key, root)) continue;
      if (opts.evidence === "coauthor" && !shareCoauthor(a.key, root)) continue;
      union(a.key, root);
      unitsOf.set(root, [...(unitsOf.get(root) ?? [infos.get(root) as KeyInfo]), a]);
    }
  }
  const members = new Map<string, KeyInfo[]>();
  for (const info of infos.values()) {
    const r = find(info.key);
    {
      const list = members.get(r);
      if (list) list.push(info);
      else members.set(r, [info]);
    }
  }
  const roots: AuthorIdentity["roots"] = new Map();
  for (const [r, list] of [...members].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const rootInfo = infos.get(r) as KeyInfo;
    // Most authors are one key written one way: nothing to rank or merge.
    if (list.length === 1 && rootInfo.names.size === 1) {
      const [name] = rootInfo.names.keys();
      roots.set(r, { label: name, variants: [name], keys: [r] });
      continue;
    }
    const allNames = new Map<string, number>();
    for (const m of list) for (const [n, c] of m.names) allNames.set(n, (allNames.get(n) ?? 0) + c);
    roots.set(r, {
      label: pickLabel(rootInfo.names),
      variants: [...allNames.keys()].sort(),
      keys: list.map((m) => m.key).sort(),
    });
  }
  const rootOf = new Map<string, string>();
  for (const [orig, eff] of keyOfAuthor) rootOf.set(orig, find(eff));
  return { rootOf, roots };
}

/**
 * Find the root key for a name as a user types it, by the same rules: an exact key match first,
 * else the unique compatible root with the same family name. Returns candidates when ambiguous.
 */
export function matchAuthorKey(
  key: string,
  roots: Iterable<{ root: string; keys: string[] }>,
): { root: string } | { candidates: string[] } {
  const list = [...roots];
  const exact = list.filter((r) => r.keys.includes(key));
  if (exact.length === 1) return { root: exact[0].root };
  const { family, tokens } = splitKey(key);
  const compatible = list.filter((r) =>
    r.keys.some((k) => {
      const s = splitKey(k);
      return s.family === family && givenCompatible(tokens, s.tokens);
    }),
  );
  if (compatible.length === 1) return { root: compatible[0].root };
  return { candidates: compatible.map((r) => r.root).sort() };
}
