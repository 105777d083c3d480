// Head-noun typing of corpus topics: a recurring noun phrase the ontology does not know is a
// method, task or modality when its last word says so ("graph contrastive learning", "traffic
// prediction", "EEG signals"); the words are lexicon/head-nouns.json `topicHeads`.
import { headNouns } from "./lexicon/index.ts";
import { isFunctionWord, isWeak } from "./phrases.ts";
import { normWord } from "./text/normalise.ts";
import { tokenize } from "./text/tokenize.ts";

export type TopicType = "method" | "task" | "modality";

const headType = new Map<string, TopicType>();
const notTaskModifiers = new Set(headNouns.notTaskModifiers.map(normWord));
for (const type of ["method", "task", "modality"] as const)
  for (const w of headNouns.topicHeads[type]) headType.set(normWord(w), type);

/** The type the last word of a candidate key (normalised words joined by spaces) would give. */
export function headTypeOfKey(key: string): TopicType | undefined {
  return headType.get(key.slice(key.lastIndexOf(" ") + 1));
}

/**
 * The type a topic label's head noun gives it, or null. The words before the head must hold one
 * that is neither a function word nor a weak modifier ("proposed model" stays a topic), and for a
 * task one that is no `notTaskModifiers` word ("deep understanding" stays a topic).
 */
export function topicType(label: string): TopicType | null {
  const tokens = tokenize(label);
  if (tokens.length < 2) return null;
  const type = headType.get(tokens[tokens.length - 1].norm);
  if (!type) return null;
  const mods = tokens.slice(0, -1);
  const content = mods.some((t) => !isFunctionWord(t) && !isWeak(t));
  // "deep understanding", "data classification": no task of words that never make one.
  if (type === "task" && mods.every((t) => isFunctionWord(t) || notTaskModifiers.has(t.norm)))
    return null;
  return content ? type : null;
}
