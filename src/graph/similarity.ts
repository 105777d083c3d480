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
  // Items interned as integers in node-key order, so "then by node" is "then by id" and each
  // paper's list (sorted by node) is sorted by id: merge-joins, typed arrays, no string maps.
  const nodeKeys = [...new Set(items.flatMap((list) => list.map((it) => it.node)))].sort((x, y) =>
    x < y ? -1 : x > y ? 1 : 0,
  );
  const idOf = new Map(nodeKeys.map((k, i) => [k, i]));
  const ids = items.map((list) => Int32Array.from(list, (it) => idOf.get(it.node) as number));
  const df = new Int32Array(nodeKeys.length);
  for (const list of ids) for (const id of list) df[id]++;
  const postings = Array.from(nodeKeys, (_, id) => new Int32Array(df[id]));
  const fill = new Int32Array(nodeKeys.length);
  ids.forEach((list, i) => {
    for (const id of list) postings[id][fill[id]++] = i;
  });
  const cap = Math.min(opts.hardMaxDfRatio * n, Math.max(opts.minDfCap, opts.maxDfRatio * n));
  // Specificity log((N+1)/df) of a shareable item (in 2..cap papers), 0 for the others.
  const spec = Float64Array.from(df, (d) => (d >= 2 && d <= cap ? Math.log((n + 1) / d) : 0));
  // Each paper's shareable mass: Σ factor·specificity over its items that can be shared.
  const mass = items.map((list, i) =>
    list.reduce((acc, it, k) => acc + it.factor * spec[ids[i][k]], 0),
  );
  const norm = (i: number, j: number) =>
    opts.normalise === "salton" ? Math.sqrt(mass[i] * mass[j]) || 1 : 1;
  const score = new Float64Array(n);
  const kept = new Set<number>();
  const pairKey = (a: number, b: number) => (a < b ? a * n + b : b * n + a);
  const walkMax = opts.candidateMaxDf ?? Number.POSITIVE_INFINITY;
  const budget = opts.candidateBudget ?? Number.POSITIVE_INFINITY;
  const best = new TopK(opts.topK, score);
  const touched: number[] = [];
  for (let i = 0; i < n; i++) {
    touched.length = 0;
    // Rarest items first (then by node): they say most and cost least.
    const walk: number[] = [];
    for (let k = 0; k < ids[i].length; k++) if (spec[ids[i][k]] > 0) walk.push(k);
    walk.sort((x, y) => df[ids[i][x]] - df[ids[i][y]] || ids[i][x] - ids[i][y]);
    let walked = 0;
    for (const k of walk) {
      const id = ids[i][k];
      const posting = postings[id];
      if (posting.length > walkMax || walked + posting.length > budget) break;
      walked += posting.length;
      const w = items[i][k].factor * spec[id];
      for (let p = 0; p < posting.length; p++) {
        const j = posting[p];
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
    const edge = explain(items[a], ids[a], items[b], ids[b], spec);
    if (edge)
      edges.push({ a, b, weight: round4(edge.total / norm(a, b)), breakdown: edge.breakdown });
  }
  return edges;
}

/** The weight of a pair and every shared item with its share (shares sum to 1). */
function explain(
  x: PaperItem[],
  xIds: Int32Array,
  y: PaperItem[],
  yIds: Int32Array,
  spec: Float64Array,
): { total: number; breakdown: ShareItem[] } | null {
  const parts: { item: PaperItem; w: number }[] = [];
  // Both lists are sorted by id: a merge-join, in x's order.
  for (let p = 0, q = 0; p < xIds.length && q < yIds.length; ) {
    if (xIds[p] < yIds[q]) p++;
    else if (xIds[p] > yIds[q]) q++;
    else {
      const s = spec[xIds[p]];
      if (s > 0) parts.push({ item: x[p], w: Math.min(x[p].factor, y[q].factor) * s });
      p++;
      q++;
    }
  }
  const total = parts.reduce((acc, p) => acc + p.w, 0);
  if (total <= 0) return null;
  parts.sort((p, q) => q.w - p.w || (p.item.node < q.item.node ? -1 : 1));
  const breakdown = parts.map((p) => ({
    kind: p.item.kind,
    label: p.item.label,
    node: p.item.node,
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
