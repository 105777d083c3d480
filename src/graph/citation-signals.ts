// Citation signals of a corpus, from the references on its paper records: which papers of the
// set cite each other, bibliographic coupling (two papers cite the same works), co-citation
// (two papers are cited together by a paper of the set) and the works the set cites that it
// does not contain. Sparse: pairs come from an inverted index over reference ids, never from
// all N×N pairs. Pure and order-independent in its content (results are sorted).
import { compareStrings as cmp } from "../common/compare.ts";
import type { PaperRecord, Reference } from "../ingest/types.ts";

/** What the citation signals read of a paper. */
export type CitingPaper = Pick<PaperRecord, "id" | "doi" | "arxivId" | "ids" | "references">;

export interface CitationOptions {
  /** A reference cited by more papers than this gives no coupling pairs (default 200). */
  maxCiting: number;
  /** Pairs sharing fewer references / co-citing papers are left out (default 1). */
  minShared: number;
}

export const CITATION_DEFAULTS: CitationOptions = { maxCiting: 200, minShared: 1 };

export interface CitationPair {
  /** Indexes into the input papers, a < b. */
  a: number;
  b: number;
  /** Coupling: the ids of the works both cite. Co-citation: the ids of the papers citing both. */
  shared: string[];
}

export interface ExternalWork {
  /** The cited work's id (doi:…, pmid:…, openalex:W…, s2:…, ref:…). */
  id: string;
  /** How many papers of the set cite it. */
  count: number;
  /** A citation text for it, when a source gave one. */
  label?: string;
}

export interface CitationSignals {
  /** Per input paper, its references' canonical ids: an in-set work's paper id, else the work's id. */
  references: string[][];
  /** In-set citations, `source` cites `target` (input indexes), sorted. */
  cites: { source: number; target: number }[];
  /** Bibliographic coupling, sorted by (a, b). */
  coupling: CitationPair[];
  /** Co-citation, sorted by (a, b). */
  cocitation: CitationPair[];
  /** Works cited but not in the set, most cited first (then by id). */
  external: ExternalWork[];
  /** Reference ids cited by more than `maxCiting` papers, left out of coupling. */
  skipped: string[];
}

const RANK = ["doi:", "pmid:", "openalex:", "s2:", "arxiv:", "ref:"];
const rank = (id: string) => {
  const r = RANK.findIndex((p) => id.startsWith(p));
  return r < 0 ? RANK.length : r;
};
/** The preferred of two ids of one work: stronger kind first, then code-unit order. */
const better = (x: string, y: string) => rank(x) - rank(y) || cmp(x, y);

/** The ids under which a paper of the set can be cited. */
export function citableIds(p: CitingPaper): string[] {
  const out: string[] = [];
  if (p.doi) out.push(`doi:${p.doi}`);
  if (p.arxivId) out.push(`arxiv:${p.arxivId}`);
  for (const [kind, v] of Object.entries(p.ids ?? {}))
    if (v && kind !== "wos") out.push(`${kind}:${v}`);
  return out;
}

/** Union-find over the ids that name one work (a reference's id and alt ids), best id as root. */
function aliasRoots(papers: CitingPaper[]): (id: string) => string {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let r = id;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r) as string;
    return r;
  };
  const union = (x: string, y: string) => {
    const a = find(x);
    const b = find(y);
    if (a === b) return;
    if (better(a, b) < 0) parent.set(b, a);
    else parent.set(a, b);
  };
  for (const p of papers)
    for (const ref of p.references ?? []) for (const alt of ref.alt ?? []) union(ref.id, alt);
  return find;
}

interface Resolved {
  /** Per paper, its references' canonical ids, sorted. */
  references: string[][];
  /** "paper:<id>" → input index. */
  byPaperId: Map<string, number>;
  labels: Map<string, string>;
}

/** Each paper's references as canonical ids: in-set works as "paper:<id>", self-citations left out. */
function resolve(papers: CitingPaper[]): Resolved {
  const root = aliasRoots(papers);
  const inSet = new Map<string, number>();
  papers.forEach((p, i) => {
    for (const id of citableIds(p)) {
      const j = inSet.get(root(id));
      if (j === undefined || cmp(p.id, papers[j]?.id ?? "") < 0) inSet.set(root(id), i);
    }
  });
  const labels = new Map<string, string>();
  const references = papers.map((p) => {
    const ids = new Set<string>();
    for (const ref of p.references ?? []) {
      const id = canonical(ref, root, inSet, papers);
      if (id === `paper:${p.id}`) continue;
      ids.add(id);
      keepLabel(labels, id, ref);
    }
    return [...ids].sort(cmp);
  });
  return { references, byPaperId: new Map(papers.map((p, i) => [`paper:${p.id}`, i])), labels };
}

function citesOf(r: Resolved): { source: number; target: number }[] {
  const cites = r.references.flatMap((ids, source) =>
    ids
      .filter((id) => r.byPaperId.has(id))
      .map((id) => ({ source, target: r.byPaperId.get(id) as number }))
      .filter((c) => c.source !== c.target),
  );
  return cites.sort((x, y) => x.source - y.source || x.target - y.target);
}

/** Only the in-set citations (what the graph's `cites` edges need). */
export function inSetCitations(papers: CitingPaper[]): { source: number; target: number }[] {
  return paperCitations(papers).cites;
}

/** A paper's references by paper id, and the names of the works outside the set. */
export type CitationLookup = (
  paperId: string,
) => { references: readonly string[]; labels: ReadonlyMap<string, string> } | undefined;

/** Works outside the set kept in a graph (meta.citedOutside): the most cited first. */
export const CITED_OUTSIDE_TOP = 50;

/** A work the set cites but does not contain, with the papers citing it (meta.citedOutside). */
export interface CitedOutside extends ExternalWork {
  /** Ids of the papers of the set that cite it, sorted. */
  citedBy: string[];
}

/** What a graph build needs of the citations, from one resolution of the references. */
export interface PaperCitations {
  /**
   * The CITED_OUTSIDE_TOP works outside the set cited by the most papers (at least two), then
   * by id: the papers a researcher may be missing.
   */
  citedOutside: CitedOutside[];
  /** Pairs of papers of the set where `source` cites `target` (input indices). */
  cites: { source: number; target: number }[];
  /**
   * Each paper's references by paper id, for the relatedness score (the `CitationSource` of
   * citations.ts): a work of the set named by its paper id, any other by its canonical
   * reference id; undefined for a paper without references.
   */
  source: CitationLookup;
}

/** The in-set citations and the citation lookup of `papers`, resolving references once. */
export function paperCitations(papers: CitingPaper[]): PaperCitations {
  // most corpora list no references at all: nothing to resolve
  if (!papers.some((p) => p.references?.length))
    return { cites: [], source: () => undefined, citedOutside: [] };
  const r = resolve(papers);
  const byId = new Map<string, readonly string[]>();
  papers.forEach((p, i) => {
    const refs = (r.references[i] ?? []).map((id) => (id.startsWith("paper:") ? id.slice(6) : id));
    if (refs.length && !byId.has(p.id)) byId.set(p.id, refs);
  });
  const source: CitationLookup = (paperId) => {
    const references = byId.get(paperId);
    return references ? { references, labels: r.labels } : undefined;
  };
  return { cites: citesOf(r), source, citedOutside: citedOutsideOf(r, papers) };
}

/** The most cited works outside the set (see PaperCitations.citedOutside). */
function citedOutsideOf(r: Resolved, papers: CitingPaper[]): CitedOutside[] {
  const citing = new Map<string, string[]>();
  r.references.forEach((ids, i) => {
    for (const id of ids) {
      if (r.byPaperId.has(id)) continue;
      const list = citing.get(id);
      const paper = papers[i]?.id ?? "";
      if (list) list.push(paper);
      else citing.set(id, [paper]);
    }
  });
  return [...citing]
    .filter(([, by]) => by.length >= 2)
    .sort((x, y) => y[1].length - x[1].length || cmp(x[0], y[0]))
    .slice(0, CITED_OUTSIDE_TOP)
    .map(([id, by]) => ({
      id,
      count: by.length,
      ...(r.labels.has(id) ? { label: r.labels.get(id) } : {}),
      citedBy: [...new Set(by)].sort(cmp),
    }));
}

/** Each paper's references by paper id (`paperCitations(papers).source`). */
export function citationSource(papers: CitingPaper[]): CitationLookup {
  return paperCitations(papers).source;
}

/** Compute every citation signal of a corpus. */
export function citationSignals(
  papers: CitingPaper[],
  options: Partial<CitationOptions> = {},
): CitationSignals {
  const opts = { ...CITATION_DEFAULTS, ...options };
  const r = resolve(papers);
  const { references, byPaperId, labels } = r;
  const cites = citesOf(r);
  const citing = invert(references);
  const skipped = [...citing]
    .filter(([, l]) => l.length > opts.maxCiting)
    .map(([id]) => id)
    .sort(cmp);
  const coupling = pairs(
    [...citing].filter(([, l]) => l.length <= opts.maxCiting).sort((x, y) => cmp(x[0], y[0])),
    papers.length,
    opts.minShared,
  );
  const citedBy = new Map<number, number[]>();
  for (const c of cites) citedBy.set(c.source, [...(citedBy.get(c.source) ?? []), c.target]);
  const cocitation = pairs(
    [...citedBy]
      .map(([s, ts]) => [papers[s]?.id ?? "", ts] as [string, number[]])
      .sort((x, y) => cmp(x[0], y[0])),
    papers.length,
    opts.minShared,
  );
  const external = [...citing]
    .filter(([id]) => !byPaperId.has(id))
    .map(([id, l]) => ({
      id,
      count: l.length,
      ...(labels.has(id) ? { label: labels.get(id) } : {}),
    }))
    .sort((x, y) => y.count - x.count || cmp(x.id, y.id));
  return { references, cites, coupling, cocitation, external, skipped };
}

/** An in-set work as "paper:<id>", else the best id among the reference's ids. */
function canonical(
  ref: Reference,
  root: (id: string) => string,
  inSet: Map<string, number>,
  papers: CitingPaper[],
): string {
  const id = root(ref.id);
  const hit = inSet.get(id);
  return hit === undefined ? id : `paper:${papers[hit]?.id}`;
}

/** The shortest non-empty label wins (a CR line over a long unstructured text; stable). */
function keepLabel(labels: Map<string, string>, id: string, ref: Reference): void {
  if (!ref.label) return;
  const old = labels.get(id);
  if (
    old === undefined ||
    ref.label.length < old.length ||
    (ref.label.length === old.length && ref.label < old)
  )
    labels.set(id, ref.label);
}

/** reference id → the papers citing it, in index order. */
function invert(references: string[][]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  references.forEach((ids, i) => {
    for (const id of ids) {
      const l = out.get(id);
      if (l) l.push(i);
      else out.set(id, [i]);
    }
  });
  return out;
}

/** Pairs of papers that appear together in a posting list, with the lists' keys they share. */
function pairs(postings: [string, number[]][], n: number, minShared: number): CitationPair[] {
  const shared = new Map<number, string[]>();
  for (const [key, list] of postings)
    for (let x = 0; x < list.length; x++)
      for (let y = x + 1; y < list.length; y++) {
        const a = Math.min(list[x] as number, list[y] as number);
        const b = Math.max(list[x] as number, list[y] as number);
        if (a === b) continue;
        const k = a * n + b;
        const l = shared.get(k);
        if (l) l.push(key);
        else shared.set(k, [key]);
      }
  return (
    [...shared]
      .filter(([, l]) => l.length >= minShared)
      // each list is in key order already: the postings are walked in key order
      .map(([k, l]) => ({ a: Math.floor(k / n), b: k % n, shared: l }))
      .sort((x, y) => x.a - y.a || x.b - y.b)
  );
}
