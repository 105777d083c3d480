// The paper's own method written in lower case and typed by its apposition: "We introduce deep
// survival analysis, a hierarchical generative approach to …", "we propose label tuning, a simple
// and efficient approach …" (rule "name", role proposed). The names rule (patterns-names.ts) takes
// only words that look like names ("MedFuse, a …"); here the phrase right after a proposer's verb
// is two to four lower-case words, no function or weak word, followed by ", a(n)" and an apposition
// whose head is a method or dataset word. A phrase that is exactly an ontology concept is left to
// the matcher; one that holds a concept ("deep survival analysis") is new.
import type { PaperState } from "./draft.ts";
import type { Field } from "./field.ts";
import { nameCues } from "./lexicon/index.ts";
import { addNew, overlapsNew } from "./patterns-common.ts";
import { appositionType, proposed } from "./patterns-names.ts";
import { isFunctionWord, isWeak } from "./phrases.ts";
import { normWord } from "./text/normalise.ts";

const proposeVerbs = new Set(nameCues.proposeVerbs.map(normWord));
/** Words (tokens, hyphen parts included) of a lower-case name. */
const MIN_WORDS = 2;
const MAX_WORDS = 4;
const LOWER = /^\p{Ll}[\p{Ll}-]*$/u;

export function phraseNames(st: PaperState, f: Field): void {
  const t = f.tokens;
  for (let v = 1; v < t.length - 4; v++) {
    if (!proposeVerbs.has(t[v].norm) || !proposed(t, v)) continue;
    const i = v + 1;
    let b = i;
    while (b < t.length && b - i < MAX_WORDS && (b === i || t[b].joined) && LOWER.test(t[b].raw))
      b++;
    if (b - i < MIN_WORDS || b >= t.length) continue;
    const words = t.slice(i, b);
    if (words.some((x) => isFunctionWord(x) || isWeak(x))) continue;
    if (!/^\s*,\s*$/.test(f.text.slice(t[b - 1].end, t[b].start))) continue;
    if (!/^(?:a|an)$/i.test(t[b].raw)) continue;
    if (f.matches.some((m) => m.start === i && m.end === b)) continue;
    if (overlapsNew(st, f, t[i].start, t[b - 1].end)) continue;
    const type = appositionType(st, f, b + 1);
    if (type === "method" || type === "dataset")
      addNew(st, f, type, words, "name", st.opts.confidence.name, [], false, "proposed");
  }
}
