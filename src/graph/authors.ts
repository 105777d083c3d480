// Author identity: fold the name variants of one person into one author node.
// "Lei Clifton", "L. Clifton" and "Clifton, Lei" (keys "clifton|lei", "clifton|l") become one
// author when nothing contradicts it; never on the surname alone.
import type { Author } from "../ingest/types.ts";
import { nameKeyOf, slotKey } from "./author-ids.ts";
import { IdentityMerge, type KeyInfo } from "./author-merge.ts";
import { givenCompatible, splitKey } from "./author-names.ts";
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
   * they share a co-author, "never" (default) keeps them apart.
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
  const m = new IdentityMerge(papers);
  // most corpora have neither a thesaurus nor ids: no need to order every key for them
  const ordered = opts.thesaurus.length > 0 || m.hasIds ? m.ordered() : [];
  applyThesaurus(m, ordered, opts.thesaurus);
  joinByIds(m, ordered);
  joinUmlauts(m);
  if (opts.spellings !== "never") joinSpellings(m, opts.spellings);
  joinNames(m, opts.evidence);
  return describe(m);
}

/**
 * The thesaurus decides the names it lists: one author per group (its most informative name
 * the root, labelled by hand), and no rule below merges them with anything else.
 */
function applyThesaurus(m: IdentityMerge, ordered: KeyInfo[], entries: ThesaurusEntry[]): void {
  const groups = thesaurusGroups(entries);
  const groupRoot = new Map<string, string>();
  for (const info of ordered) {
    const group = groups.get(nameKeyOf(info.key));
    if (!group) continue;
    m.fixed.add(info.key);
    const root = groupRoot.get(group.id);
    if (root === undefined) {
      groupRoot.set(group.id, info.key);
      if (group.label) m.labels.set(info.key, group.label);
    } else m.union(info.key, root);
  }
}

/**
 * Ids beat names. Keys sharing an id are one person (the most informative name is the root); a
 * key without ids joins the one identity of its name that has ids, if only one has.
 */
function joinByIds(m: IdentityMerge, ordered: KeyInfo[]): void {
  const byTag = new Map<string, string>();
  for (const info of ordered)
    for (const tag of m.fixed.has(info.key) ? [] : info.ids) {
      const first = byTag.get(tag);
      if (first === undefined) byTag.set(tag, info.key);
      else if (m.free(info) && m.find(first) !== info.key && !m.conflicts(info.key, m.find(first)))
        m.union(info.key, m.find(first));
    }
  const withIds = new Map<string, string[]>();
  for (const info of ordered) {
    if (info.ids.size === 0 || m.fixed.has(info.key)) continue;
    const roots = withIds.get(nameKeyOf(info.key)) ?? [];
    if (!roots.includes(m.find(info.key))) roots.push(m.find(info.key));
    withIds.set(nameKeyOf(info.key), roots);
  }
  for (const info of ordered) {
    const roots = info.ids.size === 0 && !m.fixed.has(info.key) ? withIds.get(info.key) : undefined;
    if (roots?.length === 1 && !m.conflicts(info.key, roots[0])) m.union(info.key, roots[0]);
  }
}

/**
 * One family written with an umlaut and transliterated ("Hinrich Schütze", "Hinrich Schuetze";
 * "Schutze" is already the first): the same given name in both is one person. Only families
 * some record wrote with the umlaut, so "Mueller" never meets a "Muller" on its own.
 */
function joinUmlauts(m: IdentityMerge): void {
  for (const info of [...m.infos.values()]) {
    const alt = m.umlauts.get(info.family);
    const other = alt === undefined ? undefined : m.infos.get(`${alt}|${info.tokens.join("-")}`);
    if (!other || !m.free(info) || !m.free(other) || m.conflicts(other.key, info.key)) continue;
    const [root, joined] = other.count > info.count ? [other, info] : [info, other];
    m.union(joined.key, root.key);
  }
}

/** The same full given name spelt with or without hyphens ("hong-jian", "hongjian"). */
function joinSpellings(m: IdentityMerge, evidence: Evidence): void {
  const byJoined = new Map<string, KeyInfo[]>();
  for (const info of m.infos.values()) {
    if (!m.free(info) || !info.tokens.some((t) => t.length > 1)) continue;
    const j = `${info.family}|${info.tokens.join("")}`;
    const list = byJoined.get(j);
    if (list) list.push(info);
    else byJoined.set(j, [info]);
  }
  for (const group of byJoined.values()) {
    if (group.length < 2) continue;
    group.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
    const root = group[0].key;
    for (const other of group.slice(1)) {
      if (m.conflicts(other.key, root)) continue;
      if (evidence === "coauthor" && !m.shareCoauthor(other.key, root)) continue;
      m.union(other.key, root);
    }
    m.markSpellings(root);
  }
}

/**
 * A less informative given name joins the unique more informative identity whose every name is
 * compatible with it, family by family.
 */
function joinNames(m: IdentityMerge, evidence: Evidence): void {
  const byFamily = new Map<string, KeyInfo[]>();
  for (const info of m.infos.values()) {
    if (!m.free(info)) continue;
    const list = byFamily.get(info.family);
    if (list) list.push(info);
    else byFamily.set(info.family, [info]);
  }
  for (const group of byFamily.values()) {
    group.sort((a, b) => b.info - a.info || (a.key < b.key ? -1 : 1));
    const candidatesOf = candidateIndex(m, group);
    for (const a of group) {
      const roots = new Set<string>();
      for (const b of candidatesOf(a)) {
        if (b === a || b.info <= a.info) continue;
        const root = m.find(b.key);
        if (!roots.has(root) && m.fitsAll(a, root)) roots.add(root);
      }
      const root = pickRoot(m, a, [...roots], evidence);
      if (root !== null) m.joinUnit(a, root);
    }
  }
}

/**
 * Of the identities a name fits, the one it joins: the only one (with a shared co-author too
 * under "coauthor" evidence); among several, the only one it shares a co-author with ("J. Smith"
 * beside "John Smith" and "Jane Smith" joins the one who wrote with the same people); else none.
 */
function pickRoot(
  m: IdentityMerge,
  a: KeyInfo,
  roots: string[],
  evidence: Evidence,
): string | null {
  const ok = roots.filter((r) => !m.conflicts(a.key, r));
  if (roots.length === 1 && ok.length === 1 && evidence === "name") return ok[0];
  const shared = ok.filter((r) => m.shareCoauthor(a.key, r));
  return roots.length >= 1 && shared.length === 1 ? shared[0] : null;
}

/**
 * The names of one family whose first given token could match a name's: a full first token
 * matches the same token or its initial, an initial every first token starting with it. (A
 * common surname has thousands of keys in a large corpus: comparing all pairs was quadratic.)
 */
function candidateIndex(m: IdentityMerge, group: KeyInfo[]): (a: KeyInfo) => KeyInfo[] {
  const byFirst = new Map<string, KeyInfo[]>();
  const byInitial = new Map<string, KeyInfo[]>();
  for (const b of group)
    for (const t of new Set(m.spellings(b).map((s) => s.tokens[0]))) {
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
  return (a) => {
    const first = a.tokens[0];
    if (first === undefined) return [];
    if (first.length === 1) return byInitial.get(first) ?? [];
    return [...(byFirst.get(first) ?? []), ...(byFirst.get(first.charAt(0)) ?? [])];
  };
}

/**
 * The identity's public shape: per root its label, variants and member name keys. A root keyed
 * by an id ("liu|yang#s2:1") is called by its name key alone when no other root has that name.
 */
function describe(m: IdentityMerge): AuthorIdentity {
  const { infos, keyOfAuthor, labels } = m;
  const find = (k: string) => m.find(k);
  const members = new Map<string, KeyInfo[]>();
  for (const info of infos.values()) {
    const r = find(info.key);
    const list = members.get(r);
    if (list) list.push(info);
    else members.set(r, [info]);
  }
  const byName = new Map<string, number>();
  for (const r of members.keys()) byName.set(nameKeyOf(r), (byName.get(nameKeyOf(r)) ?? 0) + 1);
  // each root's node key, worked out once (the sort below compares them)
  const nodeKeys = new Map<string, string>();
  for (const r of members.keys())
    nodeKeys.set(r, byName.get(nameKeyOf(r)) === 1 ? nameKeyOf(r) : r);
  const nodeKey = (r: string) => nodeKeys.get(r) as string;
  const roots: AuthorIdentity["roots"] = new Map();
  const sorted = [...members].map(([r, list]) => ({ r, node: nodeKey(r), list }));
  sorted.sort((a, b) => (a.node < b.node ? -1 : 1));
  for (const { r, node, list } of sorted) {
    const rootInfo = infos.get(r) as KeyInfo;
    // Most authors are one key written one way: nothing to rank or merge.
    if (list.length === 1 && rootInfo.names.size === 1) {
      const [name] = rootInfo.names.keys();
      roots.set(node, {
        label: labels.get(r) ?? name,
        variants: [name],
        keys: [nameKeyOf(r)],
      });
      continue;
    }
    const allNames = new Map<string, number>();
    for (const m of list) for (const [n, c] of m.names) allNames.set(n, (allNames.get(n) ?? 0) + c);
    roots.set(node, {
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
