// Duplicate merge: the same paper from two sources (same DOI, arXiv id, PubMed id, OpenAlex
// id, Semantic Scholar id or WoS accession number, the same normalised title and first-author
// family name, or the same long title and year when the first authors do not disagree) becomes
// one record with the union of fields and all sources. The result does not depend on input order: groups are formed by union-find
// over match keys, members are put in a canonical order, every field is chosen by a fixed rule,
// and the output is sorted by id.
import { compareStrings as cmp } from "../common/compare.ts";
import { slugify } from "../common/text.ts";
import { foldName } from "./names.ts";
import { paperId } from "./record.ts";
import type {
  Author,
  MergeReport,
  PaperDate,
  PaperIds,
  PaperRecord,
  Reference,
  SourceRef,
} from "./types.ts";

export interface MergeResult {
  papers: PaperRecord[];
  /** Records folded into another record (input count − output count). */
  merged: number;
  /** Every paper made of two or more records, sorted by id. */
  merges: MergeReport[];
}

/** Titles shorter than this (normalised) never match on title and year alone ("Editorial"). */
const TITLE_YEAR_MIN = 30;

/** "Attention Is All You Need!" → "attentionisallyouneed". */
export function normaliseTitle(title: string): string {
  return slugify(title, 100000).replace(/-/g, "");
}

function firstAuthorFamily(p: PaperRecord): string {
  const a = p.authors[0];
  if (!a) return "";
  const family = a.family ?? a.name.split(/\s+/).pop() ?? "";
  return foldName(family).replace(/ /g, "");
}

/** The keys under which two records count as the same paper. */
export function matchKeys(p: PaperRecord): string[] {
  const keys: string[] = [];
  if (p.doi) keys.push(`doi:${p.doi}`);
  if (p.arxivId) keys.push(`arxiv:${p.arxivId}`);
  for (const [kind, v] of Object.entries(p.ids ?? {}).sort()) if (v) keys.push(`${kind}:${v}`);
  const t = normaliseTitle(p.title);
  const fam = firstAuthorFamily(p);
  if (t && fam) keys.push(`ta:${t}|${fam}`);
  const year = p.date?.iso.slice(0, 4);
  if (t.length >= TITLE_YEAR_MIN && year) keys.push(`ty:${t}|${year}`);
  return keys;
}

/**
 * Title+year joins two records only when their first authors do not disagree: either has
 * none, or one family name contains the other ("licha" / "martinezlicha").
 */
function authorsAgree(a: PaperRecord, b: PaperRecord): boolean {
  const fa = firstAuthorFamily(a);
  const fb = firstAuthorFamily(b);
  return !fa || !fb || fa.includes(fb) || fb.includes(fa);
}

const sourceKey = (s: SourceRef): string =>
  `${s.file}\u0000${String(s.line ?? 0).padStart(9, "0")}\u0000${s.entry ?? ""}\u0000${s.format}`;

/** Canonical order of records: by their smallest source, then id. */
const recordKey = (p: PaperRecord): string =>
  `${p.sources.map(sourceKey).sort()[0] ?? ""}\u0001${p.id}`;

/** Longest string, ties broken by code-unit order; null when all are empty. */
function longest(values: (string | null | undefined)[]): string | null {
  let best: string | null = null;
  for (const v of values) {
    if (!v) continue;
    if (best === null || v.length > best.length || (v.length === best.length && v < best)) best = v;
  }
  return best;
}

/** Smallest non-empty string in code-unit order. */
function smallest(values: (string | null | undefined)[]): string | null {
  const vs = values.filter((v): v is string => !!v).sort(cmp);
  return vs[0] ?? null;
}

const PRECISION = { year: 0, month: 1, day: 2 } as const;

/** Most precise date; among equally precise ones the earliest. */
function bestDate(dates: (PaperDate | null)[]): PaperDate | null {
  let best: PaperDate | null = null;
  for (const d of dates) {
    if (!d) continue;
    if (
      !best ||
      PRECISION[d.precision] > PRECISION[best.precision] ||
      (d.precision === best.precision && d.iso < best.iso)
    )
      best = d;
  }
  return best;
}

/** Most authors; then a complete list over "et al."; then fuller names; then key order. */
function bestAuthors(records: PaperRecord[]): PaperRecord {
  const nameLen = (as: Author[]) => as.reduce((n, a) => n + a.name.length, 0);
  const keys = (as: Author[]) => as.map((a) => a.key).join("\u0000");
  return [...records].sort(
    (a, b) =>
      b.authors.length - a.authors.length ||
      Number(a.authorsTruncated) - Number(b.authorsTruncated) ||
      nameLen(b.authors) - nameLen(a.authors) ||
      cmp(keys(a.authors), keys(b.authors)),
  )[0] as PaperRecord;
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/** Combine records known to be the same paper (in canonical order) into one. */
export function combine(records: PaperRecord[]): PaperRecord {
  if (records.length === 1) return records[0] as PaperRecord;
  const title = longest(records.map((r) => r.title)) ?? "";
  const withAuthors = bestAuthors(records);
  const date = bestDate(records.map((r) => r.date));
  const doi = smallest(records.map((r) => r.doi));
  const arxivId = smallest(records.map((r) => r.arxivId));
  const scores = records.map((r) => r.score).filter((s): s is number => s !== null);
  const sources = records
    .flatMap((r) => r.sources)
    .sort((a, b) => cmp(sourceKey(a), sourceKey(b)))
    .filter((s, i, all) => i === 0 || sourceKey(s) !== sourceKey(all[i - 1] as SourceRef));
  return {
    id: paperId(title, date, doi, arxivId),
    title,
    authors: withAuthors.authors,
    authorsTruncated: withAuthors.authorsTruncated,
    date,
    abstract: longest(records.map((r) => r.abstract)) ?? "",
    category: smallest(records.map((r) => r.category)),
    hasCode: records.some((r) => r.hasCode),
    score: scores.length ? Math.max(...scores) : null,
    tags: unique(records.flatMap((r) => r.tags)).sort(cmp),
    links: unique(records.flatMap((r) => r.links)),
    doi,
    arxivId,
    venue: longest(records.map((r) => r.venue)),
    sources,
    ...mergedExtras(records),
  };
}

/** Union of the records' ids (smallest value per kind), keywords and references (first of each). */
function mergedExtras(records: PaperRecord[]): {
  ids?: PaperIds;
  keywords?: string[];
  references?: Reference[];
} {
  const out: { ids?: PaperIds; keywords?: string[]; references?: Reference[] } = {};
  const keywords = new Map<string, string>();
  for (const r of records)
    for (const k of r.keywords ?? [])
      if (!keywords.has(k.toLowerCase())) keywords.set(k.toLowerCase(), k);
  if (keywords.size) out.keywords = [...keywords.values()];
  const ids: Record<string, string> = {};
  for (const r of records)
    for (const [k, v] of Object.entries(r.ids ?? {}))
      if (v && (ids[k] === undefined || v < (ids[k] as string))) ids[k] = v;
  const kinds = Object.keys(ids).sort();
  if (kinds.length) out.ids = Object.fromEntries(kinds.map((k) => [k, ids[k]])) as PaperIds;
  const refs = new Map<string, Reference>();
  for (const r of records)
    for (const ref of r.references ?? []) if (!refs.has(ref.id)) refs.set(ref.id, ref);
  if (refs.size) out.references = [...refs.values()];
  return out;
}

interface Group {
  records: PaperRecord[];
  by: Set<string>;
}

/** Union-find over record indexes, joined through shared match keys. */
function groups(records: PaperRecord[]): Group[] {
  const parent = records.map((_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    while (parent[i] !== r) {
      const next = parent[i] as number;
      parent[i] = r;
      i = next;
    }
    return r;
  };
  const joins: { i: number; kind: string }[] = [];
  const join = (i: number, j: number, kind: string) => {
    const a = find(i);
    const b = find(j);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    joins.push({ i, kind });
  };
  const owners = new Map<string, number[]>();
  records.forEach((p, i) => {
    for (const k of matchKeys(p)) {
      const prev = owners.get(k);
      if (!prev) {
        owners.set(k, [i]);
        continue;
      }
      const kind = k.slice(0, k.indexOf(":"));
      if (kind !== "ty") join(i, prev[0] as number, kind);
      else {
        const j = prev.find((x) => authorsAgree(records[x] as PaperRecord, p));
        if (j === undefined) prev.push(i);
        else join(i, j, kind);
      }
    }
  });
  const byRoot = new Map<number, Group>();
  records.forEach((p, i) => {
    const r = find(i);
    const g = byRoot.get(r) ?? { records: [], by: new Set<string>() };
    g.records.push(p);
    byRoot.set(r, g);
  });
  for (const { i, kind } of joins) byRoot.get(find(i))?.by.add(kind);
  return [...byRoot.values()];
}

/**
 * Merge duplicates. Records whose ids still collide (same title slug and year, nothing else in
 * common) keep separate records with "-2", "-3"… appended to the later ones' ids.
 */
export function mergeRecords(papers: PaperRecord[]): MergeResult {
  // Each record's key made once, not at each of the sort's n log n comparisons.
  const canonical = papers
    .map((p) => ({ p, key: recordKey(p) }))
    .sort((a, b) => cmp(a.key, b.key))
    .map(({ p }) => p);
  const grouped = groups(canonical).map((g) => ({ paper: combine(g.records), g }));
  grouped.sort(
    (a, b) => cmp(a.paper.id, b.paper.id) || cmp(recordKey(a.paper), recordKey(b.paper)),
  );
  const seen = new Map<string, number>();
  const merges: MergeReport[] = [];
  const out = grouped.map(({ paper: p, g }) => {
    const n = (seen.get(p.id) ?? 0) + 1;
    seen.set(p.id, n);
    const paper = n === 1 ? p : { ...p, id: `${p.id}-${n}` };
    if (g.records.length > 1)
      merges.push({ id: paper.id, by: [...g.by].sort(), sources: paper.sources });
    return paper;
  });
  out.sort((a, b) => cmp(a.id, b.id));
  merges.sort((a, b) => cmp(a.id, b.id));
  return { papers: out, merged: papers.length - out.length, merges };
}
