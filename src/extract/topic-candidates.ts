// Topic candidates of one paper (stage 1 of corpus topics, runs per paper in the workers and is
// stored in the per-paper cache): every noun-phrase run and its tails, as normalised keys with
// their occurrences as character offsets, which of them duplicate the paper's own concepts, and
// the abstract's sentence spans. Stage 2 (topics.ts) only counts, ranks and builds drafts.
// Plain numbers and strings only: structured-clone and JSON safe.

import { looksEnglish } from "../common/language.ts";
import type { PaperState } from "./draft.ts";
import type { Field } from "./field.ts";
import { stopPhraseList } from "./lexicon/index.ts";
import type { TopicOptions } from "./options.ts";
import { isFunctionWord, isWeak } from "./phrases.ts";
import { normWord } from "./text/normalise.ts";
import { breaksNounPhrase, lexTag } from "./text/pos.ts";
import type { Token } from "./text/tokenize.ts";

export interface TopicCandidates {
  /** Candidate keys (normalised words joined by spaces), in the order first found, joined by "\n". */
  keys: string;
  /**
   * Per key, in the order of `keys`: its occurrence count n, then n × (field: 0 title, 1 abstract;
   * start; end), character offsets into the field, in the order found.
   */
  occ: number[];
  /** Indices (into `keys`) of candidates that name a concept of the paper or occur only inside its mentions. */
  dup: number[];
  /** Sentence spans of the abstract, flat: start, end, start, end, … */
  sentences: number[];
}

/** One occurrence of a candidate, as token indices into a field. */
interface TokenRun {
  field: Field;
  a: number;
  b: number;
}

const stopPhrases = new Set(
  stopPhraseList.map((p) =>
    p
      .split(/[\s-]+/)
      .map(normWord)
      .join(" "),
  ),
);

const BAD_LAST = new Set(["Adjective", "PastTense", "Infinitive", "PresentTense", "Comparative"]);

function breaks(t: Token, prev: Token | undefined): boolean {
  if (isFunctionWord(t) || isWeak(t) || !/\p{L}/u.test(t.raw) || t.raw.length < 2) return true;
  const plural = !!prev && prev.raw.toLowerCase() !== prev.norm;
  return breaksNounPhrase(t.raw, prev?.raw.toLowerCase(), plural);
}

/** Candidate phrases of one field: every run of content words, and its tails up to maxWords. */
function candidates(f: Field, opts: TopicOptions, out: Map<string, TokenRun[]>): void {
  const { maxWords, minWords } = opts;
  const t = f.tokens;
  let i = 0;
  while (i < t.length) {
    if (breaks(t[i], t[i - 1])) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < t.length && t[j].joined && !breaks(t[j], t[j - 1])) j++;
    // The phrase ends on a noun: not an adjective or a verb form.
    let end = j;
    while (end > i && BAD_LAST.has(lexTag(t[end - 1].raw.toLowerCase()) ?? "")) end--;
    // …and starts on a noun or adjective, not on a participle ("using", "trained").
    let start = i;
    while (start < end && /(?:ing|ed)$/.test(t[start].raw) && !t[start + 1]?.hyphen) start++;
    for (let a = Math.max(start, end - maxWords); a < end; a++) {
      // Never start inside a hyphenated word ("long-term skill acquisition" ↛ "term skill …").
      if (t[a].hyphen) continue;
      const words = t.slice(a, end);
      if (words.filter((w, k) => k === 0 || !w.hyphen).length < minWords) continue;
      const key = words.map((w) => w.norm).join(" ");
      if (stopPhrases.has(key)) continue;
      if (words.length === 1 && (words[0].raw.length < 4 || /\d/.test(words[0].raw))) continue;
      const list = out.get(key) ?? [];
      list.push({ field: f, a, b: end });
      out.set(key, list);
    }
    i = j;
  }
}

/** The match key of a concept name, as a candidate key is written. */
const nameKey = (name: string) =>
  name
    .split(/[\s-]+/)
    .map((w) => normWord(w.replace(/[^\p{L}\p{N}]/gu, "")))
    .join(" ");

/** A checker: does a candidate name a concept the paper already has, or occur only inside its mentions? */
function duplicateCheck(st: PaperState): (key: string, runs: TokenRun[]) => boolean {
  const names = new Set<string>();
  const spans: { field: string; start: number; end: number }[] = [];
  for (const d of st.drafts.values()) {
    for (const m of d.mentions.values()) spans.push(m);
    if (d.mentions.size === 0) continue;
    names.add(nameKey(d.label));
    for (const alias of d.aliases) names.add(nameKey(alias));
  }
  return (key, runs) =>
    names.has(key) ||
    runs.every((o) => {
      const s = o.field.tokens[o.a].start;
      const e = o.field.tokens[o.b - 1].end;
      return spans.some((m) => m.field === o.field.name && m.start < e && m.end > s);
    });
}

/** Stage 1 of corpus topics for one paper (its fields' tokens and its non-topic drafts). */
export function topicCandidates(st: PaperState, opts: TopicOptions): TopicCandidates {
  const found = new Map<string, TokenRun[]>();
  // Noun phrases come from an English tagger: text in another language gives none ("del uso").
  if (looksEnglish(st.fields.map((f) => f.text).join("\n")))
    for (const f of st.fields) candidates(f, opts, found);
  const isDuplicate = duplicateCheck(st);
  const occ: number[] = [];
  const dup: number[] = [];
  let k = 0;
  for (const [key, runs] of found) {
    occ.push(runs.length);
    for (const o of runs)
      occ.push(
        o.field.name === "title" ? 0 : 1,
        o.field.tokens[o.a].start,
        o.field.tokens[o.b - 1].end,
      );
    if (isDuplicate(key, runs)) dup.push(k);
    k++;
  }
  const abstract = st.fields.find((f) => f.name === "abstract");
  return {
    keys: [...found.keys()].join("\n"),
    occ,
    dup,
    sentences: (abstract?.sentences ?? []).flatMap((s) => [s.start, s.end]),
  };
}
