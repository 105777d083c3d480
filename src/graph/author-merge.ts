// The state of one author-identity run (authors.ts): every slot key with what is known of it,
// a union-find over them, and the checks every merge stage shares.
import { foldName } from "../ingest/names.ts";
import type { Author } from "../ingest/types.ts";
import { idsClash, idTags, nameKeyOf, slotKey } from "./author-ids.ts";
import { effectiveKey, givenCompatible, information, splitKey } from "./author-names.ts";

export interface KeyInfo {
  /** The slot key: a name key, with an id tag when the slot carries ids. */
  key: string;
  /** Every id tag seen on this slot key ("s2:2262347"); NO_IDS (shared) when none. */
  ids: ReadonlySet<string>;
  family: string;
  tokens: string[];
  /** information(tokens), worked out once: it orders and filters every comparison. */
  info: number;
  count: number;
  names: Map<string, number>;
}

/** The ids of a key without any: one shared empty set, not one per key. */
const NO_IDS: ReadonlySet<string> = new Set();

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

export class IdentityMerge {
  readonly infos = new Map<string, KeyInfo>();
  /** `slotKey(author)` → its effective slot key (PubMed-style names repaired). */
  readonly keyOfAuthor = new Map<string, string>();
  /** Keys the thesaurus decided: no rule moves them. */
  readonly fixed = new Set<string>();
  /** Labels set by hand, per root. */
  readonly labels = new Map<string, string>();
  /**
   * The papers (indices, ascending) each key is on: two keys that share one are two people.
   * Lists, not a set of co-authors per key: far fewer allocations on a big corpus.
   */
  private readonly onPapers = new Map<string, number[]>();
  private readonly paperKeys: string[][];
  private readonly parent = new Map<string, string>();
  /** Per root: its member keys. */
  private readonly groupOf = new Map<string, string[]>();
  /** Per spelling root (authors.ts joinSpellings): the keys spelt its ways. */
  private readonly spellingsOf = new Map<string, KeyInfo[]>();
  /** Per identity root: the units (spelling roots) the name rules joined to it. */
  private readonly unitsOf = new Map<string, KeyInfo[]>();
  /** Whether any slot carries ids: without, the id checks are skipped. */
  hasIds = false;
  /**
   * Family keys written with an umlaut somewhere ("schutze" from "Schütze") → the same family
   * transliterated ("schuetze"), for authors.ts joinUmlauts.
   */
  readonly umlauts = new Map<string, string>();

  constructor(papers: Author[][]) {
    this.paperKeys = papers.map((list, paper) => list.map((a) => this.collect(a, paper)));
  }

  private collect(a: Author, paper: number): string {
    // most authors carry no ids: their slot key is their (effective) name key
    const key = a.ids ? slotKey(a, effectiveKey(a)) : effectiveKey(a);
    this.keyOfAuthor.set(a.ids ? slotKey(a) : a.key, key);
    let info = this.infos.get(key);
    if (!info) {
      const { family, tokens } = splitKey(nameKeyOf(key));
      const ids = NO_IDS;
      info = { key, ids, family, tokens, info: information(tokens), count: 0, names: new Map() };
      this.infos.set(key, info);
    }
    if (a.ids) {
      const tags = idTags(a.ids);
      if (tags.length) info.ids = new Set([...info.ids, ...tags]);
      this.hasIds ||= tags.length > 0;
    }
    info.count++;
    info.names.set(a.name, (info.names.get(a.name) ?? 0) + 1);
    if (a.family && /[äöüÄÖÜ]/.test(a.family)) this.noteUmlaut(a.family, info.family);
    const on = this.onPapers.get(key);
    if (!on) this.onPapers.set(key, [paper]);
    else if (on[on.length - 1] !== paper) on.push(paper);
    return key;
  }

  private noteUmlaut(written: string, family: string): void {
    const spelt = written
      .replace(/[äÄ]/g, (c) => (c === "ä" ? "ae" : "Ae"))
      .replace(/[öÖ]/g, (c) => (c === "ö" ? "oe" : "Oe"))
      .replace(/[üÜ]/g, (c) => (c === "ü" ? "ue" : "Ue"));
    const alt = foldName(spelt).replace(/ /g, "-");
    // a PubMed-style key repaired by effectiveKey has another family: nothing to note
    if (alt !== family && foldName(written).replace(/ /g, "-") === family)
      this.umlauts.set(family, alt);
  }

  /** Every key, most informative first (then most frequent, then by key). */
  ordered(): KeyInfo[] {
    return [...this.infos.values()].sort(
      (a, b) => b.info - a.info || b.count - a.count || (a.key < b.key ? -1 : 1),
    );
  }

  find(k: string): string {
    let r = k;
    while (this.parent.has(r)) r = this.parent.get(r) as string;
    return r;
  }

  /** A key still its own root and not decided by the thesaurus: the rules may move it. */
  free(info: KeyInfo): boolean {
    return !this.parent.has(info.key) && !this.fixed.has(info.key);
  }

  keysOf(root: string): string[] {
    return this.groupOf.get(root) ?? [root];
  }

  private idsOf(root: string): Set<string> {
    return new Set(this.keysOf(root).flatMap((k) => [...(this.infos.get(k) as KeyInfo).ids]));
  }

  /** Two people: keys of the two on one paper, or two different ids of one kind. */
  conflicts(key: string, root: string): boolean {
    const together = (a: string, b: string) =>
      sharesOne(this.onPapers.get(a), this.onPapers.get(b));
    return (
      this.keysOf(key).some((k) => this.keysOf(root).some((m) => k !== m && together(k, m))) ||
      (this.hasIds && idsClash(this.idsOf(key), this.idsOf(root)))
    );
  }

  union(key: string, root: string): void {
    this.parent.set(key, root);
    this.groupOf.set(root, [...this.keysOf(root), ...this.keysOf(key)]);
    this.groupOf.delete(key);
  }

  private coauthorsOf(keys: string[]): Set<string> {
    const out = new Set<string>();
    for (const k of keys)
      for (const p of this.onPapers.get(k) ?? [])
        for (const c of this.paperKeys[p]) if (c !== k) out.add(c);
    return out;
  }

  /** Whether the two identities have a co-author in common on some paper. */
  shareCoauthor(key: string, root: string): boolean {
    // the co-authors of the side on fewer papers, then a walk over the other side's papers
    const papersOf = (keys: string[]) =>
      keys.reduce((n, k) => n + (this.onPapers.get(k)?.length ?? 0), 0);
    const [small, large] =
      papersOf(this.keysOf(key)) <= papersOf(this.keysOf(root))
        ? [this.keysOf(key), this.keysOf(root)]
        : [this.keysOf(root), this.keysOf(key)];
    const mine = this.coauthorsOf(small);
    for (const k of large)
      for (const p of this.onPapers.get(k) ?? [])
        for (const c of this.paperKeys[p]) if (c !== k && mine.has(c)) return true;
    return false;
  }

  /** Record that `root`'s members are spellings of one name (compatible as one unit). */
  markSpellings(root: string): void {
    this.spellingsOf.set(
      root,
      this.keysOf(root).map((k) => this.infos.get(k) as KeyInfo),
    );
  }

  spellings(unit: KeyInfo): KeyInfo[] {
    return this.spellingsOf.get(unit.key) ?? [unit];
  }

  /** Whether `a` fits every unit of the identity `root` (some spelling of each pair compatible). */
  fitsAll(a: KeyInfo, root: string): boolean {
    const compatible = (u: KeyInfo) =>
      this.spellings(a).some((x) =>
        this.spellings(u).some((y) => givenCompatible(x.tokens, y.tokens)),
      );
    return (this.unitsOf.get(root) ?? [this.infos.get(root) as KeyInfo]).every(compatible);
  }

  /** Join the unit `a` to the identity `root` by the name rules. */
  joinUnit(a: KeyInfo, root: string): void {
    this.union(a.key, root);
    this.unitsOf.set(root, [...(this.unitsOf.get(root) ?? [this.infos.get(root) as KeyInfo]), a]);
  }
}
