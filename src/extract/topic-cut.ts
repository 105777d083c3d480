// A phrase typed within its paper (topic-own.ts) may be the tail of a longer term the noun-phrase
// splitter broke: "squares estimator" of "least squares estimator" ("least" is a function word),
// "gradient estimator" of "reparameterisation gradient estimator". Where every occurrence follows
// the same word across one space, and that word opens terms (lexicon/head-nouns.json
// `termOpeners`: "least", "best", "next", "single", "few"), is joined to it by a hyphen and is no
// function word ("second-order optimization algorithm"), is a participle in -ized / -ised
// ("randomized trace estimator"), or is a plain noun (no function or weak word, no verb, adjective
// or adverb by its dictionary tag or ending), the phrase is taken with that word.
import { headNouns } from "./lexicon/index.ts";
import { isFunctionWord, isWeak } from "./phrases.ts";
import { normWord } from "./text/normalise.ts";
import { lexTag } from "./text/pos.ts";
import { tokenize } from "./text/tokenize.ts";

const OPENERS = new Set(headNouns.termOpeners.map((w) => w.toLowerCase()));
const NOUN_TAGS = new Set(["Singular", "Plural", "Uncountable", "Noun"]);
/** Endings of adjectives, adverbs and participles ("contemporary", "randomized", "slowly"). */
const NOT_NOUN_END = /(?:ive|ous|al|ic|ed|able|ible|ful|less|ary|ory|est|ly|ing|ent|ant|ile|ish)$/;
/** Participles in -ized / -ised that open terms ("randomized", "normalised"; not "used"). */
const IZED = /^\p{L}{4,}i[sz]ed$/u;
const WORD_BEFORE = /(^|[\s(,;:"'])([\p{L}][\p{L}\p{N}]*)([ -])$/u;

/** Does a written word open the term that follows it (across a hyphen: "Few-Shot", "second-order")? */
export function opensTerm(word: string, hyphen = false): boolean {
  const lower = word.toLowerCase();
  if (OPENERS.has(lower)) return true;
  const [t] = tokenize(word);
  if (!t || isFunctionWord(t)) return false;
  if (hyphen) return true;
  if (lower.length < 3 || isWeak(t)) return false;
  // "randomized trace estimator", "regularized optimal transport": an -ized participle makes terms.
  if (IZED.test(lower)) return true;
  const tag = lexTag(lower) ?? lexTag(normWord(lower));
  if (tag !== undefined && !NOUN_TAGS.has(tag)) return false;
  return !NOT_NOUN_END.test(lower);
}

/**
 * The word every occurrence of a phrase follows, when it opens the term: its written form at the
 * first occurrence and each occurrence's new start; undefined otherwise. `occ` holds (field,
 * start, end) triples after the count at `pos`, as a paper's topic candidates do.
 */
export function cutOpener(
  texts: readonly string[],
  occ: number[],
  pos: number,
): { word: string; starts: number[] } | undefined {
  let word: string | undefined;
  let hyphen = false;
  const starts: number[] = [];
  for (let i = 0, q = pos + 1; i < occ[pos]; i++, q += 3) {
    const before = texts[occ[q]].slice(Math.max(0, occ[q + 1] - 40), occ[q + 1]);
    const m = WORD_BEFORE.exec(before);
    if (!m) return undefined;
    if (word !== undefined && m[2].toLowerCase() !== word.toLowerCase()) return undefined;
    if (word !== undefined && (m[3] === "-") !== hyphen) return undefined;
    word ??= m[2];
    hyphen = m[3] === "-";
    starts.push(occ[q + 1] - m[2].length - 1);
  }
  return word !== undefined && opensTerm(word, hyphen) ? { word, starts } : undefined;
}
