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
import { wordSenses } from "./senses.ts";
import { normWord } from "./text/normalise.ts";
import { lexTag } from "./text/pos.ts";
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
    // "evaluate models" is no model evaluation task (as in the matcher's verb forms).
    if (n === 1 && notModifiers.has(object[0].norm)) continue;
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
    if (propertyHeads.has(head)) {
      // "mitigating mental health conditions", "evaluation of sepsis": no task of a condition.
    } else if (event > 0) {
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
    if (propertyHeads.has(head)) continue;
    if (conditionTask(st, f, i, k, head) || !objectHeads.has(head)) continue;
    if (at.object === i + 1) nounObjectTask(st, f, i, k, head);
    // "classification of skin lesions": the task noun, "of" and a plain noun phrase.
    else if (t[k - 1]?.raw === "of" && k === at.object && nominalOf(t, i, head))
      nounObjectTask(st, f, i, k, head, true);
  }
}

/**
 * A plain noun phrase right after a task verb names the task "<object> <head>" ("predicting BMI"
 * → BMI prediction, "detect disagreements" → disagreement detection): one to three words up to a
 * function word, punctuation or adverb, none weak or in head-nouns.json notTaskModifiers, letters
 * only, and no concept other than a condition (the other rules name those); is-a the generic task
 * of its head where the ontology has it.
 */
/** Task heads whose verb names a task with any plain noun object (not "extract patterns"). */
const objectHeads = new Set(headNouns.objectHeads);

function nounObjectTask(
  st: PaperState,
  f: Field,
  i: number,
  k: number,
  head: string,
  nominal = false,
): void {
  const t = f.tokens;
  // "the segments flanked by", "a forecast accuracy": nouns; "predict(s)" and "detect(s)" stand
  // for the verb in their bare forms, "forecast(s)" only after a word that asks for a verb
  // ("models that forecast X"; "estimate(s) X" named mostly statistics: "probability estimation").
  const bare = !/ing$/.test(t[i].raw);
  const forecast = /^forecasts?$/i.test(t[i].raw) && VERB_LEADS.test(t[i - 1]?.raw ?? "");
  if (!nominal && bare && !/^(?:predict|detect)s?$/i.test(t[i].raw) && !forecast) return;
  if (!nominal && !verbPosition(f, i)) return;
  let e = k;
  while (e < t.length && e - k <= MAX_OBJECT && t[e].joined && !isFunctionWord(t[e])) {
    if (/.ly$/.test(t[e].raw)) break;
    e++;
  }
  if (e === k || e - k > MAX_OBJECT || !plainObject(st, f, k, e)) return;
  const generic = `task:${normWord(head)}`;
  const parent = st.index.byId.has(generic) ? generic : undefined;
  const label = `${canonicalLabel(t.slice(k, e))} ${head}`;
  const d = draftFor(st, "task", label, parent ? [parent] : []);
  if (parent && parent !== d.id) d.parents.add(parent);
  addMention(d, f, t[i].start, t[e - 1].end, "noun-phrase", st.opts.confidence.nounPhrase);
}

/** Task nouns whose "of" takes a plain noun object ("detection of tropes"; an estimation of a thing is mostly statistics). */
const nominalObjectHeads = new Set(headNouns.nominalObjectHeads);

/**
 * "Detection of Tropes", "the prediction of news virality": a task noun that stands alone before
 * "of"; "Survival Time Prediction of Brain Tumor Patients" has its task before the noun.
 */
function nominalOf(t: Token[], i: number, head: string): boolean {
  if (!nominalObjectHeads.has(head)) return false;
  return i === 0 || !t[i].joined || isFunctionWord(t[i - 1]);
}

const DETERMINERS =
  /^(?:the|a|an|this|that|these|those|our|its|their|his|her|each|every|any|some|no)$/i;

/**
 * Does token i stand where a verb does: first in its field or after punctuation, or after a
 * function word that is no determiner ("for predicting X", "we predict X", "to detect X")? After a
 * determiner or a content word it is a noun's modifier ("the forecasting problem", "improves
 * forecasting accuracy").
 */
function verbPosition(f: Field, i: number): boolean {
  const t = f.tokens;
  if (i === 0 || !t[i].joined) return true;
  const prev = t[i - 1];
  // "models that predict BMI": a relative pronoun before a finite verb, no determiner.
  if (/^(?:that|which)$/i.test(prev.raw) && !/ing$/.test(t[i].raw)) return true;
  return isFunctionWord(prev) && !DETERMINERS.test(prev.raw);
}

/** Words after which a bare verb form is the verb: "to", a relative pronoun, "we", a modal. */
const VERB_LEADS = /^(?:to|that|which|who|we|can|could|may|might|will|would|should|must)$/i;

/** Is tokens [k, e) a plain noun phrase that ends there and holds no concept but a condition? */
function plainObject(st: PaperState, f: Field, k: number, e: number): boolean {
  const t = f.tokens;
  const object = t.slice(k, e);
  if (!endsPhrase(t, e)) return false;
  // "diagnose endocrine and metabolic disorders": the object may modify a later noun.
  if (/^(?:and|or)$/.test(t[e]?.raw ?? "") || /^\s*,/.test(f.text.slice(t[e - 1].end)))
    return false;
  if (object.some((x) => isWeak(x) || notModifiers.has(x.norm))) return false;
  if (!object.every((x) => /^\p{L}[\p{L}-]+$/u.test(x.raw))) return false;
  if (object.some((x) => /^(?:out|up|off|itself|themselves|them|it)$/i.test(x.raw))) return false;
  // A title in capitals ("FORECASTING PROCEDURE") hides which words are names.
  if (object.some((x) => x.raw.length >= 5 && x.raw === x.raw.toUpperCase())) return false;
  const typed = (m: (typeof f.matches)[number]) =>
    m.start < e && m.end > k && m.concepts.some((ci) => st.index.concepts[ci].type !== "condition");
  if (f.matches.some(typed)) return false;
  if (notObjects.has(object[object.length - 1].norm)) return false;
  // "We detect strokes in handwriting": a word whose sense the paper did not support.
  if (senseForms.has(object.map((x) => x.norm).join(" "))) return false;
  const last = lexTag(object[object.length - 1].raw.toLowerCase()) ?? "";
  return !/Adjective|Verb|Tense|Infinitive|Gerund|Adverb/.test(last);
}

/**
 * A condition at token k, the object of the task head at token i, names the task "<condition>
 * <head>" ("detecting pneumonia" → pneumonia detection), is-a `conditionTaskParents[head]`.
 */
function conditionTask(st: PaperState, f: Field, i: number, k: number, head: string): boolean {
  const t = f.tokens;
  const m = f.matches.find((x) => x.start === k);
  if (!m || !endsPhrase(t, m.end)) return false;
  const concepts = m.concepts.map((ci) => st.index.concepts[ci]);
  if (!concepts.every((c) => c.type === "condition")) return false;
  const parent = parentOf.get(head);
  const d = draftFor(st, "task", `${concepts[0].label} ${head}`, parent ? [parent] : []);
  if (parent && parent !== d.id) d.parents.add(parent);
  addMention(d, f, t[i].start, t[m.end - 1].end, "noun-phrase", st.opts.confidence.nounPhrase);
  return true;
}

/** Words that make no task of an object ("Generating Data", "Predicting Model Errors"). */
const notModifiers = new Set(headNouns.notTaskModifiers.map(normWord));
const notObjects = new Set(headNouns.notTaskObjects.map(normWord));
/** The ambiguous forms of lexicon/word-senses.json ("stroke"): no object of a new task. */
const senseForms = new Set([...wordSenses.values()].flatMap((s) => [...s.forms]));
/**
 * Heads whose verb names a task only through the ontology or a title: "Evaluating Safety of …"
 * (with the property evaluated, followed by "of"), "Mitigating Gender Bias"; no condition object.
 */
const propertyHeads = new Set(headNouns.propertyHeads);
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
  let v = colon > 0 ? t.findIndex((x) => x.start > colon) : 0;
  // "Towards Summarizing Healthcare Questions …": the verb after a leading "Towards".
  if (v >= 0 && /^towards?$/i.test(t[v]?.raw ?? "")) v++;
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
  // "Evaluating Safety of LLMs" is a safety evaluation; "Evaluating Word Embeddings …" names the
  // thing evaluated, not a task: a quality-only head takes an object followed by "of".
  if (head === "evaluation" && t[e]?.raw !== "of") return;
  // "Mitigating Hallucinations Caused by …": the object ends before a participle.
  const last = object[object.length - 1];
  if (/ed$/i.test(last.raw) && /Verb|Tense|Participle/.test(lexTag(last.raw.toLowerCase()) ?? ""))
    return;
  // "Evaluating Limitations of …", "Evaluating Human Evaluation": no property of a task.
  if (propertyHeads.has(head) && (notObjects.has(last.norm) || last.norm === normWord(head)))
    return;
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
  if (m && propertyHeads.has(head)) return;
  const generic = `task:${normWord(head)}`;
  const parent = st.index.byId.has(generic) ? generic : m ? parentOf.get(head) : undefined;
  const d = draftFor(st, "task", `${canonicalLabel(object)} ${head}`, parent ? [parent] : []);
  if (parent && parent !== d.id) d.parents.add(parent);
  addMention(d, f, t[v].start, t[e - 1].end, "title", st.opts.confidence.title);
}
