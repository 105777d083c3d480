// Coordinated modifiers share a head or a modifier with a known term: "negation and uncertainty
// detection" names negation detection where "uncertainty detection" follows "and" (a head shared
// forward), "medical images and reports" names medical reports (a modifier shared backward). The
// term the coordination implies is added only where its words are an ontology surface form, and
// the word taken from across "and"/"or" is no concept of its own there ("images and text
// classification" is images beside text classification, not image classification).
import { addMention, draftOf, type PaperState } from "./draft.ts";
import type { Field } from "./field.ts";
import { isFunctionWord, isWeak } from "./phrases.ts";
import type { Token } from "./text/tokenize.ts";
import { lookup } from "./trie.ts";

/** The conjunctions as written (no lower-casing of every token: this runs on every word). */
const AND_OR = new Set(["and", "or", "And", "Or", "AND", "OR"]);
/** At most this many head words after the second conjunct, and modifier words after "and". */
const MAX_SHARED = 3;

const content = (t: Token | undefined): t is Token =>
  !!t && /^\p{L}/u.test(t.raw) && !isFunctionWord(t) && !isWeak(t);

/** Concepts whose surface form (normalised words) is exactly `words`, in the ontology trie. */
function conceptsOf(st: PaperState, words: Token[]): number[] {
  return (
    lookup(
      st.index.norm,
      words.map((w) => w.norm),
    ) ?? []
  );
}

type Add = (start: number, end: number, concepts: number[]) => void;

/** Is token i the start and end of an ontology match of its own (one word)? */
function alone(f: Field, i: number): boolean {
  return f.matches.some((m) => m.start <= i && m.end > i);
}

const plural = (t: Token) => /s$/i.test(t.raw) && !/s$/.test(t.norm);

/**
 * "X and Y H…": X takes the head H… of the match that starts at Y, Y replaced by X whole (the
 * parts of a hyphenated Y aside: "supervised and self-supervised learning"). X is one singular
 * word written right before the conjunction ("zero- and few-shot" too), not inside a hyphenated
 * word, not Y again.
 */
function sharedHead(st: PaperState, f: Field, c: number, add: Add): void {
  const t = f.tokens;
  const x = t[c - 1];
  const y = t[c + 1];
  if (!content(x) || !content(y) || x.hyphen || plural(x) || x.norm === y.norm) return;
  if (!/^-?\s+$/.test(f.text.slice(x.end, t[c].start)) || alone(f, c - 1)) return;
  const m = f.matches.find((o) => o.start === c + 1 && o.end > c + 2);
  if (!m) return;
  let h = c + 2;
  while (h < m.end && t[h].hyphen) h++;
  if (h >= m.end || m.end - h > MAX_SHARED) return;
  const found = conceptsOf(st, [x, ...t.slice(h, m.end)]).filter((ci) => !m.concepts.includes(ci));
  if (found.length) add(c - 1, m.end, found);
}

/**
 * "M… A and B": M… (the match ending at A, but its last word) takes B, one to three content words
 * that end their phrase and start no match of their own.
 */
function sharedModifier(st: PaperState, f: Field, c: number, add: Add): void {
  const t = f.tokens;
  const m = f.matches.find((o) => o.end === c && o.end - o.start > 1);
  if (!m || !content(t[c + 1]) || f.matches.some((o) => o.start === c + 1)) return;
  if (!/^\s+$/.test(f.text.slice(t[c - 1].end, t[c].start))) return;
  for (let e = Math.min(t.length, c + 1 + MAX_SHARED); e > c + 1; e--) {
    if (content(t[e]) && t[e].joined) continue;
    const b = t.slice(c + 1, e);
    if (!b.every(content) || b.slice(1).some((w) => !w.joined)) continue;
    const found = conceptsOf(st, [...t.slice(m.start, m.end - 1), ...b]).filter(
      (ci) => !m.concepts.includes(ci),
    );
    if (found.length) {
      add(m.start, e, found);
      return;
    }
  }
}

/** Adds the terms coordinations imply, in every field (rule `ontology`, noun-phrase confidence). */
export function coordinations(st: PaperState): void {
  for (const f of st.fields) {
    const add = (s: number, e: number, found: number[]) => {
      for (const ci of found) {
        const d = draftOf(st, st.index.concepts[ci]);
        addMention(
          d,
          f,
          f.tokens[s].start,
          f.tokens[e - 1].end,
          "ontology",
          st.opts.confidence.nounPhrase,
        );
      }
    };
    for (let c = 1; c + 1 < f.tokens.length; c++) {
      if (!AND_OR.has(f.tokens[c].raw)) continue;
      sharedHead(st, f, c, add);
      sharedModifier(st, f, c, add);
    }
  }
}
