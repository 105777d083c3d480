// Corpus topics: noun phrases recurring across papers, scored as VOSviewer scores terms.
// A term's relevance is the Kullback–Leibler divergence of the distribution of its co-occurrences
// with other terms from the overall term distribution: a generic phrase ("the proposed method")
// co-occurs with everything alike (low), a topical one with a few terms of its field (high).
// Stage 1 (per paper, topic-candidates.ts) finds each paper's candidates; stage 2 (here, over the
// corpus) counts papers per candidate, asks compromise about the most frequent ones
// (topic-tags.ts), scores, labels and builds each paper's topic drafts.
import { slugify } from "../common/text.ts";
import type { TopicOptions } from "./options.ts";
import { addMention, type Draft, type Field, type FieldName, type PaperState } from "./paper.ts";
import { canonicalLabel } from "./phrases.ts";
import type { Span } from "./text/sentences.ts";
import { tokenize } from "./text/tokenize.ts";
import { type TopicCandidates, topicCandidates } from "./topic-candidates.ts";
import { type PhraseTagStore, readAsNounPhrases, TAG_BATCH } from "./topic-tags.ts";

export type { TopicCandidates } from "./topic-candidates.ts";
export { type PhraseTagStore, tagPhrases } from "./topic-tags.ts";

export interface PaperTopic {
  draft: Draft;
  relevance: number;
}

/** What stage 2 reads of one paper: its text and its stage-1 candidates. */
export interface TopicInput {
  title: string;
  abstract: string;
  candidates: TopicCandidates;
}

/** One paper's candidates, decoded: keys and where each key's occurrences start in `occ`. */
interface Decoded {
  input: TopicInput;
  keys: string[];
  at: number[];
}

function decode(input: TopicInput): Decoded {
  const { keys: joined, occ } = input.candidates;
  const keys = joined === "" ? [] : joined.split("\n");
  const at: number[] = new Array(keys.length);
  let pos = 0;
  for (let k = 0; k < keys.length; k++) {
    at[k] = pos;
    pos += 1 + 3 * occ[pos];
  }
  if (pos !== occ.length)
    throw new Error(`extract/topics: candidates of "${input.title}" do not match their offsets`);
  return { input, keys, at };
}

const FIELDS: FieldName[] = ["title", "abstract"];

/** The written text of occurrence `o` (0-based) of key `k` of a paper. */
function writtenAt(d: Decoded, k: number, o: number): string {
  const occ = d.input.candidates.occ;
  const p = d.at[k] + 1 + 3 * o;
  const text = occ[p] === 0 ? d.input.title : d.input.abstract;
  return text.slice(occ[p + 1], occ[p + 2]);
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

/** A candidate across the corpus: papers it occurs in, where it first occurs, its term index. */
interface Candidate {
  key: string;
  /** Papers the candidate occurs in. */
  df: number;
  /** First occurrence (first paper in order): its written form goes to the tagger. */
  paper: Decoded;
  k: number;
  /** Index into the scored terms, -1 when not a term. */
  term: number;
}

/** Stage 2: topics per paper (same order as `papers`) from the papers' stage-1 candidates. */
export function corpusTopics(
  papers: TopicInput[],
  opts: TopicOptions,
  confidence: number,
  tags?: PhraseTagStore,
): PaperTopic[][] {
  const decoded = papers.map(decode);
  const all = new Map<string, Candidate>();
  // Per paper, its candidates in the order of its keys.
  const byPaper = decoded.map((d) =>
    d.keys.map((key, k) => {
      let c = all.get(key);
      if (c === undefined) {
        c = { key, df: 0, paper: d, k, term: -1 };
        all.set(key, c);
      }
      c.df++;
      return c;
    }),
  );
  // Most frequent first; compromise checks candidates only until maxCandidates are found, a
  // batch of them per nlp() document.
  const ordered: Candidate[] = [];
  for (const c of all.values()) if (c.df >= opts.minPapers) ordered.push(c);
  ordered.sort((a, b) => b.df - a.df || (a.key < b.key ? -1 : 1));
  const terms: Candidate[] = [];
  for (let at = 0; at < ordered.length && terms.length < opts.maxCandidates; at += TAG_BATCH) {
    const batch = ordered.slice(at, at + TAG_BATCH);
    const ok = readAsNounPhrases(
      batch.map((c) => writtenAt(c.paper, c.k, 0)),
      tags,
    );
    for (let b = 0; b < batch.length && terms.length < opts.maxCandidates; b++)
      if (ok[b]) terms.push(batch[b]);
  }
  terms.forEach((c, i) => {
    c.term = i;
  });
  const n = terms.map((c) => c.df);
  const total = n.reduce((s, x) => s + x, 0);
  // Per paper, the term index of each key (-1: not a term).
  const termOf = byPaper.map((cs) => cs.map((c) => c.term));
  const co = terms.map(() => new Map<number, number>());
  for (const ids of termOf) {
    const present = ids.filter((x) => x >= 0);
    for (const x of present)
      for (const y of present) if (x !== y) co[x].set(y, (co[x].get(y) ?? 0) + 1);
  }
  const relevance = terms.map((_, i) => {
    let sum = 0;
    for (const c of co[i].values()) sum += c;
    if (sum === 0) return 0;
    let kl = 0;
    const rest = total - n[i];
    for (const [j, c] of co[i]) {
      const p = c / sum;
      kl += p * Math.log(p / (n[j] / rest));
    }
    return Math.round(kl * 1e4) / 1e4;
  });
  const ranked = terms
    .map((_, i) => i)
    .sort((a, b) => relevance[b] - relevance[a] || (terms[a].key < terms[b].key ? -1 : 1));
  const keep = new Set(
    ranked
      .slice(0, Math.ceil(ranked.length * opts.keepShare))
      .filter((i) => relevance[i] >= opts.minRelevance),
  );
  const labels = topicLabels(decoded, termOf, keep);
  const ids = new Map<number, string>();
  return decoded.map((d, p) => {
    const found: PaperTopic[] = [];
    const dup = new Set(d.input.candidates.dup);
    let fields: Field[] | undefined;
    for (let k = 0; k < d.keys.length; k++) {
      const i = termOf[p][k];
      if (i < 0 || !keep.has(i) || dup.has(k)) continue;
      fields ??= lightFields(d.input);
      const label = labels.get(i) ?? d.keys[k];
      let id = ids.get(i);
      if (id === undefined) {
        id = `topic:${slugify(label) || "x"}`;
        ids.set(i, id);
      }
      const draft: Draft = {
        type: "topic",
        label,
        id,
        aliases: new Set(),
        parents: new Set(),
        mentions: new Map(),
      };
      const occ = d.input.candidates.occ;
      for (let o = 0, q = d.at[k] + 1; o < occ[d.at[k]]; o++, q += 3)
        addMention(draft, fields[occ[q]], occ[q + 1], occ[q + 2], "noun-phrase", confidence);
      found.push({ draft, relevance: relevance[i] });
    }
    found.sort((a, b) => b.relevance - a.relevance || (a.draft.id < b.draft.id ? -1 : 1));
    return found.slice(0, opts.maxPerPaper);
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

/** The most frequent written form of each kept term, canonicalised (ties: alphabetical). */
function topicLabels(
  decoded: Decoded[],
  termOf: number[][],
  keep: Set<number>,
): Map<number, string> {
  const forms = new Map<number, Map<string, number>>();
  decoded.forEach((d, p) => {
    for (let k = 0; k < d.keys.length; k++) {
      const i = termOf[p][k];
      if (i < 0 || !keep.has(i)) continue;
      const f = forms.get(i) ?? new Map<string, number>();
      const count = d.input.candidates.occ[d.at[k]];
      for (let o = 0; o < count; o++) {
        const label = labelOf(writtenAt(d, k, o));
        f.set(label, (f.get(label) ?? 0) + 1);
      }
      forms.set(i, f);
    }
  });
  const out = new Map<number, string>();
  for (const [i, f] of forms) {
    const best = [...f].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
    if (best) out.set(i, best[0]);
  }
  return out;
}

/** Topics per paper (same order as states), both stages in this thread. */
export function findTopics(
  states: PaperState[],
  opts: TopicOptions,
  confidence: number,
  tags?: PhraseTagStore,
): PaperTopic[][] {
  return corpusTopics(
    states.map((st) => topicInput(st, opts)),
    opts,
    confidence,
    tags,
  );
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
