// Corpus topics: noun phrases recurring across papers, scored as VOSviewer scores terms.
// A term's relevance is the Kullback–Leibler divergence of the distribution of its co-occurrences
// with other terms from the overall term distribution: a generic phrase ("the proposed method")
// co-occurs with everything alike (low), a topical one with a few terms of its field (high).
// Stage 1 (per paper, topic-candidates.ts) finds each paper's candidates; stage 2 (here, over the
// corpus) counts papers per candidate, asks compromise about the most frequent ones
// (topic-tags.ts), scores, labels and builds each paper's topic drafts.
import { slugify } from "../common/text.ts";
import { addMention, type Draft, type PaperState } from "./draft.ts";
import type { Field, FieldName } from "./field.ts";
import type { ConfidenceOptions, TopicOptions } from "./options.ts";
import { canonicalLabel } from "./phrases.ts";
import type { Span } from "./text/sentences.ts";
import { tokenize } from "./text/tokenize.ts";
import { type TopicCandidates, topicCandidates } from "./topic-candidates.ts";
import { cutOpener } from "./topic-cut.ts";
import { ownHeadTyped } from "./topic-own.ts";
import { type PhraseTagStore, readAsNounPhrases, TAG_BATCH } from "./topic-tags.ts";
import { topicType } from "./topic-types.ts";

export type { TopicCandidates } from "./topic-candidates.ts";
export { type PhraseTagStore, tagPhrases } from "./topic-tags.ts";

/** Confidences of a topic's mentions: untyped, and typed by its head noun. */
export type TopicConfidence = Pick<ConfidenceOptions, "topic" | "headNoun">;

export interface PaperTopic {
  draft: Draft;
  /** A corpus topic's relevance; none for a phrase typed within its paper (topic-own.ts). */
  relevance?: number;
}

/** What stage 2 reads of one paper: its text and its stage-1 candidates. */
export interface TopicInput {
  title: string;
  abstract: string;
  candidates: TopicCandidates;
}

/**
 * The corpus's candidates as integer ids: each distinct key once, and per paper the id of each of
 * its keys in its own order. Paper p's ids are ids[start[p]] … ids[start[p + 1] − 1].
 */
interface Corpus {
  papers: TopicInput[];
  keyOf: string[];
  /** Papers each candidate occurs in. */
  df: Int32Array;
  /** Each candidate's first occurrence (first paper in order): paper, and its block in `occ`. */
  firstPaper: Int32Array;
  firstPos: Int32Array;
  ids: Int32Array;
  start: Int32Array;
}

function collect(papers: TopicInput[]): Corpus {
  const split = papers.map((p) => (p.candidates.keys === "" ? [] : p.candidates.keys.split("\n")));
  let total = 0;
  for (const keys of split) total += keys.length;
  const index = new Map<string, number>();
  const keyOf: string[] = [];
  const df = new Int32Array(total);
  const firstPaper = new Int32Array(total);
  const firstPos = new Int32Array(total);
  const ids = new Int32Array(total);
  const start = new Int32Array(papers.length + 1);
  let at = 0;
  for (let p = 0; p < papers.length; p++) {
    start[p] = at;
    const occ = papers[p].candidates.occ;
    let pos = 0;
    for (const key of split[p]) {
      let id = index.get(key);
      if (id === undefined) {
        id = keyOf.length;
        index.set(key, id);
        keyOf.push(key);
        firstPaper[id] = p;
        firstPos[id] = pos;
      }
      df[id]++;
      ids[at++] = id;
      pos += 1 + 3 * occ[pos];
    }
    const dup = papers[p].candidates.dup;
    const dupOk = dup.every((k, i) => k < split[p].length && (i === 0 || dup[i - 1] < k));
    if (pos !== occ.length || !dupOk)
      throw new Error(
        `extract/topics: candidates of paper ${p} ("${papers[p].title}") are malformed: ${
          dupOk ? "occurrences do not match the keys" : "duplicate indices out of order or range"
        }`,
      );
  }
  start[papers.length] = at;
  return { papers, keyOf, df, firstPaper, firstPos, ids, start };
}

const FIELDS: FieldName[] = ["title", "abstract"];

/** The written text of the occurrence at `q` (its field entry) in a paper's `occ`. */
function writtenAt(input: TopicInput, q: number): string {
  const occ = input.candidates.occ;
  return (occ[q] === 0 ? input.title : input.abstract).slice(occ[q + 1], occ[q + 2]);
}

/**
 * The kept candidates of every paper, in each paper's key order, flat: key index, term, and
 * where its block starts in the paper's `occ`.
 */
function keptOf(c: Corpus, termOfId: Int32Array, keep: Set<number>): number[][] {
  const out: number[][] = [];
  for (let p = 0; p < c.papers.length; p++) {
    const occ = c.papers[p].candidates.occ;
    const list: number[] = [];
    let pos = 0;
    for (let k = 0, at = c.start[p]; at < c.start[p + 1]; k++, at++) {
      const term = termOfId[c.ids[at]];
      if (term >= 0 && keep.has(term)) list.push(k, term, pos);
      pos += 1 + 3 * occ[pos];
    }
    out.push(list);
  }
  return out;
}

/**
 * Co-occurrence counts of terms, each row's columns kept in the order first counted (the order
 * relevance sums them in). Dense below DENSE_CELLS cells, a map above.
 */
class CoCounts {
  static readonly DENSE_CELLS = 4_000_000;
  readonly order: number[][];
  private readonly n: number;
  private readonly dense?: Int32Array;
  private readonly sparse?: Map<number, number>;
  constructor(n: number) {
    this.n = n;
    this.order = Array.from({ length: n }, () => []);
    if (n * n <= CoCounts.DENSE_CELLS) this.dense = new Int32Array(n * n);
    else this.sparse = new Map();
  }
  add(x: number, y: number): void {
    const cell = x * this.n + y;
    const c = this.get(x, y);
    if (c === 0) this.order[x].push(y);
    if (this.dense) this.dense[cell] = c + 1;
    else this.sparse?.set(cell, c + 1);
  }
  get(x: number, y: number): number {
    const cell = x * this.n + y;
    return this.dense ? this.dense[cell] : (this.sparse?.get(cell) ?? 0);
  }
}

/** Stage 2: topics per paper (same order as `papers`) from the papers' stage-1 candidates. */
export function corpusTopics(
  papers: TopicInput[],
  opts: TopicOptions,
  confidence: TopicConfidence,
  tags?: PhraseTagStore,
): PaperTopic[][] {
  const c = collect(papers);
  const { keyOf, df } = c;
  // Most frequent first; compromise checks candidates only until maxCandidates are found, a
  // batch of them per nlp() document, each in its first written form.
  const ordered: number[] = [];
  for (let id = 0; id < keyOf.length; id++) if (df[id] >= opts.minPapers) ordered.push(id);
  ordered.sort((a, b) => df[b] - df[a] || (keyOf[a] < keyOf[b] ? -1 : 1));
  const terms: number[] = [];
  for (let at = 0; at < ordered.length && terms.length < opts.maxCandidates; at += TAG_BATCH) {
    const batch = ordered.slice(at, at + TAG_BATCH);
    const ok = readAsNounPhrases(
      batch.map((id) => writtenAt(papers[c.firstPaper[id]], c.firstPos[id] + 1)),
      tags,
    );
    for (let b = 0; b < batch.length && terms.length < opts.maxCandidates; b++)
      if (ok[b]) terms.push(batch[b]);
  }
  const termOfId = new Int32Array(keyOf.length).fill(-1);
  terms.forEach((id, i) => {
    termOfId[id] = i;
  });
  const n = terms.map((id) => df[id]);
  const total = n.reduce((s, x) => s + x, 0);
  const co = new CoCounts(terms.length);
  const present: number[] = [];
  for (let p = 0; p < papers.length; p++) {
    present.length = 0;
    for (let at = c.start[p]; at < c.start[p + 1]; at++) {
      const t = termOfId[c.ids[at]];
      if (t >= 0) present.push(t);
    }
    for (const x of present) for (const y of present) if (x !== y) co.add(x, y);
  }
  const relevance = terms.map((_, i) => {
    let sum = 0;
    for (const j of co.order[i]) sum += co.get(i, j);
    if (sum === 0) return 0;
    let kl = 0;
    const rest = total - n[i];
    for (const j of co.order[i]) {
      const p = co.get(i, j) / sum;
      kl += p * Math.log(p / (n[j] / rest));
    }
    return Math.round(kl * 1e4) / 1e4;
  });
  const termKey = (i: number) => keyOf[terms[i]];
  const ranked = terms
    .map((_, i) => i)
    .sort((a, b) => relevance[b] - relevance[a] || (termKey(a) < termKey(b) ? -1 : 1));
  const keep = new Set(
    ranked
      .slice(0, Math.ceil(ranked.length * opts.keepShare))
      .filter((i) => relevance[i] >= opts.minRelevance),
  );
  const kept = keptOf(c, termOfId, keep);
  const labels = topicLabels(papers, kept);
  const draftIds = new Map<number, { id: string; type: Draft["type"] }>();
  return papers.map((input, p) => {
    const found: PaperTopic[] = [];
    const { occ, dup } = input.candidates;
    let d = 0;
    let fields: Field[] | undefined;
    const list = kept[p];
    for (let e = 0; e < list.length; e += 3) {
      const k = list[e];
      const i = list[e + 1];
      const pos = list[e + 2];
      while (d < dup.length && dup[d] < k) d++;
      if (dup[d] === k) continue;
      fields ??= lightFields(input);
      const label = labels.get(i) ?? termKey(i);
      let named = draftIds.get(i);
      if (named === undefined) {
        const type = (opts.typeByHead && topicType(label)) || "topic";
        named = { id: `${type}:${slugify(label) || "x"}`, type };
        draftIds.set(i, named);
      }
      const draft: Draft = {
        ...named,
        label,
        aliases: new Set(),
        parents: new Set(),
        mentions: new Map(),
      };
      const [rule, conf] =
        named.type === "topic"
          ? (["noun-phrase", confidence.topic] as const)
          : (["head-noun", confidence.headNoun] as const);
      for (let o = 0, q = pos + 1; o < occ[pos]; o++, q += 3)
        addMention(draft, fields[occ[q]], occ[q + 1], occ[q + 2], rule, conf);
      found.push({ draft, relevance: relevance[i] });
    }
    found.sort(
      (a, b) => (b.relevance ?? 0) - (a.relevance ?? 0) || (a.draft.id < b.draft.id ? -1 : 1),
    );
    const top = found.slice(0, opts.maxPerPaper);
    if (!opts.typeByHead || opts.ownHeadOccurrences < 1) return top;
    const ids = new Set(top.map((t) => t.draft.id));
    const own = ownTopicsOf(c, p, list, opts.ownHeadOccurrences, confidence);
    // A phrase taken whole (topic-cut.ts) may name what another topic of the paper names.
    const out = [...top];
    for (const t of own) {
      if (ids.has(t.draft.id)) continue;
      ids.add(t.draft.id);
      out.push(t);
    }
    return out;
  });
}

/** The paper's own recurring phrases typed by their head (topic-own.ts), as drafts. */
function ownTopicsOf(
  c: Corpus,
  p: number,
  kept: number[],
  minOccurrences: number,
  confidence: TopicConfidence,
): PaperTopic[] {
  const input = c.papers[p];
  const { occ, dup } = input.candidates;
  const handled = new Set<number>();
  for (let e = 0; e < kept.length; e += 3) handled.add(kept[e]);
  const keys: string[] = [];
  for (let at = c.start[p]; at < c.start[p + 1]; at++) keys.push(c.keyOf[c.ids[at]]);
  const typed = ownHeadTyped({
    keys,
    occ,
    dup,
    handled,
    labelAt: (q) => labelOf(writtenAt(input, q)),
    minOccurrences,
  });
  if (typed.length === 0) return [];
  const fields = lightFields(input);
  const texts = [input.title, input.abstract];
  return typed.map((t) => {
    // A tail of a longer term the splitter cut ("squares estimator") is taken whole (topic-cut.ts).
    const cut = cutOpener(texts, occ, t.pos);
    const first = t.pos + 1;
    const whole = cut && labelOf(texts[occ[first]].slice(cut.starts[0], occ[first + 2]));
    const type = (whole && topicType(whole)) || t.type;
    const label = whole && topicType(whole) ? whole : t.label;
    const draft: Draft = {
      id: `${type}:${slugify(label) || "x"}`,
      type,
      label,
      aliases: new Set(),
      parents: new Set(),
      mentions: new Map(),
    };
    for (let o = 0, q = first; o < occ[t.pos]; o++, q += 3) {
      const start = label === t.label || !cut ? occ[q + 1] : cut.starts[o];
      addMention(draft, fields[occ[q]], start, occ[q + 2], "head-noun", confidence.headNoun);
    }
    return { draft };
  });
}

/** Fields carrying what addMention reads: name, text and (abstract) sentence spans. */
function lightFields(input: TopicInput): Field[] {
  const s = input.candidates.sentences;
  const spans: Span[] = [];
  for (let i = 0; i + 1 < s.length; i += 2) spans.push({ start: s[i], end: s[i + 1] });
  return FIELDS.map((name) => ({
    name,
    text: name === "title" ? input.title : input.abstract,
    tokens: [],
    sentences: name === "title" ? [] : spans,
    matches: [],
  }));
}

const labelMemo = new Map<string, string>();

/**
 * Canonical label of a written phrase. The phrase starts and ends on token boundaries and its
 * first token's own gap is never read, so tokenising the phrase alone gives canonicalLabel the
 * same tokens (relative offsets, gaps) as the paper's own tokens.
 */
function labelOf(written: string): string {
  let label = labelMemo.get(written);
  if (label === undefined) {
    label = canonicalLabel(tokenize(written));
    if (labelMemo.size > 100_000) labelMemo.clear();
    labelMemo.set(written, label);
  }
  return label;
}

/** The most frequent written form of each kept term, canonicalised (ties: alphabetical). */
function topicLabels(papers: TopicInput[], kept: number[][]): Map<number, string> {
  const forms = new Map<number, Map<string, number>>();
  for (let p = 0; p < papers.length; p++) {
    const input = papers[p];
    const occ = input.candidates.occ;
    const list = kept[p];
    for (let e = 0; e < list.length; e += 3) {
      const i = list[e + 1];
      const pos = list[e + 2];
      let f = forms.get(i);
      if (!f) {
        f = new Map<string, number>();
        forms.set(i, f);
      }
      for (let o = 0, q = pos + 1; o < occ[pos]; o++, q += 3) {
        const label = labelOf(writtenAt(input, q));
        f.set(label, (f.get(label) ?? 0) + 1);
      }
    }
  }
  const out = new Map<number, string>();
  for (const [i, f] of forms) {
    const best = [...f].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
    if (best) out.set(i, best[0]);
  }
  return out;
}

/** Stage 1 of one paper, with the text stage 2 needs. */
export function topicInput(st: PaperState, opts: TopicOptions): TopicInput {
  const text = (name: FieldName) => st.fields.find((f) => f.name === name)?.text ?? "";
  return {
    title: text("title"),
    abstract: text("abstract"),
    candidates: topicCandidates(st, opts),
  };
}
