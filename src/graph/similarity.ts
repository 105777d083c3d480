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
 * The papers' items interned as integers in node-key order (so "then by node" is "then by id"
 * and each paper's list, sorted by node, is sorted by id): the numeric input of similarPairs,
 * made of typed arrays so that it can be handed to a worker thread without copying.
 */
export interface SimilarityInput {
  /** Papers. */
  n: number;
  /** Distinct items. */
  items: number;
  /** Paper i's items are ids[offsets[i] .. offsets[i + 1]), ascending, with their factors. */
  offsets: Int32Array;
  ids: Int32Array;
  factors: Float64Array;
}

/** The similar edges found by similarPairs, as numbers (see materialize). */
export interface SimilarityOutput {
  /** Paper indices a, b (a < b) of each edge, in order. */
  pairs: Int32Array;
  /** Each edge's weight (rounded to 4 decimals). */
  weights: Float64Array;
  /** Edge e's shared items are parts/shares[partOffsets[e] .. partOffsets[e + 1]), largest first. */
  partOffsets: Int32Array;
  /** The position of a shared item in paper a's item list. */
  parts: Int32Array;
  /** Its share of the weight (rounded; the shares of an edge sum to 1). */
  shares: Float64Array;
}

/**
 * Runs similarPairs somewhere: called with the input as soon as it is known, it returns the
 * function that gives the result when it is needed (src/graph/similarity-thread.ts runs it in
 * a worker thread meanwhile). Same input, same output, wherever it runs.
 */
export type SimilarityRunner = (
  input: SimilarityInput,
  opts: SimilarityOptions,
) => () => SimilarityOutput;

/** similarPairs in this thread, when the result is asked for. */
export const runHere: SimilarityRunner = (input, opts) => () => similarPairs(input, opts);

/** Intern the items of every paper (see SimilarityInput). */
export function internItems(items: PaperItem[][]): SimilarityInput {
  const nodeKeys = [...new Set(items.flatMap((list) => list.map((it) => it.node)))].sort((x, y) =>
    x < y ? -1 : x > y ? 1 : 0,
  );
  const idOf = new Map(nodeKeys.map((k, i) => [k, i]));
  const offsets = new Int32Array(items.length + 1);
  for (let i = 0; i < items.length; i++) offsets[i + 1] = offsets[i] + items[i].length;
  const ids = new Int32Array(offsets[items.length]);
  const factors = new Float64Array(offsets[items.length]);
  items.forEach((list, i) => {
    list.forEach((it, k) => {
      ids[offsets[i] + k] = idOf.get(it.node) as number;
      factors[offsets[i] + k] = it.factor;
    });
  });
  return { n: items.length, items: nodeKeys.length, offsets, ids, factors };
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
  return materialize(items, similarPairs(internItems(items), opts));
}

/** The edges of similarPairs with their breakdowns, named from the papers' items. */
export function materialize(items: PaperItem[][], out: SimilarityOutput): SimilarEdge[] {
  const edges: SimilarEdge[] = new Array(out.weights.length);
  for (let e = 0; e < edges.length; e++) {
    const a = out.pairs[2 * e];
    const breakdown: ShareItem[] = [];
    for (let p = out.partOffsets[e]; p < out.partOffsets[e + 1]; p++) {
      const it = items[a][out.parts[p]];
      breakdown.push({ kind: it.kind, label: it.label, node: it.node, share: out.shares[p] });
    }
    edges[e] = { a, b: out.pairs[2 * e + 1], weight: out.weights[e], breakdown };
  }
  return edges;
}

/** similarEdges on interned items (pure numbers: runs in a worker thread as well as here). */
export function similarPairs(input: SimilarityInput, opts: SimilarityOptions): SimilarityOutput {
  const { n, offsets, ids, factors } = input;
  const df = new Int32Array(input.items);
  for (const id of ids) df[id]++;
  const postings = Array.from({ length: input.items }, (_, id) => new Int32Array(df[id]));
  const fill = new Int32Array(input.items);
  for (let i = 0; i < n; i++)
    for (let k = offsets[i]; k < offsets[i + 1]; k++) postings[ids[k]][fill[ids[k]]++] = i;
  const cap = Math.min(opts.hardMaxDfRatio * n, Math.max(opts.minDfCap, opts.maxDfRatio * n));
  // Specificity log((N+1)/df) of a shareable item (in 2..cap papers), 0 for the others.
  const spec = Float64Array.from(df, (d) => (d >= 2 && d <= cap ? Math.log((n + 1) / d) : 0));
  // Each paper's shareable mass: Σ factor·specificity over its items that can be shared.
  const mass = new Float64Array(n);
  for (let i = 0; i < n; i++)
    for (let k = offsets[i]; k < offsets[i + 1]; k++) mass[i] += factors[k] * spec[ids[k]];
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
    for (let k = offsets[i]; k < offsets[i + 1]; k++) if (spec[ids[k]] > 0) walk.push(k);
    walk.sort((x, y) => df[ids[x]] - df[ids[y]] || ids[x] - ids[y]);
    let walked = 0;
    for (const k of walk) {
      const posting = postings[ids[k]];
      if (posting.length > walkMax || walked + posting.length > budget) break;
      walked += posting.length;
      const w = factors[k] * spec[ids[k]];
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
  const pairs: number[] = [];
  const weights: number[] = [];
  const partOffsets: number[] = [0];
  const parts: number[] = [];
  const shares: number[] = [];
  const shared: { k: number; id: number; w: number }[] = [];
  for (const key of [...kept].sort((x, y) => x - y)) {
    const a = Math.floor(key / n);
    const b = key % n;
    // The shared items: both lists are sorted by id, a merge-join in a's order.
    shared.length = 0;
    for (let p = offsets[a], q = offsets[b]; p < offsets[a + 1] && q < offsets[b + 1]; ) {
      if (ids[p] < ids[q]) p++;
      else if (ids[p] > ids[q]) q++;
      else {
        const s = spec[ids[p]];
        if (s > 0)
          shared.push({ k: p - offsets[a], id: ids[p], w: Math.min(factors[p], factors[q]) * s });
        p++;
        q++;
      }
    }
    const total = shared.reduce((acc, x) => acc + x.w, 0);
    if (total <= 0) continue;
    shared.sort((x, y) => y.w - x.w || x.id - y.id);
    pairs.push(a, b);
    weights.push(round4(total / norm(a, b)));
    // Rounding: the largest share takes the remainder, so the shares sum to 1.
    let rest = 0;
    for (let s = 1; s < shared.length; s++) rest += round4(shared[s].w / total);
    for (let s = 0; s < shared.length; s++) {
      parts.push(shared[s].k);
      shares.push(s === 0 ? round4(1 - rest) : round4(shared[s].w / total));
    }
    partOffsets.push(parts.length);
  }
  return {
    pairs: Int32Array.from(pairs),
    weights: Float64Array.from(weights),
    partOffsets: Int32Array.from(partOffsets),
    parts: Int32Array.from(parts),
    shares: Float64Array.from(shares),
  };
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
