// Corpus topics: noun phrases recurring across papers, scored as VOSviewer scores terms.
// A term's relevance is the Kullback–Leibler divergence of the distribution of its co-occurrences
// with other terms from the overall term distribution: a generic phrase ("the proposed method")
// co-occurs with everything alike (low), a topical one with a few terms of its field (high).
import nlp from "compromise";
import { slugify } from "../common/text.ts";
import { stopPhraseList } from "./lexicon/index.ts";
import type { TopicOptions } from "./options.ts";
import { addMention, type Draft, type Field, type PaperState } from "./paper.ts";
import { canonicalLabel, isFunctionWord, isWeak } from "./phrases.ts";
import { normWord } from "./text/normalise.ts";
import { breaksNounPhrase, lexTag } from "./text/pos.ts";
import type { Token } from "./text/tokenize.ts";

export interface PaperTopic {
  draft: Draft;
  relevance: number;
}

interface Occurrence {
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
function candidates(f: Field, opts: TopicOptions, out: Map<string, Occurrence[]>): void {
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

/** Topics per paper (same order as states). */
export function findTopics(
  states: PaperState[],
  opts: TopicOptions,
  confidence: number,
): PaperTopic[][] {
  const perPaper = states.map((st) => {
    const m = new Map<string, Occurrence[]>();
    for (const f of st.fields) candidates(f, opts, m);
    return m;
  });
  const df = new Map<string, number>();
  // The written form of each candidate's first occurrence (first paper in order), for the tagger.
  const firstText = new Map<string, string>();
  for (const m of perPaper) {
    for (const [k, occ] of m) {
      const seen = df.get(k);
      df.set(k, (seen ?? 0) + 1);
      if (seen === undefined) {
        const o = occ[0];
        const tk = o.field.tokens;
        firstText.set(k, o.field.text.slice(tk[o.a].start, tk[o.b - 1].end));
      }
    }
  }
  // Most frequent first; compromise checks candidates only until maxCandidates are found, a
  // batch of them per nlp() document.
  const ordered = [...df]
    .filter(([, n]) => n >= opts.minPapers)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([k]) => k);
  const terms: string[] = [];
  for (let at = 0; at < ordered.length && terms.length < opts.maxCandidates; at += TAG_BATCH) {
    const batch = ordered.slice(at, at + TAG_BATCH);
    const ok = readAsNounPhrases(batch.map((k) => ({ key: k, text: firstText.get(k) ?? k })));
    for (let b = 0; b < batch.length && terms.length < opts.maxCandidates; b++)
      if (ok[b]) terms.push(batch[b]);
  }
  const id = new Map(terms.map((k, i) => [k, i]));
  const n = terms.map((k) => df.get(k) ?? 0);
  const total = n.reduce((s, x) => s + x, 0);
  const co = terms.map(() => new Map<number, number>());
  for (const m of perPaper) {
    const present = [...m.keys()].map((k) => id.get(k)).filter((x): x is number => x !== undefined);
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
    .sort((a, b) => relevance[b] - relevance[a] || (terms[a] < terms[b] ? -1 : 1));
  const keep = new Set(
    ranked
      .slice(0, Math.ceil(ranked.length * opts.keepShare))
      .filter((i) => relevance[i] >= opts.minRelevance),
  );
  const labels = topicLabels(perPaper, terms, keep);
  return states.map((st, p) => {
    const found: PaperTopic[] = [];
    for (const [key, occ] of perPaper[p]) {
      const i = id.get(key);
      if (i === undefined || !keep.has(i)) continue;
      if (duplicatesConcept(st, key, occ)) continue;
      const label = labels.get(i) ?? key;
      const draft: Draft = {
        type: "topic",
        label,
        id: `topic:${slugify(label) || "x"}`,
        aliases: new Set(),
        parents: new Set(),
        mentions: new Map(),
      };
      for (const o of occ) {
        const tk = o.field.tokens;
        addMention(draft, o.field, tk[o.a].start, tk[o.b - 1].end, "noun-phrase", confidence);
      }
      found.push({ draft, relevance: relevance[i] });
    }
    found.sort((a, b) => b.relevance - a.relevance || (a.draft.id < b.draft.id ? -1 : 1));
    return found.slice(0, opts.maxPerPaper);
  });
}

const tagCache = new Map<string, boolean>();

/** Candidates tagged per nlp() document (one per paragraph): the same tags, far fewer calls. */
const TAG_BATCH = 200;

type TaggedTerm = { tags: string[] };

/** Nouns and adjectives ending in a noun (or a final gerund), no finite verb inside. */
function nounPhraseTags(terms: TaggedTerm[]): boolean {
  return (
    terms.length > 0 &&
    terms.every((t, i) => {
      const tags = new Set(t.tags);
      const last = i === terms.length - 1;
      if (tags.has("Noun") || tags.has("Acronym")) return true;
      if (tags.has("Gerund")) return last;
      if (tags.has("Adjective")) return !last;
      return false;
    })
  );
}

/** compromise's tags of one phrase, in a document of its own. */
function tagAlone(text: string): TaggedTerm[] {
  return (nlp(text).json() as { terms: TaggedTerm[] }[]).flatMap((s) => s.terms);
}

/**
 * compromise's tags of each phrase, tagged in one document with the phrases as separate
 * paragraphs. compromise tags each sentence on its own, so the tags are those of tagAlone; a
 * phrase the document does not give back as exactly one sentence of its own text (a phrase
 * with a line break, or one compromise splits) is tagged alone.
 */
export function tagPhrases(texts: string[]): TaggedTerm[][] {
  const out: (TaggedTerm[] | null)[] = texts.map(() => null);
  const batchable = texts
    .map((text, i) => ({ text, i }))
    .filter(({ text }) => text.trim() === text && text !== "" && !/[\n\r]/.test(text));
  if (batchable.length > 1) {
    const doc = nlp(batchable.map((b) => b.text).join("\n\n")).json() as {
      text: string;
      terms: TaggedTerm[];
    }[];
    if (doc.length === batchable.length && doc.every((s, k) => s.text === batchable[k].text))
      doc.forEach((s, k) => {
        out[batchable[k].i] = s.terms;
      });
  }
  return out.map((tags, i) => tags ?? tagAlone(texts[i]));
}

/**
 * compromise's tagger on one written form of each recurring candidate (a few hundred phrases
 * per corpus, not every abstract), batched (tagPhrases) and cached by candidate key.
 */
function readAsNounPhrases(batch: { key: string; text: string }[]): boolean[] {
  const todo = batch.filter((b) => !tagCache.has(b.key));
  const tagged = tagPhrases(todo.map((b) => b.text));
  if (tagCache.size + todo.length > 50_000) tagCache.clear();
  const fresh = new Map(todo.map((b, i) => [b.key, nounPhraseTags(tagged[i])]));
  for (const [k, ok] of fresh) tagCache.set(k, ok);
  return batch.map((b) => fresh.get(b.key) ?? (tagCache.get(b.key) as boolean));
}

/** The most frequent written form of each kept term, canonicalised (ties: alphabetical). */
function topicLabels(
  perPaper: Map<string, Occurrence[]>[],
  terms: string[],
  keep: Set<number>,
): Map<number, string> {
  const forms = new Map<number, Map<string, number>>();
  const id = new Map(terms.map((k, i) => [k, i]));
  for (const m of perPaper) {
    for (const [key, occ] of m) {
      const i = id.get(key);
      if (i === undefined || !keep.has(i)) continue;
      const f = forms.get(i) ?? new Map<string, number>();
      for (const o of occ) {
        const label = canonicalLabel(o.field.tokens.slice(o.a, o.b));
        f.set(label, (f.get(label) ?? 0) + 1);
      }
      forms.set(i, f);
    }
  }
  const out = new Map<number, string>();
  for (const [i, f] of forms) {
    const best = [...f].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
    if (best) out.set(i, best[0]);
  }
  return out;
}

/** A topic that names a concept the paper already has, or only occurs inside its mentions. */
function duplicatesConcept(st: PaperState, key: string, occ: Occurrence[]): boolean {
  for (const d of st.drafts.values()) {
    if (d.mentions.size === 0) continue;
    const names = [d.label, ...d.aliases];
    for (const name of names) {
      const k = name
        .split(/[\s-]+/)
        .map((w) => normWord(w.replace(/[^\p{L}\p{N}]/gu, "")))
        .join(" ");
      if (k === key) return true;
    }
  }
  return occ.every((o) => {
    const s = o.field.tokens[o.a].start;
    const e = o.field.tokens[o.b - 1].end;
    for (const d of st.drafts.values())
      for (const m of d.mentions.values())
        if (m.field === o.field.name && m.start < e && m.end > s) return true;
    return false;
  });
}
