// Paper–paper similarity from shared authors and entities, each weighted by its specificity
// in the corpus (log((N+1)/df)), via an inverted index (never all pairs).

import type { SimilarityOptions } from "./options.ts";
import type { ShareItem } from "./schema.ts";

/** One thing a paper holds that another paper may share: an author or a concept node. */
export interface PaperItem {
  /** Node key of the shared author or concept. */
  node: string;
  /** "author" or the entity type. */
  kind: string;
  label: string;
  /** Multiplier from the options (author weight, type weight, is-a parent weight). */
  factor: number;
}

export interface SimilarEdge {
  /** Paper indices, a < b. */
  a: number;
  b: number;
  weight: number;
  breakdown: ShareItem[];
}

export const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;

/** Items of one paper from its resolved author keys and its entities (with is-a parents). */
export function paperItems(
  authorNodes: { node: string; label: string }[],
  entities: { id: string; type: string; label: string; parents?: string[] }[],
  labelOf: (node: string) => string,
  opts: SimilarityOptions,
): PaperItem[] {
  const items = new Map<string, PaperItem>();
  const put = (item: PaperItem) => {
    const old = items.get(item.node);
    if (!old || old.factor < item.factor) items.set(item.node, item);
  };
  for (const a of authorNodes) put({ ...a, kind: "author", factor: opts.authorWeight });
  for (const e of entities) {
    put({ node: e.id, kind: e.type, label: e.label, factor: opts.typeWeights[e.type] ?? 1 });
    for (const p of e.parents ?? []) {
      const type = p.slice(0, p.indexOf(":"));
      const w = (opts.typeWeights[type] ?? 1) * opts.parentWeight;
      put({ node: p, kind: type, label: labelOf(p), factor: w });
    }
  }
  return [...items.values()].sort((x, y) => (x.node < y.node ? -1 : x.node > y.node ? 1 : 0));
}

/**
 * Similar edges: for each paper, the top-k papers by Σ factor·log((N+1)/df) over shared items
 * (with normalise "salton", divided by √(mass_a·mass_b), each paper's mass being that sum over
 * all its shareable items, so a paper with few, specific items is not drowned by one with many);
 * an edge is kept when it is in the top k of either end. Items held by more than
 * min(hardMaxDfRatio·N, max(minDfCap, maxDfRatio·N)) papers are ignored (they say little and
 * cost quadratically). Candidates come from the paper lists of a paper's items, rarest first,
 * skipping items in more than candidateMaxDf papers and stopping before candidateBudget entries
 * (the work per paper is bounded); items not walked do not rank candidates but count in the
 * weight of the edges kept. The k best per paper are kept in a bounded sorted list.
 */
export function similarEdges(items: PaperItem[][], opts: SimilarityOptions): SimilarEdge[] {
  const n = items.length;
  const postings = new Map<string, number[]>();
  items.forEach((list, i) => {
    for (const it of list) {
      const p = postings.get(it.node);
      if (p) p.push(i);
      else postings.set(it.node, [i]);
    }
  });
  const cap = Math.min(opts.hardMaxDfRatio * n, Math.max(opts.minDfCap, opts.maxDfRatio * n));
  const spec = new Map<string, number>();
  for (const [node, p] of postings) {
    if (p.length >= 2 && p.length <= cap) spec.set(node, Math.log((n + 1) / p.length));
  }
  // Each paper's shareable mass: Σ factor·specificity over its items that can be shared.
  const mass = items.map((list) =>
    list.reduce((acc, it) => acc + it.factor * (spec.get(it.node) ?? 0), 0),
  );
  const norm = (i: number, j: number) =>
    opts.normalise === "salton" ? Math.sqrt(mass[i] * mass[j]) || 1 : 1;
  const score = new Float64Array(n);
  const kept = new Set<number>();
  const pairKey = (a: number, b: number) => (a < b ? a * n + b : b * n + a);
  const walkMax = opts.candidateMaxDf ?? Number.POSITIVE_INFINITY;
  const budget = opts.candidateBudget ?? Number.POSITIVE_INFINITY;
  const best = new TopK(opts.topK, score);
  for (let i = 0; i < n; i++) {
    const touched: number[] = [];
    // Rarest items first (then by node): they say most and cost least.
    const walk = items[i]
      .filter((it) => spec.has(it.node))
      .map((it) => ({ it, posting: postings.get(it.node) as number[] }))
      .sort((x, y) => x.posting.length - y.posting.length || (x.it.node < y.it.node ? -1 : 1));
    let walked = 0;
    for (const { it, posting } of walk) {
      if (posting.length > walkMax || walked + posting.length > budget) break;
      walked += posting.length;
      const w = it.factor * (spec.get(it.node) as number);
      for (const j of posting) {
        if (j === i) continue;
        if (score[j] === 0) touched.push(j);
        score[j] += w;
      }
    }
    best.clear();
    for (const j of touched) {
      score[j] /= norm(i, j);
      if (score[j] > 0) best.offer(j);
    }
    for (const j of best.items) kept.add(pairKey(i, j));
    for (const j of touched) score[j] = 0;
  }
  const edges: SimilarEdge[] = [];
  for (const key of [...kept].sort((x, y) => x - y)) {
    const a = Math.floor(key / n);
    const b = key % n;
    const edge = explain(items[a], items[b], spec);
    if (edge)
      edges.push({ a, b, weight: round4(edge.total / norm(a, b)), breakdown: edge.breakdown });
  }
  return edges;
}

/** The weight of a pair and every shared item with its share (shares sum to 1). */
function explain(
  x: PaperItem[],
  y: PaperItem[],
  spec: Map<string, number>,
): { total: number; breakdown: ShareItem[] } | null {
  const yByNode = new Map(y.map((it) => [it.node, it]));
  const parts: { item: PaperItem; w: number }[] = [];
  for (const it of x) {
    const other = yByNode.get(it.node);
    const s = spec.get(it.node);
    if (!other || s === undefined) continue;
    parts.push({ item: it, w: Math.min(it.factor, other.factor) * s });
  }
  const total = parts.reduce((acc, p) => acc + p.w, 0);
  if (total <= 0) return null;
  parts.sort((p, q) => q.w - p.w || (p.item.node < q.item.node ? -1 : 1));
  const breakdown = parts.map((p) => ({
    kind: p.item.kind,
    node: p.item.node,
    label: p.item.label,
    share: round4(p.w / total),
  }));
  // Rounding: give the remainder to the largest share so the shares sum to 1.
  const rest = breakdown.slice(1).reduce((acc, s) => acc + s.share, 0);
  breakdown[0].share = round4(1 - rest);
  return { total, breakdown };
}

/**
 * The k best indices by score (higher first, then lower index), kept in a sorted array of at
 * most k: the same as sorting all offers and taking k, in O(offers · k) time and O(k) space.
 */
class TopK {
  items: number[] = [];
  constructor(
    private readonly k: number,
    private readonly score: Float64Array,
  ) {}
  clear(): void {
    this.items.length = 0;
  }
  private before(x: number, y: number): boolean {
    const d = this.score[x] - this.score[y];
    return d > 0 || (d === 0 && x < y);
  }
  offer(j: number): void {
    const { items, k } = this;
    if (k <= 0) return;
    if (items.length === k && !this.before(j, items[k - 1])) return;
    let at = items.length < k ? items.length : k - 1;
    while (at > 0 && this.before(j, items[at - 1])) {
      items[at] = items[at - 1];
      at--;
    }
    items[at] = j;
  }
}
