// Tasks named by a verb and its object: "predicting delirium" is delirium prediction, "predict
// future risk" is risk prediction. The verb forms are lexicon/head-nouns.json `taskVerbs` (the
// matcher already reads "predicting X" where "X prediction" is an ontology task written with
// nothing in between); this rule adds the words in `verbObjectSkips` between verb and object, and a
// condition as the object of a task the ontology does not list ("detecting pneumonia" → the task
// "pneumonia detection", is-a `conditionTaskParents[head]`).

import { addMention, draftFor, draftOf, type PaperState } from "./draft.ts";
import type { Field } from "./field.ts";
import { headNouns } from "./lexicon/index.ts";
import { canonicalLabel, isFunctionWord, isWeak } from "./phrases.ts";
import { normWord } from "./text/normalise.ts";
import type { Token } from "./text/tokenize.ts";
import { longestAt } from "./trie.ts";

/** Verb key → the task head it names ("predicting" → "prediction"). */
const verbHead = new Map<string, string>();
for (const [head, verbs] of Object.entries(headNouns.taskVerbs))
  for (const v of verbs) verbHead.set(normWord(v), head);
const skips = new Set(headNouns.verbObjectSkips.map(normWord));
const parentOf = new Map(Object.entries(headNouns.conditionTaskParents));
/** How many skipped words may stand between the verb and its object. */
const MAX_SKIPS = 3;
/** The longest object looked up as an ontology task "<object> <head>" (words). */
const MAX_OBJECT = 3;

/** The head word as a token after the object's last token, for a trie lookup of "<object> <head>". */
function headToken(last: Token, head: string): Token {
  return {
    raw: head,
    norm: normWord(head),
    start: last.end,
    end: last.end,
    joined: true,
    hyphen: false,
  };
}

/** Ontology tasks "<object> <head>" for objects of 1..3 words from token k, the longest first. */
function knownTask(st: PaperState, t: Token[], k: number, head: string) {
  for (let n = Math.min(MAX_OBJECT, t.length - k); n >= 1; n--) {
    const object = t.slice(k, k + n);
    if (object.some((x, j) => j > 0 && !x.joined)) continue;
    const keys = [...object, headToken(object[n - 1], head)];
    const hit = longestAt(st.index.norm, keys, 0, false);
    if (hit?.end !== keys.length) continue;
    const tasks = hit.values.map((ci) => st.index.concepts[ci]).filter((c) => c.type === "task");
    if (tasks.length) return { tasks, end: k + n };
  }
  return null;
}

/**
 * The object ends its noun phrase ("predicting sepsis onset" is no sepsis prediction): the next
 * word is across punctuation, a function word or an adverb ("predicts future risk automatically").
 */
function endsPhrase(t: Token[], end: number): boolean {
  const next = t[end];
  return !next?.joined || (!next.hyphen && (isFunctionWord(next) || /.ly$/.test(next.raw)));
}

export function verbObjectTasks(st: PaperState, f: Field): void {
  const t = f.tokens;
  for (let i = 0; i < t.length - 1; i++) {
    const head = verbHead.get(t[i].norm);
    if (!head) continue;
    let k = i + 1;
    while (k < t.length && k - i <= MAX_SKIPS && t[k].joined && skips.has(t[k].norm)) k++;
    if (k >= t.length || !t[k].joined) continue;
    const known = knownTask(st, t, k, head);
    if (known && endsPhrase(t, known.end)) {
      for (const c of known.tasks)
        addMention(
          draftOf(st, c),
          f,
          t[i].start,
          t[known.end - 1].end,
          "ontology",
          st.opts.confidence.pattern,
        );
      continue;
    }
    const m = f.matches.find((x) => x.start === k);
    if (!m || !endsPhrase(t, m.end)) continue;
    const concepts = m.concepts.map((ci) => st.index.concepts[ci]);
    if (!concepts.every((c) => c.type === "condition")) continue;
    const parent = parentOf.get(head);
    const d = draftFor(st, "task", `${concepts[0].label} ${head}`, parent ? [parent] : []);
    if (parent && parent !== d.id) d.parents.add(parent);
    addMention(d, f, t[i].start, t[m.end - 1].end, "noun-phrase", st.opts.confidence.nounPhrase);
  }
}

/** Words that make no task of an object ("Generating Data", "Predicting Model Errors"). */
const notModifiers = new Set(headNouns.notTaskModifiers.map(normWord));
/** The longest noun phrase a title's opening verb takes as its object (words). */
const MAX_TITLE_OBJECT = 3;

/**
 * A title that opens with a task verb in -ing names its task: "Forecasting Symptoms Using Graph
 * Neural Networks" → symptom forecasting, "Detecting Suicide Risk in Online Counseling" → suicide
 * risk detection. The object is the words up to the first function word or punctuation (at most
 * three, none weak or in head-nouns.json notTaskModifiers, no adverb); a name before a colon ("DeepX: Predicting …") is skipped. Where the ontology
 * has the task, the other rules name it; else a new task, is-a the generic task of its head.
 */
export function titleGerundTasks(st: PaperState, f: Field): void {
  const t = f.tokens;
  const colon = f.text.indexOf(": ");
  const v = colon > 0 ? t.findIndex((x) => x.start > colon) : 0;
  const head = v >= 0 && /ing$/i.test(t[v]?.raw ?? "") ? verbHead.get(t[v].norm) : undefined;
  if (!head) return;
  let e = v + 1;
  while (
    e < t.length &&
    e - v <= MAX_TITLE_OBJECT + 1 &&
    t[e].joined &&
    !isFunctionWord(t[e]) &&
    !/.ly$/.test(t[e].raw)
  )
    e++;
  const object = t.slice(v + 1, e);
  if (!object.length || object.length > MAX_TITLE_OBJECT) return;
  if (object.some((x) => isWeak(x) || notModifiers.has(x.norm))) return;
  if (!object.every((x) => /^\p{L}[\p{L}-]*$/u.test(x.raw))) return;
  if (knownTask(st, t, v + 1, head)) return;
  // The verb-object rule named a task here already ("Detecting Suicide Risk" → suicide detection).
  const [start, verbEnd] = [t[v].start, t[v].end];
  for (const d of st.drafts.values())
    for (const x of d.mentions.values())
      if (x.field === f.name && x.start === start && x.end > verbEnd) return;
  const m = f.matches.find((x) => x.start === v + 1 && x.end === e);
  if (m?.concepts.some((ci) => st.index.concepts[ci].type !== "condition")) return;
  const generic = `task:${normWord(head)}`;
  const parent = st.index.byId.has(generic) ? generic : m ? parentOf.get(head) : undefined;
  const d = draftFor(st, "task", `${canonicalLabel(object)} ${head}`, parent ? [parent] : []);
  if (parent && parent !== d.id) d.parents.add(parent);
  addMention(d, f, t[v].start, t[e - 1].end, "title", st.opts.confidence.title);
}
