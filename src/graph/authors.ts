// Author identity: fold the name variants of one person into one author node.
// "Lei Clifton", "L. Clifton" and "Clifton, Lei" (keys "clifton|lei", "clifton|l") become one
// author when nothing contradicts it; never on the surname alone.
import type { Author } from "../ingest/types.ts";
import { idsClash, idTags, nameKeyOf, slotKey } from "./author-ids.ts";
import { effectiveKey, givenCompatible, information, splitKey } from "./author-names.ts";
import { type ThesaurusEntry, thesaurusGroups } from "./thesaurus.ts";

export { givenCompatible, slotKey, splitKey };

export interface AuthorIdentity {
  /**
   * The node key suffix ("clifton|lei") each author slot key resolves to (`slotKey(author)`: the
   * author's key, plus its first id when it carries ids).
   */
  rootOf: Map<string, string>;
  /** Per root key: display label, every name variant, every member key (all sorted). */
  roots: Map<string, { label: string; variants: string[]; keys: string[] }>;
}

interface KeyInfo {
  /** The slot key: a name key, with an id tag when the slot carries ids. */
  key: string;
  /** Every id tag seen on this slot key ("s2:2262347"). */
  ids: Set<string>;
  family: string;
  tokens: string[];
  /** information(tokens), worked out once: it orders and filters every comparison below. */
  info: number;
  count: number;
  names: Map<string, number>;
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
  /** Names decided by hand (`--authors FILE`, thesaurus.ts); default none. */
  thesaurus: ThesaurusEntry[];
}

/** What a merge needs: compatible names alone, or also a co-author in common. */
export type Evidence = "name" | "coauthor";

export const IDENTITY_DEFAULTS: IdentityOptions = {
  spellings: "never",
  evidence: "name",
  thesaurus: [],
};

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
      const key = slotKey(a, effectiveKey(a));
      keys.push(key);
      keyOfAuthor.set(slotKey(a), key);
      let info = infos.get(key);
      if (!info) {
        const { family, tokens } = splitKey(nameKeyOf(key));
        const ids = new Set<string>();
        info = { key, ids, family, tokens, info: information(tokens), count: 0, names: new Map() };
        infos.set(key, info);
      }
      for (const tag of idTags(a.ids)) info.ids.add(tag);
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
  const idsOf = (root: string) =>
    new Set(keysOf(root).flatMap((k) => [...(infos.get(k) as KeyInfo).ids]));
  // Two people: keys of the two on one paper, or two different ids of one kind.
  const conflicts = (key: string, root: string) =>
    keysOf(key).some((k) => keysOf(root).some((m) => k !== m && together(k, m))) ||
    idsClash(idsOf(key), idsOf(root));
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
  const ordered = [...infos.values()].sort(
    (a, b) => b.info - a.info || b.count - a.count || (a.key < b.key ? -1 : 1),
  );
  // Stage T: the thesaurus decides the names it lists: one author per group, and no rule below
  // merges them with anything else.
  const fixed = new Set<string>();
  const labels = new Map<string, string>();
  const groups = thesaurusGroups(opts.thesaurus);
  const groupRoot = new Map<string, string>();
  for (const info of ordered) {
    const group = groups.get(nameKeyOf(info.key));
    if (!group) continue;
    fixed.add(info.key);
    const root = groupRoot.get(group.id);
    if (root === undefined) {
      groupRoot.set(group.id, info.key);
      if (group.label) labels.set(info.key, group.label);
    } else union(info.key, root);
  }
  // Stage 0: ids beat names. Keys sharing an id are one person (the most informative name is
  // the root); a key without ids joins the one key of its name that has ids, if only one has.
  const byTag = new Map<string, string>();
  for (const info of ordered)
    for (const tag of fixed.has(info.key) ? [] : info.ids) {
      const first = byTag.get(tag);
      if (first === undefined) byTag.set(tag, info.key);
      else if (find(first) !== find(info.key) && !parent.has(info.key)) {
        if (!conflicts(info.key, find(first))) union(info.key, find(first));
      }
    }
  const withIds = new Map<string, string[]>();
  for (const info of ordered) {
    if (info.ids.size === 0 || fixed.has(info.key)) continue;
    const name = nameKeyOf(info.key);
    const roots = withIds.get(name) ?? [];
    if (!roots.includes(find(info.key))) roots.push(find(info.key));
    withIds.set(name, roots);
  }
  for (const info of ordered) {
    const roots = info.ids.size === 0 && !fixed.has(info.key) ? withIds.get(info.key) : undefined;
    if (roots?.length === 1 && !conflicts(info.key, roots[0])) union(info.key, roots[0]);
  }
  // Stage 1: the same full given name spelt with or without hyphens ("hong-jian", "hongjian").
  if (opts.spellings !== "never") {
    const byJoined = new Map<string, KeyInfo[]>();
    for (const info of infos.values()) {
      if (parent.has(info.key) || fixed.has(info.key) || !info.tokens.some((t) => t.length > 1))
        continue;
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
    if (parent.has(info.key) || fixed.has(info.key)) continue;
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
  return describe(infos, find, keyOfAuthor, labels);
}

/**
 * The identity's public shape: per root its label, variants and member name keys. A root keyed
 * by an id ("liu|yang#s2:1") is called by its name key alone when no other root has that name.
 */
function describe(
  infos: Map<string, KeyInfo>,
  find: (k: string) => string,
  keyOfAuthor: Map<string, string>,
  labels: Map<string, string>,
): AuthorIdentity {
  const members = new Map<string, KeyInfo[]>();
  for (const info of infos.values()) {
    const r = find(info.key);
    const list = members.get(r);
    if (list) list.push(info);
    else members.set(r, [info]);
  }
  const byName = new Map<string, number>();
  for (const r of members.keys()) byName.set(nameKeyOf(r), (byName.get(nameKeyOf(r)) ?? 0) + 1);
  const nodeKey = (r: string) => (byName.get(nameKeyOf(r)) === 1 ? nameKeyOf(r) : r);
  const roots: AuthorIdentity["roots"] = new Map();
  for (const [r, list] of [...members].sort((a, b) => (nodeKey(a[0]) < nodeKey(b[0]) ? -1 : 1))) {
    const rootInfo = infos.get(r) as KeyInfo;
    // Most authors are one key written one way: nothing to rank or merge.
    if (list.length === 1 && rootInfo.names.size === 1) {
      const [name] = rootInfo.names.keys();
      roots.set(nodeKey(r), {
        label: labels.get(r) ?? name,
        variants: [name],
        keys: [nameKeyOf(r)],
      });
      continue;
    }
    const allNames = new Map<string, number>();
    for (const m of list) for (const [n, c] of m.names) allNames.set(n, (allNames.get(n) ?? 0) + c);
    roots.set(nodeKey(r), {
      label: labels.get(r) ?? pickLabel(rootInfo.names),
      variants: [...allNames.keys()].sort(),
      keys: [...new Set(list.map((m) => nameKeyOf(m.key)))].sort(),
    });
  }
  const rootOf = new Map<string, string>();
  for (const [slot, eff] of keyOfAuthor) rootOf.set(slot, nodeKey(find(eff)));
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
