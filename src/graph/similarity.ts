// Paper–paper relatedness: one hybrid score from the papers' text (TF-IDF over title and
// abstract), their entities, authors, venue and citation links. Each signal is a sparse vector
// per paper, weighted by specificity in the corpus (idf = log((N+1)/df)) and normalised per
// signal (cosine), so the score is Σ weight(signal) · cosine(signal). Pairs are found through an
// inverted index (never all pairs); each paper keeps its top k.

import { compareStrings as byString } from "../common/compare.ts";
import type { SignalWeights, SimilarityOptions } from "./options.ts";
import type { ShareItem } from "./schema.ts";
import { DIRECT_CITATION } from "./share-item.ts";
import type { TextVectors } from "./text/vectors.ts";

/** One thing a paper holds that another paper may share: an author, a concept, a venue, a citation. */
export interface PaperItem {
  /** Node key of the shared author or concept ("venue:…", "cites:…", "citedby:…" otherwise). */
  node: string;
  /** "author", "venue", "citation" or the entity type. */
  kind: string;
  label: string;
  /** Weight of the item in the paper before idf (type weight, is-a parent weight; 1 otherwise). */
  factor: number;
}

/** The signals of the hybrid score, in the order of SimilarityInput.channel's codes. */
export const CHANNELS = ["text", "entities", "authors", "venue", "citations"] as const;
export type Channel = (typeof CHANNELS)[number];
const TEXT = 0;

/** The signal of an item of a given kind. */
export function channelOf(kind: string): number {
  if (kind === "term") return TEXT;
  if (kind === "author") return 2;
  if (kind === "venue") return 3;
  if (kind === "citation") return 4;
  return 1;
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
  entities: {
    id: string;
    type: string;
    label: string;
    parents?: string[];
    mentions?: readonly { rule: string }[];
  }[],
  labelOf: (node: string) => string,
  opts: SimilarityOptions,
): PaperItem[] {
  const items = new Map<string, PaperItem>();
  const put = (item: PaperItem) => {
    const old = items.get(item.node);
    if (item.factor > 0 && (!old || old.factor < item.factor)) items.set(item.node, item);
  };
  for (const a of authorNodes) put({ ...a, kind: "author", factor: 1 });
  for (const e of entities) {
    // A type guessed from a topic's head noun ("discourse parsing" → task) weighs as the topic it
    // was (AAAI NMI tune half 0.373 at full weight, 0.376 as a topic; docs/quality.md).
    const guessed = e.mentions?.length && e.mentions.every((m) => m.rule === "head-noun");
    const factor = opts.typeWeights[guessed ? "topic" : e.type] ?? 1;
    put({ node: e.id, kind: e.type, label: e.label, factor });
    for (const p of e.parents ?? []) {
      const type = p.slice(0, p.indexOf(":"));
      const w = (opts.typeWeights[type] ?? 1) * opts.parentWeight;
      put({ node: p, kind: type, label: labelOf(p), factor: w });
    }
  }
  return [...items.values()].sort((x, y) => byString(x.node, y.node));
}

/**
 * The papers' items interned as integers: the items of paperItems in node-key order, then the
 * text terms in key order (so each paper's list, its items then its terms, is ascending), with
 * each item's signal: the numeric input of similarPairs, made of typed arrays so that it can be
 * handed to a worker thread without copying.
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
  /** Each item's signal (an index into CHANNELS). */
  channel: Uint8Array;
}

/** The similar edges found by similarPairs, as numbers (see materialize). */
export interface SimilarityOutput {
  /** Paper indices a, b (a < b) of each edge, in order. */
  pairs: Int32Array;
  /** Each edge's weight (rounded to 4 decimals). */
  weights: Float64Array;
  /** Edge e's shared items are parts/shares[partOffsets[e] .. partOffsets[e + 1]), largest first. */
  partOffsets: Int32Array;
  /**
   * The position of a shared item in paper a's list (items, then terms); a last negative part
   * -m stands for the m shared words not named (see edgesOf), together.
   */
  parts: Int32Array;
  /** Its share of the weight (rounded; the shares of an edge sum to 1). */
  shares: Float64Array;
  /** The network paper communities are found on (SimilarityOptions.communityWeights). */
  network: PaperNetwork;
}

/**
 * Papers linked by their top k under another weighting of the signals: paper indices a, b
 * (a < b) of each edge, in order, and its weight (that score, rounded to 4 decimals).
 */
export interface PaperNetwork {
  pairs: Int32Array;
  weights: Float64Array;
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

const NO_TEXT: TextVectors = { keys: [], labels: [], ids: [], values: [] };

/** Intern the items and text terms of every paper (see SimilarityInput). */
export function internItems(items: PaperItem[][], text: TextVectors = NO_TEXT): SimilarityInput {
  const nodeKeys = [...new Set(items.flatMap((list) => list.map((it) => it.node)))].sort(byString);
  const idOf = new Map(nodeKeys.map((k, i) => [k, i]));
  const m = nodeKeys.length;
  const channel = new Uint8Array(m + text.keys.length);
  const offsets = new Int32Array(items.length + 1);
  const termsOf = (i: number) => text.ids[i]?.length ?? 0;
  for (let i = 0; i < items.length; i++) offsets[i + 1] = offsets[i] + items[i].length + termsOf(i);
  const ids = new Int32Array(offsets[items.length]);
  const factors = new Float64Array(offsets[items.length]);
  items.forEach((list, i) => {
    let at = offsets[i];
    for (const it of list) {
      const id = idOf.get(it.node) as number;
      channel[id] = channelOf(it.kind);
      ids[at] = id;
      factors[at++] = it.factor;
    }
    for (let t = 0; t < termsOf(i); t++) {
      ids[at] = m + text.ids[i][t];
      factors[at++] = text.values[i][t];
    }
  });
  channel.fill(TEXT, m);
  return { n: items.length, items: channel.length, offsets, ids, factors, channel };
}

/**
 * Similar edges (see similarPairs) with their breakdowns named: the items of each paper from
 * paperItems and, optionally, its text vector.
 */
export function similarEdges(
  items: PaperItem[][],
  opts: SimilarityOptions,
  text: TextVectors = NO_TEXT,
  paperIds?: readonly string[],
): SimilarEdge[] {
  return materialize(items, similarPairs(internItems(items, text), opts), text, paperIds);
}

/** The kind of a direct-citation reason (share-item.ts), for callers of this module. */
export { DIRECT_CITATION };

/**
 * The edges of similarPairs with their breakdowns, named from the papers' items and terms; with
 * the papers' ids, a citation item naming one of the two papers is a DIRECT_CITATION.
 */
export function materialize(
  items: PaperItem[][],
  out: SimilarityOutput,
  text: TextVectors = NO_TEXT,
  paperIds?: readonly string[],
): SimilarEdge[] {
  const edges: SimilarEdge[] = [];
  forEachSimilar(items, out, text, paperIds, (a, b, weight, breakdown) => {
    edges.push({ a, b, weight, breakdown });
  });
  return edges;
}

/** materialize's edges handed one by one to `fn`, in order, without a list of them. */
export function forEachSimilar(
  items: PaperItem[][],
  out: SimilarityOutput,
  text: TextVectors,
  paperIds: readonly string[] | undefined,
  fn: (a: number, b: number, weight: number, breakdown: ShareItem[]) => void,
): void {
  const direct = (node: string, a: number, b: number) =>
    paperIds !== undefined && (node === `cites:${paperIds[a]}` || node === `cites:${paperIds[b]}`);
  // One node key string per term, shared by all its reasons (a 6,318-paper graph has 380k
  // reasons on 60k node keys): fewer strings, each hashed once where the writer looks keys up.
  const termNodes: (string | undefined)[] = new Array(text.keys.length);
  const termNode = (t: number) => {
    const known = termNodes[t];
    if (known !== undefined) return known;
    const node = `term:${text.keys[t]}`;
    termNodes[t] = node;
    return node;
  };
  for (let e = 0; e < out.weights.length; e++) {
    const a = out.pairs[2 * e];
    const b = out.pairs[2 * e + 1];
    const breakdown: ShareItem[] = [];
    for (let p = out.partOffsets[e]; p < out.partOffsets[e + 1]; p++) {
      const part = out.parts[p];
      const share = out.shares[p];
      if (part < 0) {
        breakdown.push({ kind: "other", label: `${-part} more shared`, node: "", share });
      } else if (part < items[a].length) {
        const it = items[a][part];
        const kind = it.kind === "citation" && direct(it.node, a, b) ? DIRECT_CITATION : it.kind;
        breakdown.push({ kind, label: it.label, node: it.node, share });
      } else {
        const t = text.ids[a][part - items[a].length];
        breakdown.push({
          kind: "term",
          label: text.labels[t],
          node: termNode(t),
          share,
        });
      }
    }
    fn(a, b, out.weights[e], breakdown);
  }
}

/**
 * Specificity of each item that can be shared (see similarPairs), 0 otherwise: log((N+1)/df);
 * for text terms the smooth idf log((N+1)/(df+1)) + 1 (as scikit-learn's), so that the words
 * held by many papers, which name a field ("image", "agents"), still count a little (measured
 * on AAAI: related P@5 0.545 → 0.555).
 */
function specificity(input: SimilarityInput, df: Int32Array, opts: SimilarityOptions) {
  const { n } = input;
  const cap = Math.min(opts.hardMaxDfRatio * n, Math.max(opts.minDfCap, opts.maxDfRatio * n));
  const textCap = Math.max(opts.minDfCap, opts.textMaxDfRatio * n);
  return Float64Array.from(df, (d, id) => {
    if (input.channel[id] === TEXT)
      return d >= 2 && d <= textCap ? Math.log((n + 1) / (d + 1)) + 1 : 0;
    return d >= 2 && d <= cap ? Math.log((n + 1) / d) : 0;
  });
}

/**
 * Each entry's unit weight: factor · specificity, divided by the norm of the paper's vector of
 * that signal ("cosine") and times √(signal weight), so that the product of two papers' unit
 * weights of a shared item is its part of Σ weight · cosine.
 */
function unitWeights(
  input: SimilarityInput,
  spec: Float64Array,
  opts: SimilarityOptions,
  weights: SignalWeights = opts.weights,
) {
  const { n, offsets, ids, factors, channel } = input;
  const w = CHANNELS.map((c) => Math.sqrt(Math.max(0, weights[c] ?? 0)));
  const unit = new Float64Array(ids.length);
  const norm = new Float64Array(CHANNELS.length);
  for (let i = 0; i < n; i++) {
    norm.fill(0);
    for (let k = offsets[i]; k < offsets[i + 1]; k++) {
      unit[k] = factors[k] * spec[ids[k]];
      norm[channel[ids[k]]] += unit[k] * unit[k];
    }
    for (let c = 0; c < norm.length; c++)
      norm[c] = opts.normalise === "cosine" ? Math.sqrt(norm[c]) || 1 : 1;
    for (let k = offsets[i]; k < offsets[i + 1]; k++) {
      const c = channel[ids[k]];
      unit[k] = (unit[k] / norm[c]) * w[c];
    }
  }
  return unit;
}

/** Item → papers holding it (CSR: papers/units[start[id] .. start[id + 1])). */
function postingsOf(input: SimilarityInput, df: Int32Array, unit: Float64Array) {
  const start = new Int32Array(input.items + 1);
  for (let id = 0; id < input.items; id++) start[id + 1] = start[id] + df[id];
  const fill = start.slice(0, input.items);
  const papers = new Int32Array(input.ids.length);
  const units = new Float64Array(input.ids.length);
  for (let i = 0; i < input.n; i++)
    for (let k = input.offsets[i]; k < input.offsets[i + 1]; k++) {
      const at = fill[input.ids[k]]++;
      papers[at] = i;
      units[at] = unit[k];
    }
  return { start, papers, units };
}

/**
 * The walk's unit weights and, per signal, what a product of two of them adds to the related
 * score (`toScore`: 1 or 0) and to the community score beyond that (`toNet`). Both scores use
 * the same idf and norms, so a signal weighed by both differs only by the factor
 * communityWeight / weight: the walk reads one unit per posting and, for the signals whose
 * factor is 1 (text, venue, citations by default), adds it to one score only. A signal only the
 * community network weighs walks its community units.
 */
function walkUnits(input: SimilarityInput, spec: Float64Array, opts: SimilarityOptions) {
  const related = unitWeights(input, spec, opts);
  const net = unitWeights(input, spec, opts, opts.communityWeights);
  const toScore = new Float64Array(CHANNELS.length);
  const toNet = new Float64Array(CHANNELS.length);
  CHANNELS.forEach((c, i) => {
    const w = Math.max(0, opts.weights[c] ?? 0);
    const nw = Math.max(0, opts.communityWeights[c] ?? 0);
    toScore[i] = w > 0 ? 1 : 0;
    toNet[i] = (w > 0 ? nw / w : 1) - toScore[i];
  });
  const walk = related.slice();
  for (let k = 0; k < walk.length; k++)
    if (toScore[input.channel[input.ids[k]]] === 0) walk[k] = net[k];
  return { related, net, walk, toScore, toNet };
}

/**
 * Similar edges as numbers (runs in a worker thread as well as here): for each paper, the top-k
 * papers by Σ_shared unit_a·unit_b = Σ_signal weight·cosine (unitWeights); an edge is kept when
 * it is in the top k of either end. An item is shareable when held by 2 papers or more and at
 * most min(hardMaxDfRatio·N, max(minDfCap, maxDfRatio·N)) of them (text terms: at most
 * max(minDfCap, textMaxDfRatio·N)); the others count nowhere. Candidates come from the paper
 * lists of a paper's items, rarest first, skipping items in more than candidateMaxDf papers and
 * stopping before candidateBudget entries (the work per paper is bounded); items not walked do
 * not rank candidates but count in the weight of the edges kept. The k best per paper are kept in
 * a bounded sorted list. The same walk ranks the candidates by a second score, Σ over the signals
 * of communityWeights · cosine, whose communityTopK best per paper make the network paper
 * communities are found on (`network`).
 */
export function similarPairs(input: SimilarityInput, opts: SimilarityOptions): SimilarityOutput {
  const { n, offsets, ids } = input;
  const df = new Int32Array(input.items);
  for (const id of ids) df[id]++;
  const spec = specificity(input, df, opts);
  const units = walkUnits(input, spec, opts);
  const { walk: unit, toScore, toNet } = units;
  const post = postingsOf(input, df, unit);
  const score = new Float64Array(n);
  // The community score minus the related one, then (after the walk) the community score.
  const netScore = new Float64Array(n);
  const kept = new Set<number>();
  // Community network pairs, each with its weight when a complete walk found it (NaN: not yet).
  const netKept = new Map<number, number>();
  const pairKey = (a: number, b: number) => (a < b ? a * n + b : b * n + a);
  const walkMax = opts.candidateMaxDf ?? Number.POSITIVE_INFINITY;
  const budget = opts.candidateBudget ?? Number.POSITIVE_INFINITY;
  const best = new TopK(opts.topK, score);
  const netBest = new TopK(opts.communityTopK, netScore);
  // The papers given a score for paper i: touched[0 .. nTouched), each once (a posting walked
  // adds a positive amount to the related score, or a non-zero one to the difference).
  const touched = new Int32Array(ids.length);
  let nTouched = 0;
  const walk: number[] = [];
  for (let i = 0; i < n; i++) {
    nTouched = 0;
    // Rarest items first (then by id): they say most and cost least.
    walk.length = 0;
    for (let k = offsets[i]; k < offsets[i + 1]; k++) if (unit[k] > 0) walk.push(k);
    walk.sort((x, y) => df[ids[x]] - df[ids[y]] || ids[x] - ids[y]);
    let walked = 0;
    let complete = true;
    for (const k of walk) {
      const id = ids[k];
      if (df[id] > walkMax || walked + df[id] > budget) {
        complete = false;
        break;
      }
      walked += df[id];
      const c = input.channel[id];
      const w = toScore[c] * unit[k];
      const dw = toNet[c] * unit[k];
      const { papers, units } = post;
      const end = post.start[id + 1];
      // Most postings are words, which add to the related score only: a loop of their own.
      if (dw === 0)
        for (let p = post.start[id]; p < end; p++) {
          const j = papers[p];
          if (j === i) continue;
          if (score[j] === 0 && netScore[j] === 0) touched[nTouched++] = j;
          score[j] += w * units[p];
        }
      else
        for (let p = post.start[id]; p < end; p++) {
          const j = papers[p];
          if (j === i) continue;
          if (score[j] === 0 && netScore[j] === 0) touched[nTouched++] = j;
          score[j] += w * units[p];
          netScore[j] += dw * units[p];
        }
    }
    best.clear();
    netBest.clear();
    // Offer only what can enter a list (ties included; offer settles them by index).
    const { items: top, k } = best;
    const { items: netTop, k: netK } = netBest;
    for (let t = 0; t < nTouched; t++) {
      const j = touched[t];
      const sj = score[j];
      const nj = netScore[j] + sj;
      netScore[j] = nj;
      if (sj > 0 && (top.length < k || sj >= score[top[k - 1]])) best.offer(j);
      if (nj > 0 && (netTop.length < netK || nj >= netScore[netTop[netK - 1]])) netBest.offer(j);
    }
    for (const j of best.items) kept.add(pairKey(i, j));
    // A walk over all of paper i's items has summed every shared item: that is the weight.
    for (const j of netBest.items) {
      const key = pairKey(i, j);
      const had = netKept.get(key);
      if (had === undefined || (complete && Number.isNaN(had)))
        netKept.set(key, complete ? netScore[j] : Number.NaN);
    }
    for (let t = 0; t < nTouched; t++) score[touched[t]] = netScore[touched[t]] = 0;
  }
  return {
    ...edgesOf(input, units.related, Float64Array.from(kept).sort(), opts),
    network: networkOf(input, units.net, netKept),
  };
}

/** The dot product of papers a's and b's unit weights: both lists sorted by id, merge-joined. */
function dot(input: SimilarityInput, unit: Float64Array, a: number, b: number): number {
  const { offsets, ids } = input;
  let total = 0;
  for (let p = offsets[a], q = offsets[b]; p < offsets[a + 1] && q < offsets[b + 1]; ) {
    if (ids[p] < ids[q]) p++;
    else if (ids[p] > ids[q]) q++;
    else total += unit[p++] * unit[q++];
  }
  return total;
}

/**
 * The community network's kept pairs with their weights, all shared items counted: the walk's
 * sum where it was complete, else the merge-join of the two papers' lists.
 */
function networkOf(
  input: SimilarityInput,
  unit: Float64Array,
  kept: Map<number, number>,
): PaperNetwork {
  const pairs: number[] = [];
  const weights: number[] = [];
  // Pair keys are integers below n² (exact as doubles); a typed array sorts them numerically.
  for (const key of Float64Array.from(kept.keys()).sort()) {
    const a = Math.floor(key / input.n);
    const b = key % input.n;
    const found = kept.get(key) as number;
    const w = round4(Number.isNaN(found) ? dot(input, unit, a, b) : found);
    if (w <= 0) continue;
    pairs.push(a, b);
    weights.push(w);
  }
  return { pairs: Int32Array.from(pairs), weights: Float64Array.from(weights) };
}

/**
 * The kept pairs with their weights and breakdowns: the shared items largest first, every
 * author, entity, venue and citation named, the strongest words named up to maxReasons items in
 * all and at least minWordReasons of them, the other words as one part.
 */
function edgesOf(
  input: SimilarityInput,
  unit: Float64Array,
  keys: Float64Array,
  { maxReasons, minWordReasons }: Pick<SimilarityOptions, "maxReasons" | "minWordReasons">,
): Omit<SimilarityOutput, "network"> {
  const { n, offsets, ids, channel } = input;
  const pairs: number[] = [];
  const weights: number[] = [];
  const partOffsets: number[] = [0];
  const parts: number[] = [];
  const shares: number[] = [];
  // The shared items of one edge, reused: position in a's list and part of the weight (in id
  // order, so index order is id order), and their order by part, largest first.
  const sk: number[] = [];
  const sw: number[] = [];
  const order: number[] = [];
  const byPart = (x: number, y: number) => sw[y] - sw[x] || x - y;
  for (const key of keys) {
    const a = Math.floor(key / n);
    const b = key % n;
    // The shared items: both lists are sorted by id, a merge-join in a's order.
    sk.length = 0;
    sw.length = 0;
    let total = 0;
    for (let p = offsets[a], q = offsets[b]; p < offsets[a + 1] && q < offsets[b + 1]; ) {
      if (ids[p] < ids[q]) p++;
      else if (ids[p] > ids[q]) q++;
      else {
        const w = unit[p] * unit[q];
        if (w > 0) {
          sk.push(p - offsets[a]);
          sw.push(w);
          total += w;
        }
        p++;
        q++;
      }
    }
    if (total <= 0) continue;
    order.length = 0;
    for (let x = 0; x < sw.length; x++) order.push(x);
    order.sort(byPart);
    pairs.push(a, b);
    weights.push(round4(total));
    // Named: every shared author, entity, venue and citation, and the strongest words up to
    // maxReasons items in all, at least minWordReasons words (and one); the other words together.
    let words = Math.max(1, maxReasons);
    for (let x = 0; x < order.length; x++) if (channel[ids[offsets[a] + sk[x]]] !== TEXT) words--;
    words = Math.max(words, minWordReasons, 1);
    let rest = 0;
    let unnamed = 0;
    const first = parts.length;
    for (const x of order) {
      const isWord = channel[ids[offsets[a] + sk[x]]] === TEXT;
      if (isWord && words <= 0) {
        rest += sw[x];
        unnamed++;
        continue;
      }
      if (isWord) words--;
      parts.push(sk[x]);
      shares.push(round4(sw[x] / total));
    }
    if (unnamed > 0) {
      parts.push(-unnamed);
      shares.push(round4(rest / total));
    }
    // Rounding: the largest share takes the remainder, so the shares sum to 1.
    let others = 0;
    for (let x = first + 1; x < shares.length; x++) others += shares[x];
    shares[first] = round4(1 - others);
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
    readonly k: number,
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
