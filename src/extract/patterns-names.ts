// The paper's own names and the names it lists (rule "name", confidence.name): "we present
// Mukayese, a set of NLP benchmarks" (typed by the head noun of the apposition), "the proposed
// Tobias", "our MedFuse framework", and names listed after a typed plural ("MAPF algorithms,
// including EECBS and PPS"; "datasets such as eICU-CRD"). A name must look like one: CamelCase,
// an acronym or letters with digits; a capitalised word only where the context says it is a name
// and the dictionary does not know it as a word. Ontology concepts and defined short forms are left
// to their own rules.
import { bestLongForm } from "./abbreviations.ts";
import type { PaperState } from "./draft.ts";
import type { Field } from "./field.ts";
import { describingSuffixes, headNouns, nameCues } from "./lexicon/index.ts";
import { addNew, overlapsNew } from "./patterns-common.ts";
import {
  isCapitalised,
  isFunctionWord,
  isNameLike,
  isWeak,
  type NewType,
  typePhrase,
} from "./phrases.ts";
import { normWord } from "./text/normalise.ts";
import { lexTag } from "./text/pos.ts";
import type { Token } from "./text/tokenize.ts";

const norms = (ws: string[]) => new Set(ws.map(normWord));
const proposeVerbs = norms(nameCues.proposeVerbs);
/** Who proposes, a few words before the verb: "we", "this paper", "this work". */
const proposers = norms(nameCues.proposers);
const methodHeads = norms(nameCues.methodHeads);
const datasetHeads = norms(nameCues.datasetHeads);
const taskHeads = norms(headNouns.taskLabelHeads);
/** "a set of NLP benchmarks": the words before "of" say how many, the phrase after names what. */
const quantities = norms(nameCues.quantities);
/** What introduces the items of a list after its typed plural. */
const LIST_START =
  /^\s*(?:,?\s*\(?\s*(?:including|such as|e\.g\.,?|like|namely)\s+|[:\u2013\u2014]\s+|\s--?\s+)/;
const MAX_ITEMS = 10;
/** Words that open a relative clause after a proposed name: "we propose MedWriter that …". */
const RELATIVE = /^(?:that|which)$/;

export function paperNames(st: PaperState, f: Field): void {
  introducedNames(st, f);
  headedNames(st, f);
  proposedNames(st, f);
  listedNames(st, f);
}

/**
 * "MAPF-LNS2: Fast Repairing for …", "Mukayese: Turkish NLP Strikes Back": a title that opens with
 * a name the abstract uses again names the paper's own system: a dataset where the subtitle's head
 * says so ("SGD-X: A Benchmark for …"), else a method. Run after the title-structure rule, which
 * may have made the name an alias of the subtitle's phrase.
 */
export function titleName(st: PaperState): void {
  const [title, abstract] = st.fields;
  const t = title.tokens;
  // "NAME: …", or "NAME - …" with a dash between spaces ("JPG - Jointly Learn to Align: …").
  const dash = /^\S+\s[-\u2013\u2014]\s/.exec(title.text);
  const colon = dash ? dash[0].length - 2 : title.text.indexOf(": ");
  const after = t.findIndex((x) => x.start > colon);
  if (colon <= 0 || after <= 0 || after > 4) return;
  // One word, its hyphenated parts included ("MAPF-LNS2"), with a capital inside, an acronym or digits.
  if (t.slice(1, after).some((x) => !x.hyphen) || !looksLikeName(t, 0, after, false)) return;
  const name = title.text.slice(t[0].start, t[after - 1].end);
  if (!/\p{L}.*\p{L}.*\p{L}/u.test(name) || !free(st, title, 0, after)) return;
  // An earlier rule named it from the abstract ("a new dataset called ValueNet").
  for (const d of st.drafts.values()) if (d.label === name && d.mentions.size) return;
  if (!writtenIn(abstract, t.slice(0, after))) return;
  let s = after;
  if (/^(?:a|an|the)$/i.test(t[s]?.raw ?? "")) s++;
  const dataset =
    appositionType(st, title, s) === "dataset" || datasetInAbstract(abstract, t.slice(0, after));
  add(st, title, dataset ? "dataset" : "method", 0, after);
}

/** Does field f write the words `name` (one word, hyphenated parts joined as in the title) as a whole? */
function writtenIn(f: Field, name: Token[]): boolean {
  return writtenAt(f, name).length > 0;
}

/** Where field f writes the words `name` as a whole: the token index after each occurrence. */
function writtenAt(f: Field, name: Token[]): number[] {
  const t = f.tokens;
  const n = name.length;
  const out: number[] = [];
  for (let k = 0; k + n <= t.length; k++) {
    if (t[k].raw !== name[0].raw || t[k].hyphen || t[k + n]?.hyphen) continue;
    if (name.every((x, j) => j === 0 || (t[k + j].raw === x.raw && t[k + j].hyphen)))
      out.push(k + n);
  }
  return out;
}

/**
 * Does the abstract type the name as a dataset where it writes it: a dataset word right after it,
 * or after its expansion in parentheses ("the IMPLI (Idiomatic … Inference) dataset")?
 */
function datasetInAbstract(f: Field, name: Token[]): boolean {
  const t = f.tokens;
  return writtenAt(f, name).some((b) => {
    let k = b;
    if (/^\s*\($/.test(f.text.slice(t[b - 1].end, t[b]?.start ?? 0))) {
      const close = f.text.indexOf(")", t[b - 1].end);
      while (close >= 0 && k < t.length && t[k].start < close) k++;
    }
    return k < t.length && datasetHeads.has(t[k].norm);
  });
}

/** End (exclusive) of the name starting at token i: the word and its hyphenated parts. */
function nameEnd(t: Token[], i: number): number {
  let b = i + 1;
  while (b < t.length && t[b].hyphen && b - i < 5) b++;
  return b;
}

/** A word that looks like a name where a name is expected: CamelCase, acronym, digits, or a capital on no dictionary word. */
function looksLikeName(t: Token[], i: number, b: number, capitalOk: boolean): boolean {
  const raw = t[i].raw;
  if (!/\p{L}.*\p{L}/u.test(raw) || isFunctionWord(t[i])) return false;
  // "our GP-based approach", "a CNN-like model": a name with such a word hyphened on describes.
  if (b > i + 1 && describingSuffixes.has(t[b - 1].raw)) return false;
  if (t.slice(i, b).some((x) => isNameLike(x.raw))) return true;
  if (!capitalOk || b !== i + 1 || !isCapitalised(raw)) return false;
  // A capitalised word the dictionary knows only as a first name still names a thing here ("Tobias").
  const tag = lexTag(raw.toLowerCase());
  return !tag || /Name$/.test(tag);
}

/**
 * Does an ontology concept name the words [i, b)? A known part inside a longer name leaves the
 * name new where the rest has a capital or digit ("MAPF-LNS2"), not where it is a word ("BERT-base").
 */
export function conceptCovers(f: Field, i: number, b: number): boolean {
  for (const m of f.matches) {
    if (m.start >= b || m.end <= i) continue;
    const rest = f.tokens.slice(i, b).filter((_, k) => i + k < m.start || i + k >= m.end);
    if (!rest.some((x) => /\d|\p{Lu}/u.test(x.raw))) return true;
  }
  return false;
}

/** Is [i, b) free for a new name: no ontology concept covers it, no short form names it, no new entity overlaps it? */
function free(st: PaperState, f: Field, i: number, b: number): boolean {
  const t = f.tokens;
  if (conceptCovers(f, i, b)) return false;
  if (b === i + 1 && st.shortForms.has(t[i].raw.replace(/s$/, ""))) return false;
  // "AD^2", "R2D2+": the name goes on past the word; its first part alone is not it.
  if (/^[^\s,.;:)\]]/.test(f.text.slice(t[b - 1].end, t[b - 1].end + 1))) return false;
  return !overlapsNew(st, f, t[i].start, t[b - 1].end);
}

/** Add the name [i, b); `role` "proposed" where the rule itself says so, else the sentence's cues decide. */
function add(
  st: PaperState,
  f: Field,
  type: NewType,
  i: number,
  b: number,
  role?: "proposed",
): string {
  const name = f.tokens.slice(i, b);
  return addNew(st, f, type, name, "name", st.opts.confidence.name, [], true, role);
}

/** The type a head word gives a name: "framework" → method, "benchmarks" → dataset, "detection" → task. */
export function nameHeadType(t: Token | undefined): NewType | null {
  if (!t) return null;
  if (methodHeads.has(t.norm)) return "method";
  if (datasetHeads.has(t.norm)) return "dataset";
  if (taskHeads.has(t.norm)) return "task";
  return null;
}

/** Does a proposer ("we", "this paper") stand up to three words before token v? */
export function proposed(t: Token[], v: number): boolean {
  for (let k = v - 1; k >= 0 && v - k <= 3; k--) if (proposers.has(t[k].norm)) return true;
  return false;
}

/** "we present Mukayese, a set of NLP benchmarks …": the name typed by its apposition's head. */
function introducedNames(st: PaperState, f: Field): void {
  const t = f.tokens;
  for (let v = 1; v < t.length - 3; v++) {
    if (!proposeVerbs.has(t[v].norm) || !proposed(t, v)) continue;
    const i = v + 1;
    const b = nameEnd(t, i);
    if (b >= t.length || !looksLikeName(t, i, b, true) || !free(st, f, i, b)) continue;
    // An expansion may stand between: "MedFuse (Medical Fusion), a …".
    let gap = f.text.slice(t[b - 1].end, t[b].start);
    let k = b;
    const paren = /^\s*\(/.test(gap) ? f.text.indexOf(")", t[b - 1].end) : -1;
    if (paren >= 0) {
      while (k < t.length && t[k].start < paren) k++;
      gap = f.text.slice(paren + 1, t[k]?.start ?? paren + 1);
    }
    const apposition = /^\s*[,:\u2014]\s*$/.test(gap) && /^(?:a|an)$/i.test(t[k]?.raw ?? "");
    const type = apposition ? appositionType(st, f, k + 1) : null;
    if (type) add(st, f, type, i, b, "proposed");
    else if (paren >= 0) expandedName(st, f, i, b, k);
    // "we propose MedWriter that incorporates …": a name-like word and a relative clause.
    else if (
      /^\s+$/.test(gap) &&
      RELATIVE.test(t[b].raw) &&
      t.slice(i, b).some((x) => isNameLike(x.raw))
    )
      add(st, f, "method", i, b, "proposed");
  }
}

/**
 * "we introduce the IMPLI (Idiomatic … Inference) dataset", "we present a new GRU-D model": after
 * a proposer's verb, a determiner and weak words, a name that looks like one (no single
 * capitalised word), its expansion in parentheses optional, and a method or dataset head right
 * after it: the name is the paper's own, typed by that head.
 */
function headedNames(st: PaperState, f: Field): void {
  const t = f.tokens;
  for (let v = 1; v < t.length - 3; v++) {
    if (!proposeVerbs.has(t[v].norm) || !proposed(t, v)) continue;
    if (!/^(?:a|an|the)$/i.test(t[v + 1].raw)) continue;
    let i = v + 2;
    while (i < t.length && i - v < 5 && isWeak(t[i]) && !isNameLike(t[i].raw)) i++;
    const b = nameEnd(t, i);
    if (b >= t.length || !looksLikeName(t, i, b, false) || !free(st, f, i, b)) continue;
    let k = b;
    if (/^\s*\($/.test(f.text.slice(t[b - 1].end, t[b].start))) {
      const close = f.text.indexOf(")", t[b - 1].end);
      while (close >= 0 && k < t.length && t[k].start < close) k++;
    } else if (!t[b].joined) continue;
    // "the RiskAgent system" may name a system of others the paper presents work on: not here.
    const type = t[k]?.norm === "system" ? null : nameHeadType(t[k]);
    if (type === "method" || type === "dataset") add(st, f, type, i, b, "proposed");
  }
}

/**
 * "we propose DIR (Direct-Indirect Reasoning) to …": a name followed by its expansion in
 * parentheses (the name's letters found in order in it, two words or more) is the paper's own; it
 * a dataset where the expansion's head says so ("Indian Legal Documents Corpus"), else a method,
 * and takes the expansion as alias.
 */
function expandedName(st: PaperState, f: Field, i: number, b: number, k: number): void {
  const t = f.tokens;
  const inner = t.slice(b, k);
  const long = f.text.slice(inner[0]?.start ?? 0, inner[inner.length - 1]?.end ?? 0);
  const name = f.text.slice(t[i].start, t[b - 1].end);
  if (inner.length < 2 || inner.length > 8 || !/^\p{Lu}/u.test(long)) return;
  if (bestLongForm(name, long) !== 0) return;
  // The head of the expansion's first chunk: "Neural Label Search for Summarization" is a search.
  const stop = inner.findIndex((x, j) => j > 0 && isFunctionWord(x));
  const typed = typePhrase(stop > 0 ? inner.slice(0, stop) : inner);
  const type = typed?.type === "dataset" ? "dataset" : "method";
  const id = add(st, f, type, i, b, "proposed");
  st.drafts.get(id)?.aliases.add(long);
}

/** Type of the apposition starting at token s: its head noun, past "a set of" and adjectives. */
export function appositionType(_st: PaperState, f: Field, s: number): NewType | null {
  const t = f.tokens;
  let a = s;
  let quantity: Token | undefined;
  // "a novel set of …", "a suite of …".
  for (let k = s; k < t.length && k - s < 3; k++) {
    if (quantities.has(t[k].norm) && t[k + 1]?.norm === "of") {
      a = k + 2;
      quantity = t[k];
      break;
    }
  }
  // "a New Dataset", "a novel framework": leading function and weak words are no head.
  while (a < t.length && a - s < 3 && (isFunctionWord(t[a]) || isWeak(t[a]))) a++;
  let e = a;
  while (
    e < t.length &&
    e - a < 8 &&
    (e === a || t[e].joined) &&
    (t[e].hyphen || !isFunctionWord(t[e]))
  )
    e++;
  if (e <= a) return null;
  const head = nameHeadType(t[e - 1]);
  if (head) return head;
  const typed = typePhrase(t.slice(a, e));
  if (typed && typed.type !== "modality") return typed.type;
  // "a suite of functional tests": a quantity that is itself a dataset word ("suite") says so.
  return quantity && datasetHeads.has(quantity.norm) ? "dataset" : null;
}

/** "the proposed Tobias", "our proposed DeepSignal", "our MedFuse framework". */
function proposedNames(st: PaperState, f: Field): void {
  const t = f.tokens;
  for (let i = 1; i < t.length; i++) {
    const afterProposed = t[i - 1].raw === "proposed" && /^(?:the|our)$/i.test(t[i - 2]?.raw ?? "");
    const afterOur = /^our$/i.test(t[i - 1].raw);
    if ((!afterProposed && !afterOur) || !t[i].joined) continue;
    const b = nameEnd(t, i);
    // "Our proposed Modality Promotion Framework": one word of a capitalised phrase is no name.
    const capitalNext = b < t.length && t[b].joined && isCapitalised(t[b].raw);
    if (capitalNext || !looksLikeName(t, i, b, afterProposed) || !free(st, f, i, b)) continue;
    const next = b < t.length && t[b].joined ? nameHeadType(t[b]) : null;
    // "our CNN-based …", "our EHR cohort": after "our" only a name with a method head names a method.
    if (afterOur && next !== "method") continue;
    if (next === "task") continue;
    add(st, f, next ?? "method", i, b, "proposed");
  }
}

/** Plural heads that type the names listed after them ("algorithms, including EECBS and PPS"). */
function listType(t: Token): NewType | null {
  if (!/s$/i.test(t.raw) && t.norm !== "corpus") return null;
  const h = nameHeadType(t);
  return h === "task" ? null : h;
}

/** "MAPF algorithms, including Prioritized Planning, EECBS, and PPS": each name of the list. */
function listedNames(st: PaperState, f: Field): void {
  const t = f.tokens;
  for (let h = 0; h < t.length - 1; h++) {
    const type = listType(t[h]);
    if (!type) continue;
    const cue = LIST_START.exec(f.text.slice(t[h].end, t[h].end + 24));
    if (!cue || (cue[0].trim().startsWith(":") && sectionLabel(f, h))) continue;
    const from = t[h].end + cue[0].length;
    let s = h + 1;
    while (s < t.length && t[s].start < from) s++;
    listItems(st, f, s, type);
  }
}

/**
 * Is the plural at token h the label of a structured abstract's section ("METHODS: NB-1s, …",
 * "Methods: LmABCB3, a new protein …"): written in capitals, or the first word of its sentence?
 */
function sectionLabel(f: Field, h: number): boolean {
  const raw = f.tokens[h].raw;
  if (raw.length >= 3 && raw === raw.toUpperCase()) return true;
  return h === 0 || /[.!?:]\s*$/.test(gapAt(f, h));
}

const conjunction = (x: Token | undefined) => !!x && /^(?:and|or)$/.test(x.raw);

/**
 * Walk the items of a list from token s: one-name items are added, longer ones passed over. The
 * item after "and" is the last: its name may go on into the sentence ("… and UNITER have …").
 */
function listItems(st: PaperState, f: Field, s: number, type: NewType): void {
  const t = f.tokens;
  let i = s;
  let last = false;
  for (let n = 0; n < MAX_ITEMS && i < t.length; n++) {
    let e = i + 1;
    while (e < t.length && e - i < 6 && !conjunction(t[e]) && /^(?:\s+|-)$/.test(gapAt(f, e))) e++;
    const b = nameEnd(t, i);
    const lastName = last && (b === t.length || !t[b].joined || /^\p{Ll}/u.test(t[b].raw));
    if ((b === e || lastName) && looksLikeName(t, i, b, false) && free(st, f, i, b))
      add(st, f, type, i, b);
    if (last || e - i >= 6 || e >= t.length) return;
    const gap = gapAt(f, e);
    if (conjunction(t[e]) && /^\s*,?\s*$/.test(gap)) {
      i = e + 1;
      last = true;
    } else if (/^\s*,\s*$/.test(gap)) i = e;
    else return;
  }
}

/** The text between token k - 1 and token k. */
function gapAt(f: Field, k: number): string {
  return f.text.slice(f.tokens[k - 1].end, f.tokens[k].start);
}
