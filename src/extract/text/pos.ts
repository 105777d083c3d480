// Part-of-speech hints from compromise's lexicon (a dictionary lookup, no sentence parse: a full
// nlp(text) tagging of every abstract is ~100× slower than the rest of extraction together).
import nlp from "compromise";

type Lexicon = Record<string, string | undefined>;
// Read on first use, not when this module loads.
let lexiconMemo: Lexicon | undefined;
const lex = (): Lexicon =>
  (lexiconMemo ??=
    (nlp as unknown as { model(): { one: { lexicon: Lexicon } } }).model().one.lexicon ?? {});

const NEVER_IN_NAME = new Set([
  "PresentTense",
  "Adverb",
  "Preposition",
  "Determiner",
  "Pronoun",
  "Conjunction",
  "Modal",
  "Copula",
  "QuestionWord",
]);

/** compromise's lexicon tag of a lower-case word, if it has one. */
export function lexTag(word: string): string | undefined {
  return lex()[word];
}

/**
 * True when a word cannot be a modifier inside a noun phrase here: a conjugated verb, an adverb,
 * a preposition …; an infinitive ("solve", "involve") when the word before it is "to" or a plural
 * noun ("decisions involve"). `prevPlural` says the previous word is a plural noun.
 */
export function breaksNounPhrase(
  word: string,
  prev: string | undefined,
  prevPlural: boolean,
): boolean {
  const w = word.toLowerCase();
  if (/ly$/.test(w) && w.length > 4) return true;
  const lexicon = lex();
  let tag = lexicon[w];
  // "optimizes", "learns": a third-person verb the lexicon knows only as an infinitive.
  if (!tag && /[^s]s$/.test(w) && lexicon[w.replace(/e?s$/, "")] === "Infinitive")
    tag = "PresentTense";
  if (!tag) return false;
  if (NEVER_IN_NAME.has(tag) || tag === "PastTense") return true;
  if (tag === "Infinitive")
    return (prev !== undefined && VERB_BEFORE.has(prev)) || prevPlural || VERB_SUFFIX.test(w);
  return false;
}

/** Infinitives that are verbs whatever precedes them ("optimize", "classify"). */
const VERB_SUFFIX = /(?:ize|ise|ify|ate)$/;

/** A participle of a known verb: "enhanced" (enhance), "improved" (improve). */
export function isParticiple(word: string): boolean {
  const w = word.toLowerCase();
  if (!w.endsWith("ed") || w.length < 5) return false;
  const lexicon = lex();
  return [w.slice(0, -1), w.slice(0, -2), w.slice(0, -3)].some((s) => lexicon[s] === "Infinitive");
}

/** Words after which an infinitive is a verb, not a noun ("to solve", "may distrust"). */
const VERB_BEFORE = new Set(
  "to may might can could will would should must not also we they which that who it".split(" "),
);
