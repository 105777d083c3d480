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

/** Task heads read before "of" and their object: "detection of Alzheimer's disease". */
const nominalHeads = new Set([...verbHead.values(), ...parentOf.keys()].map(normWord));
const events = new Set(headNouns.conditionEvents.map(normWord));

/** The task head at token i: a task verb ("predicting X") or a task noun before "of" ("detection of X"). */
function headAt(t: Token[], i: number): { head: string; object: number } | null {
  const verb = verbHead.get(t[i].norm);
  if (verb) return { head: verb, object: i + 1 };
  const noun = t[i].raw.toLowerCase();
  if (nominalHeads.has(t[i].norm) && noun === t[i].norm && t[i + 1]?.raw === "of")
    return { head: noun, object: i + 2 };
  return null;
}

/** "the onset of", "the risk of": where a condition event stands before the object, its end. */
function eventEnd(t: Token[], k: number): number {
  const e = t[k]?.norm === "the" ? k + 1 : k;
  return events.has(t[e]?.norm ?? "") && t[e + 1]?.raw === "of" && t[e + 2] ? e + 2 : -1;
}

export function verbObjectTasks(st: PaperState, f: Field): void {
  const t = f.tokens;
  for (let i = 0; i < t.length - 1; i++) {
    const at = headAt(t, i);
    if (!at) continue;
    const { head } = at;
    let k = at.object;
    while (k < t.length && k - i <= MAX_SKIPS && t[k].joined && skips.has(t[k].norm)) k++;
    if (k >= t.length || !t[k].joined) continue;
    // Past "the onset of" only to a condition ("predict the onset of sepsis").
    const event = eventEnd(t, k);
    if (event > 0) {
      conditionTask(st, f, i, event, head);
      continue;
    }
    const known = at.object === i + 1 ? knownTask(st, t, k, head) : null;
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
    conditionTask(st, f, i, k, head);
  }
}

/**
 * A condition at token k, the object of the task head at token i, names the task "<condition>
 * <head>" ("detecting pneumonia" → pneumonia detection), is-a `conditionTaskParents[head]`.
 */
function conditionTask(st: PaperState, f: Field, i: number, k: number, head: string): void {
  const t = f.tokens;
  const m = f.matches.find((x) => x.start === k);
  if (!m || !endsPhrase(t, m.end)) return;
  const concepts = m.concepts.map((ci) => st.index.concepts[ci]);
  if (!concepts.every((c) => c.type === "condition")) return;
  const parent = parentOf.get(head);
  const d = draftFor(st, "task", `${concepts[0].label} ${head}`, parent ? [parent] : []);
  if (parent && parent !== d.id) d.parents.add(parent);
  addMention(d, f, t[i].start, t[m.end - 1].end, "noun-phrase", st.opts.confidence.nounPhrase);
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
