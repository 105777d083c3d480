// Contribution patterns: definitions of new things, "we propose X", "called X", named
// benchmarks, title structure ("X: Y", "X for Y") and compositional tasks ("PE prediction").
import type { Definition } from "./abbreviations.ts";
import { addMention, draftOf, longFormFits, type PaperState, type ShortForm } from "./draft.ts";
import { type Field, sentenceOf, tokenRange } from "./field.ts";
import { headNouns, nameCues, spelling } from "./lexicon/index.ts";
import type { Match } from "./matcher.ts";
import { addNew, conceptTypeIn, matchEndingAt, overlapsNew, span } from "./patterns-common.ts";
import { compoundAbbreviations } from "./patterns-compounds.ts";
import { capitalisedDatasets, yearDatasets } from "./patterns-datasets.ts";
import { conceptCovers, nameHeadType, paperNames, titleName } from "./patterns-names.ts";
import { phraseNames } from "./patterns-phrase-names.ts";
import { titleGerundTasks, verbObjectTasks } from "./patterns-verbs.ts";
import {
  isCapitalised,
  isFunctionWord,
  isNameLike,
  isWeak,
  type NewType,
  suffixType,
  type Typed,
  typePhrase,
} from "./phrases.ts";
import { normWord } from "./text/normalise.ts";
import { breaksNounPhrase, isParticiple, lexTag } from "./text/pos.ts";
import type { Token } from "./text/tokenize.ts";
import { longestAt } from "./trie.ts";

const taskHeads = new Set(headNouns.taskLabelHeads.map(normWord));
const splitPrefixes = new Set(spelling.splitPrefixes);
const datasetWords = new Set(["benchmark", "dataset", "corpus", "database"].map(normWord));
/** Heads that name a resource only after its name: "the Rotterdam cohort", "the BraTS challenge". */
const datasetWordsAfter = new Set(["challenge", "cohort"].map(normWord));
const proposeVerbs = new Set(nameCues.contributionVerbs.map(normWord));
const nameVerbs = new Set(nameCues.namedBy);
/** "we propose …", "we call it …", "a method called …": a sentence that contributes a name. */
const CONTRIBUTION = new RegExp(
  `\\b(?:[Ww]e (?:\\w+ )?(?:${[...nameCues.contributionVerbs, ...nameCues.namingVerbs].join("|")})|${nameCues.namedBy.join("|")})\\b`,
);

export function resolveLongForm(
  st: PaperState,
  f: Field,
  def: Definition,
  a: number,
  b: number,
  sf: ShortForm,
): void {
  let end = b;
  while (end > a && isGenericOrBased(f.tokens[end - 1])) end--;
  const m = matchEndingAt(f, a, end);
  const sentence = sentenceOf(f, def.longStart);
  const contribution = CONTRIBUTION.test(sentence);
  const extra = m ? f.tokens.slice(a, m.start).filter((t) => !isFunctionWord(t) && !isWeak(t)) : [];
  if (m && (extra.length === 0 || !contribution)) {
    sf.ids = m.concepts.map((ci) => st.index.concepts[ci].id);
    for (const id of sf.ids) st.drafts.get(id)?.aliases.add(def.key);
    return;
  }
  // "real-world data (RWD)": a short form the ontology knows names its concept, even where the
  // long form is not one of the concept's surface forms, as long as it shares a word with them.
  const [sa, sb] = tokenRange(f.tokens, def.shortStart, def.shortEnd);
  const known = !m && f.matches.find((x) => x.start === sa && x.end === sb);
  const fitting = known
    ? known.concepts
        .map((ci) => st.index.concepts[ci].id)
        .filter((id) => longFormFits(st, id, sf.long))
    : [];
  if (fitting.length) {
    sf.ids = fitting;
    for (const id of sf.ids) {
      const d = st.drafts.get(id);
      if (!d) continue;
      d.aliases.add(sf.long);
      addMention(d, f, def.longStart, def.longEnd, "abbreviation", st.opts.confidence.abbreviation);
    }
    return;
  }
  if (!st.opts.patterns) return;
  const typed =
    typePhrase(f.tokens.slice(a, b), conceptTypeIn(st, f)) ?? typedByHeadAfter(f, a, b, def);
  // One word ("model") or letters ("E-M") name nothing new.
  if (!typed || typed.tokens.filter((x) => x.raw.length > 1).length < 2) return;
  const parents = m ? m.concepts.map((ci) => st.index.concepts[ci].id) : [];
  const id = addNew(
    st,
    f,
    typed.type,
    typed.tokens,
    "pattern",
    st.opts.confidence.pattern,
    parents,
  );
  st.drafts.get(id)?.aliases.add(def.key);
  sf.ids = [id];
}

/**
 * "a Direct-Indirect Reasoning (DIR) method": a long form its own words do not type takes the type
 * of the head noun right after its short form (method or dataset words).
 */
function typedByHeadAfter(f: Field, a: number, b: number, def: Definition): Typed | null {
  const close = f.text.indexOf(")", def.shortEnd);
  if (close < 0 || close - def.shortEnd > 2) return null;
  const next = f.tokens.find((x) => x.start > close);
  if (!next || !/^\s+$/.test(f.text.slice(close + 1, next.start))) return null;
  const type = nameHeadType(next);
  // "the Audio-Visual Event (AVE) localization problem": a task head after the short form makes
  // the task of the long form and the head together, which this rule does not name.
  if (type === "task") return null;
  const tokens = f.tokens.slice(a, b);
  // Capitalised long forms only: "a Direct-Indirect Reasoning (DIR) method", not "a two-step (TS) method".
  if (!type || !tokens.every((x) => isCapitalised(x.raw) || isFunctionWord(x))) return null;
  return { type, tokens, generic: false };
}

const genericNorm = new Set(headNouns.generic.map(normWord));
function isGenericOrBased(t: Token): boolean {
  return t.norm === "based" || genericNorm.has(t.norm);
}

/** The noun-phrase chunk ending at token e (exclusive), walking back over joined content words. */
function chunkBefore(f: Field, e: number, maxWords = 6): number {
  let k = e - 1;
  while (
    k > 0 &&
    e - k < maxWords &&
    f.tokens[k].joined &&
    (f.tokens[k].hyphen || f.tokens[k - 1].hyphen || !isFunctionWord(f.tokens[k - 1]))
  )
    k--;
  return k;
}

export function contributions(st: PaperState): void {
  for (const f of st.fields) {
    namedThings(st, f);
    appositions(st, f);
    datasetNames(st, f);
    methodNames(st, f);
    yearDatasets(st, f, st.opts.confidence.pattern);
    capitalisedDatasets(st, f, st.opts.confidence.pattern);
    proposals(st, f);
    paperNames(st, f);
    phraseNames(st, f);
  }
  titleStructure(st, st.fields[0]);
  titleName(st);
  for (const f of st.fields) {
    compositionalTasks(st, f);
    coordinatedTasks(st, f);
    verbObjectTasks(st, f);
    compoundAbbreviations(st, f);
  }
  titleGerundTasks(st, st.fields[0]);
}

const conjunctions = new Set(["and", "or"]);

/**
 * "negation and uncertainty detection": the first conjunct shares the task head of the second, so
 * "negation detection" is named too, when it is an ontology task (one or two words before "and").
 */
function coordinatedTasks(st: PaperState, f: Field): void {
  const t = f.tokens;
  for (let i = 1; i < t.length - 2; i++) {
    if (!conjunctions.has(t[i].raw) || f.text.slice(t[i - 1].end, t[i].start) !== " ") continue;
    let h = i + 1;
    while (
      h < t.length &&
      h - i <= 3 &&
      t[h].joined &&
      !isFunctionWord(t[h]) &&
      !taskHeads.has(t[h].norm)
    )
      h++;
    if (h >= t.length || h === i + 1 || !taskHeads.has(t[h].norm) || !t[h].joined) continue;
    for (const n of [1, 2]) {
      const a = i - n;
      if (a < 0 || t.slice(a, i).some((x) => isFunctionWord(x) || (!x.joined && x !== t[a]))) break;
      const keys = [...t.slice(a, i), { ...t[h], joined: true }];
      const hit = longestAt(st.index.norm, keys, 0, false);
      if (hit?.end !== keys.length) continue;
      for (const ci of hit.values) {
        const c = st.index.concepts[ci];
        if (c.type !== "task") continue;
        addMention(draftOf(st, c), f, t[a].start, t[h].end, "ontology", st.opts.confidence.pattern);
      }
    }
  }
}

/** "a hypernetwork-based approach, called H-Learner": the name, typed by the phrase before it. */
function namedThings(st: PaperState, f: Field): void {
  const t = f.tokens;
  const capital = (x: Token | undefined) => !!x && (isNameLike(x.raw) || isCapitalised(x.raw));
  for (let i = 1; i < t.length - 1; i++) {
    if (!nameVerbs.has(t[i].raw)) continue;
    let j = i + 1;
    // "named as Tobias", "called as X".
    if (t[j].raw === "as" && t[j + 1]) j++;
    if (t[j].raw === "emph" || t[j].raw === "textit" || t[j].raw === "textbf") j++;
    if (!capital(t[j])) continue;
    // "Faster to Life", "Multi-Agent Incentive Communication": capitalised words, small words inside.
    let k = j + 1;
    while (k < t.length && k - j < 7 && t[k].joined) {
      if (capital(t[k])) k++;
      else if (nameGlue.has(t[k].raw) && capital(t[k + 1]) && t[k + 1].joined) k += 2;
      else break;
    }
    const name = t.slice(j, k);
    const sf = /^\s*\(([^()]{2,12})\)/.exec(f.text.slice(name[name.length - 1].end));
    // One ordinary capitalised word ("called Semi-supervised …") is not a name.
    if (name.length === 1 && !isNameLike(name[0].raw) && !sf) continue;
    const from = chunkBefore(f, i);
    const before = t.slice(from, i);
    const typed =
      typePhrase(before, conceptTypeIn(st, f)) ?? typeName(name) ?? typeByGenericHead(before);
    if (!typed) continue;
    const id = addNew(st, f, typed.type, name, "pattern", st.opts.confidence.pattern, [], true);
    if (sf) st.drafts.get(id)?.aliases.add(sf[1].trim());
  }
}

const nameGlue = new Set(["of", "to", "for", "and", "in", "with", "on", "via"]);
const genericTask = new Set(["task", "problem", "challenge"].map(normWord));
const genericDataset = new Set(
  ["benchmark", "dataset", "corpus", "database", "suite"].map(normWord),
);

/** "a novel framework named X" → method; "a new task called X" → task; "a benchmark named X" → dataset. */
function typeByGenericHead(before: Token[]): { type: NewType } | null {
  const head = before[before.length - 1];
  if (!head) return null;
  if (genericTask.has(head.norm)) return { type: "task" };
  if (genericDataset.has(head.norm)) return { type: "dataset" };
  if (isGenericOrBased(head)) return { type: "method" };
  return null;
}

/** "CellCnn, a representation learning approach to …": a name, typed by its apposition. */
function appositions(st: PaperState, f: Field): void {
  const t = f.tokens;
  for (let i = 0; i < t.length - 3; i++) {
    const n = t[i];
    if (!isNameLike(n.raw) || !/\p{L}.*\p{L}.*\p{L}/u.test(n.raw) || t[i + 1].hyphen) continue;
    if (!/^, (?:a|an) $/.test(f.text.slice(n.end, t[i + 2].start))) continue;
    if (f.matches.some((m) => m.start <= i && m.end > i)) continue;
    if (st.shortForms.has(n.raw.replace(/s$/, ""))) continue;
    let e = i + 2;
    while (
      e < t.length &&
      e - i < 9 &&
      (e === i + 2 || t[e].joined) &&
      (t[e].hyphen || !isFunctionWord(t[e]))
    )
      e++;
    const typed = typePhrase(t.slice(i + 2, e), conceptTypeIn(st, f));
    if (typed?.type !== "method" || !typed.generic) continue;
    addNew(st, f, "method", [n], "pattern", st.opts.confidence.pattern, [], true);
  }
}

function typeName(name: Token[]): { type: NewType } | null {
  const last = name[name.length - 1];
  const t = suffixType(last.raw);
  return t ? { type: t } : null;
}

/** "we propose a novel hierarchical attention network for …": a typed phrase of two words or more. */
function proposals(st: PaperState, f: Field): void {
  const t = f.tokens;
  for (let i = 0; i < t.length - 2; i++) {
    if (t[i].norm !== "we") continue;
    let v = i + 1;
    if (!proposeVerbs.has(t[v].norm) && t[v + 1] && proposeVerbs.has(t[v + 1].norm)) v++;
    if (!proposeVerbs.has(t[v].norm)) continue;
    let s = v + 1;
    // "we propose a least squares estimator": a word that opens terms stays with its phrase.
    while (
      s < t.length &&
      (isFunctionWord(t[s]) || isWeak(t[s])) &&
      !(s > v + 1 && termOpeners.has(t[s].norm) && t[s + 1]?.joined) &&
      s - v < 4
    )
      s++;
    let e = s;
    while (
      e < t.length &&
      e - s < 7 &&
      (e === s || t[e].joined) &&
      (t[e].hyphen || !isFunctionWord(t[e]))
    ) {
      e++;
      // A generic head before an -ing word ends the name: "the KNN-KDE method introducing
      // observation-specific kernels" names "KNN-KDE method", not the clause after it.
      const head = t[e - 1];
      const next = t[e];
      if (e - 1 > s && genericNorm.has(head.norm) && next && !next.hyphen && /ing$/.test(next.norm))
        break;
    }
    if (e <= s) continue;
    // A definition right after the phrase is handled by resolveDefinition.
    if (/^\s*\(/.test(f.text.slice(t[e - 1].end, t[e - 1].end + 3))) continue;
    const phrase = t.slice(s, e);
    const typed = typePhrase(phrase, conceptTypeIn(st, f));
    if (!typed || typed.tokens.length < 2) continue;
    // A task with a task head is the compositional rule's ("… fluid overload detection").
    if (typed.type === "task" && taskHeads.has(typed.tokens[typed.tokens.length - 1].norm))
      continue;
    const a = t.indexOf(typed.tokens[0]);
    const b = a + typed.tokens.length;
    if (f.matches.some((m) => m.end === b)) continue; // an ontology concept is the head: nothing new
    const [s0, e0] = span(typed.tokens);
    if (overlapsNew(st, f, s0, e0)) continue;
    addNew(st, f, typed.type, typed.tokens, "pattern", st.opts.confidence.pattern);
  }
}

const methodHeads = new Set(nameCues.headsBeforeName.map(normWord));
/** Words that open a term (head-nouns.json termOpeners): "least squares", "best arm". */
const termOpeners = new Set(headNouns.termOpeners.map(normWord));
const biologicalModels = new Set(nameCues.biologicalModels.map(normWord));

/**
 * "a novel algorithm MAPF-LNS2", "the framework DeepSignal": a name right after a generic method
 * head is the paper's method. The name must look like one (a capital inside, a digit or an
 * acronym: "MAPF-LNS2", not "Transformers"), and be no ontology concept or defined short form.
 */
function methodNames(st: PaperState, f: Field): void {
  const t = f.tokens;
  for (let i = 0; i < t.length - 1; i++) {
    if (!methodHeads.has(t[i].norm) || t[i].raw !== t[i].raw.toLowerCase()) continue;
    // "the cell model MCF7", "a mouse model": a biological model, no method.
    if (i > 0 && biologicalModels.has(t[i - 1].norm)) continue;
    const n = t[i + 1];
    if (!n.joined || n.hyphen || !isNameLike(n.raw) || !/\p{L}.*\p{L}/u.test(n.raw)) continue;
    let b = i + 2;
    while (b < t.length && t[b].hyphen) b++;
    if (conceptCovers(f, i + 1, b)) continue;
    // A defined short form alone is its definition's; inside a longer name ("MAPF-LNS2") it is not.
    if (b === i + 2 && st.shortForms.has(n.raw.replace(/s$/, ""))) continue;
    const [s0, e0] = span(t.slice(i + 1, b));
    if (overlapsNew(st, f, s0, e0)) continue;
    addNew(st, f, "method", t.slice(i + 1, b), "pattern", st.opts.confidence.pattern, [], true);
    if (/s$/.test(t[i].raw)) listedAfter(st, f, b);
  }
}

/** Items in a list (a comma or "and" between) after a token the list's first name ended at. */
const MAX_LISTED = 8;

/**
 * "the neural network methods NetMHC, NetMHCpan, MHCflurry, and MHCnuggets": after a plural
 * head's first name, the names that follow it in a list are methods too. Each item must be one
 * name (its hyphenated parts included) that looks like one, and is no concept or short form.
 */
function listedAfter(st: PaperState, f: Field, from: number): void {
  const t = f.tokens;
  let i = from;
  for (let n = 0; n < MAX_LISTED && i < t.length; n++) {
    const gap = f.text.slice(t[i - 1].end, t[i].start);
    const and = /^(?:and|or)$/.test(t[i].raw);
    if (!/^\s*,\s*$/.test(gap) && !(and && /^\s*,?\s*$/.test(gap))) return;
    const a = and ? i + 1 : i;
    if (a >= t.length || !isNameLike(t[a].raw) || !/\p{L}.*\p{L}/u.test(t[a].raw)) return;
    let b = a + 1;
    while (b < t.length && t[b].hyphen) b++;
    if (conceptCovers(f, a, b) || st.shortForms.has(t[a].raw.replace(/s$/, ""))) return;
    const [s0, e0] = span(t.slice(a, b));
    if (!overlapsNew(st, f, s0, e0))
      addNew(st, f, "method", t.slice(a, b), "pattern", st.opts.confidence.pattern, [], true);
    // The item after "and" is the last.
    if (and) return;
    i = b;
  }
}

/**
 * A short form matched alone only where a paper defines it ("REMC": Roadmap Epigenomics), written
 * before a dataset word: the word says which sense is meant when the short form names exactly one
 * dataset concept.
 */
function namedShortForm(st: PaperState, f: Field, j: number): void {
  const named = (st.index.ambiguous.get(f.tokens[j].raw) ?? [])
    .map((ci) => st.index.concepts[ci])
    .filter((c) => c.type === "dataset");
  if (named.length !== 1) return;
  const { start, end } = f.tokens[j];
  addMention(draftOf(st, named[0]), f, start, end, "abbreviation", st.opts.confidence.abbreviation);
}

/** "the benchmark MedRisk", "a new dataset ClinicBench", "the PTB-XL dataset". */
function datasetNames(st: PaperState, f: Field): void {
  const t = f.tokens;
  for (let i = 0; i < t.length; i++) {
    const after = datasetWordsAfter.has(t[i].norm);
    if (!after && !datasetWords.has(t[i].norm)) continue;
    for (const [j, dir] of [
      [i + 1, 1],
      [i - 1, -1],
    ] as const) {
      if (after && dir === 1) continue;
      const n = t[j];
      if (!n || !isNameLike(n.raw) || !/\p{L}.*\p{L}/u.test(n.raw)) continue;
      // "the DNA dataset" describes the data; "the PTB-XL dataset", "MIMIC-III database" name it;
      // a short form of one dataset concept ("the REMC database") names that dataset.
      if (dir === -1 && /^\p{Lu}{2,5}s?$/u.test(n.raw) && !t[j].hyphen) {
        if (!f.matches.some((m) => m.start <= j && j < m.end)) namedShortForm(st, f, j);
        continue;
      }
      if (!(dir === 1 ? n.joined : t[i].joined)) continue;
      // Walk over a hyphenated name ("MIMIC-III-WDB").
      let a = j;
      let b = j + 1;
      if (dir === 1) while (b < t.length && t[b].hyphen) b++;
      else while (a > 0 && t[a].hyphen) a--;
      if (f.matches.some((m) => m.start <= a && m.end >= b)) continue;
      if (st.shortForms.has(t[a].raw.replace(/s$/, ""))) continue;
      addNew(st, f, "dataset", t.slice(a, b), "pattern", st.opts.confidence.pattern);
      break;
    }
  }
}

/** Title "NAME: X for Y": X typed as method or task, Y as task, modality or dataset; NAME names X. */
function titleStructure(st: PaperState, f: Field): void {
  const t = f.tokens;
  if (!t.length) return;
  const colon = f.text.indexOf(": ");
  let from = 0;
  let name: Token[] = [];
  if (colon > 0) {
    const head = t.filter((x) => x.end <= colon);
    if (head.length <= 3 && head.some((x) => isNameLike(x.raw))) {
      name = head;
      from = head.length;
    }
  }
  const forAt = t.findIndex((x, i) => i > from && x.norm === "for");
  if (forAt < 0) return;
  const lastBefore = colon > f.tokens[forAt].start ? -1 : colon;
  const conceptType = conceptTypeIn(st, f);
  // X: the chunk just before "for".
  const ls = Math.max(
    chunkBefore(f, forAt),
    t.findIndex((x) => x.start > lastBefore),
  );
  const left = typePhrase(t.slice(ls, forAt), conceptType);
  let leftId: string | undefined;
  if (left && (left.type === "method" || left.type === "task")) {
    const b = t.indexOf(left.tokens[left.tokens.length - 1]) + 1;
    const m = f.matches.find((x) => x.end === b);
    const a = t.indexOf(left.tokens[0]);
    // "NAME: Computation-Efficient Semi-Supervised Learning for …" names a specialisation.
    const specialised = m && name.length > 0 && m.start > a;
    if (m && !specialised) leftId = st.index.concepts[m.concepts[0]].id;
    else {
      const parents = m ? m.concepts.map((ci) => st.index.concepts[ci].id) : [];
      leftId = addNew(st, f, left.type, left.tokens, "title", st.opts.confidence.title, parents);
    }
  }
  if (name.length && leftId && !st.index.byId.has(leftId)) {
    const d = st.drafts.get(leftId);
    if (d) {
      const [s, e] = span(name);
      d.aliases.add(f.text.slice(s, e));
      addMention(d, f, s, e, "title", st.opts.confidence.title);
    }
  }
  // Y: the chunk right after "for".
  let re = forAt + 1;
  while (
    re < t.length &&
    (re === forAt + 1 || t[re].joined) &&
    (t[re].hyphen || !isFunctionWord(t[re]))
  )
    re++;
  const right = typePhrase(t.slice(forAt + 1, re), conceptType);
  const rightHead = right?.tokens[right.tokens.length - 1];
  // A task with a task head ("… Detection") is left to the compositional rule.
  if (right && right.type !== "method" && rightHead && !taskHeads.has(rightHead.norm)) {
    const b = t.indexOf(right.tokens[right.tokens.length - 1]) + 1;
    if (!f.matches.some((x) => x.end === b))
      addNew(st, f, right.type, right.tokens, "title", st.opts.confidence.title);
  }
}

/** "<modifiers> prediction|detection|…": a specific task named by its head noun. */
function compositionalTasks(st: PaperState, f: Field): void {
  const t = f.tokens;
  for (let h = 1; h < t.length; h++) {
    const head = t[h];
    if (!taskHeads.has(head.norm) || !head.joined) continue;
    // "model predictions" are outputs, not a task; "graphics processing units" is not a task.
    if (head.raw.toLowerCase() !== head.norm && /s$/i.test(head.raw)) continue;
    const next = t[h + 1];
    if (next?.joined && !isFunctionWord(next) && !phraseEnders.has(next.norm)) continue;
    // A head inside a longer concept names no task ("International Classification of Diseases").
    if (f.matches.some((m) => m.start < h && m.end > h + 1)) continue;
    // "<modality|condition> <head>" names a specific task even where the head words are a concept
    // ("Chest X-Ray Classification", "whole slide image classification", "EHR forecasting").
    const headMatch = f.matches.find((m) => m.end === h + 1);
    const subject = headMatch && subjectBefore(st, f, h, headMatch.start);
    // A head that is a generic task on its own ("segmentation") still takes a noun before it
    // ("stroke segmentation", "organ segmentation"); a longer task match names its own task.
    const generic = headTask(st, f, h);
    if (headMatch && !subject && !(generic && headMatch.start === h)) continue;
    let k = h;
    while (
      k > 0 &&
      h - k < 4 &&
      t[k].joined &&
      t[k - 1].raw !== "s" &&
      !isFunctionWord(t[k - 1]) &&
      !isWeak(t[k - 1]) &&
      !taskHeads.has(t[k - 1].norm)
    )
      k--;
    if (subject) k = extendSubject(t, subject.start, h);
    if (k === h) continue;
    // Start on a whole ontology match, never inside one.
    const inside = f.matches.find((m) => m.start < k && m.end > k);
    if (inside) k = inside.end;
    // A verb or adverb ends the phrase ("to solve ITE estimation" → "ITE estimation").
    for (let j = h - 1; j >= k; j--) {
      const prev = t[j - 1];
      const plural = !!prev && prev.raw.toLowerCase() !== prev.norm && /s$/.test(prev.raw);
      if (breaksNounPhrase(t[j].raw, prev?.raw.toLowerCase(), plural)) {
        k = j + 1;
        break;
      }
    }
    // Gerunds and -able adjectives do not start a task name ("interpreting model predictions",
    // "scalable … processing"); nor does a word glued to a preposition ("At-Admission Prediction").
    while (
      k < h &&
      (((/(?:ing|[ai]ble)$/.test(t[k].raw) || isParticiple(t[k].raw)) &&
        !t[k + 1].hyphen &&
        !isNameLike(t[k].raw)) ||
        (t[k].hyphen && isFunctionWord(t[k - 1])))
    )
      k++;
    // Never start inside a hyphenated word ("real-world classification", "sub-optimal …").
    if (k >= h || (t[k].hyphen && generic && !subject)) continue;
    // "MIMIC classification": a dataset or model is where the task is done, not its name.
    const first = f.matches.find((m) => m.start === k);
    if (
      first &&
      first.end === h &&
      first.concepts.every((ci) => NAMED.has(st.index.concepts[ci].type))
    )
      continue;
    const mods = t.slice(k, h);
    // "post-processing": a prefix is not a modifier; "visual recognition": one adjective is too vague.
    if (mods.every((x) => splitPrefixes.has(x.norm))) continue;
    if (mods.length === 1 && lexTag(mods[0].raw.toLowerCase()) === "Adjective") continue;
    const tokens = t.slice(k, h + 1);
    if (!tokens.every((x) => /\p{L}/u.test(x.raw))) continue;
    if (generic && !subject && !plainModifiers(mods)) continue;
    // A head that names no task alone ("analysis", "generation") takes no blocker as its one
    // modifier: "data analysis", "model prediction" are no tasks; "clinical data extraction" is.
    if (!generic && !subject && mods.length === 1 && notTaskModifiers.has(mods[0].norm)) continue;
    // "<condition> prediction": is-a the generic task of that head for conditions (risk prediction).
    const whole = f.matches.find((m) => m.start === k && m.end === h);
    const conditionParent = !generic && whole ? conditionTaskParent(st, whole, head) : undefined;
    const parents = generic ? [generic] : conditionParent ? [conditionParent] : [];
    addNew(st, f, "task", tokens, "noun-phrase", st.opts.confidence.nounPhrase, parents);
  }
}

const notTaskModifiers = new Set(headNouns.notTaskModifiers.map(normWord));

/**
 * A subject's modifiers before it ("Cardiac CT Segmentation", "brain MRI classification"): content
 * words glued to it, at most three words before the head in all; the checks after it trim verbs,
 * gerunds and adjectives alone as for any task phrase.
 */
function extendSubject(t: Token[], k: number, h: number): number {
  while (
    k > 0 &&
    h - k < 4 &&
    t[k].joined &&
    /\p{L}/u.test(t[k - 1].raw) &&
    !isFunctionWord(t[k - 1]) &&
    !isWeak(t[k - 1]) &&
    !taskHeads.has(t[k - 1].norm) &&
    !notTaskModifiers.has(t[k - 1].norm)
  )
    k--;
  return k;
}

/** Modifiers that may make a task of a generic task head: up to three, none a blocker or task head. */
function plainModifiers(mods: Token[]): boolean {
  return (
    mods.length <= 3 && mods.every((x) => !notTaskModifiers.has(x.norm) && !taskHeads.has(x.norm))
  );
}

/** The generic task the head word h names on its own ("segmentation" → image segmentation). */
function headTask(st: PaperState, f: Field, h: number): string | undefined {
  const m = f.matches.find((x) => x.start === h && x.end === h + 1);
  const c = m?.concepts.map((ci) => st.index.concepts[ci]).find((x) => x.type === "task");
  return (
    c?.id ??
    (st.index.byId.has(`task:${f.tokens[h].norm}`) ? `task:${f.tokens[h].norm}` : undefined)
  );
}

const conditionParents = new Map(Object.entries(headNouns.conditionTaskParents));

/** The generic task of a "<condition> <head>" task (head-nouns.json conditionTaskParents). */
function conditionTaskParent(st: PaperState, object: Match, head: Token): string | undefined {
  const isCondition = object.concepts.every((ci) => st.index.concepts[ci].type === "condition");
  const id = isCondition ? conditionParents.get(head.norm) : undefined;
  return id && st.index.byId.has(id) ? id : undefined;
}

const NAMED = new Set(["dataset", "model"]);
const SUBJECTS = new Set(["modality", "condition"]);

/** A modality or condition match ending right before the task head h and starting before `from`. */
function subjectBefore(st: PaperState, f: Field, h: number, from: number): Match | undefined {
  return f.matches.find(
    (m) =>
      m.end === h &&
      m.start < from &&
      f.tokens[h].joined &&
      m.concepts.every((ci) => SUBJECTS.has(st.index.concepts[ci].type)),
  );
}

/** Words that may follow a task name without making it a modifier ("risk prediction model"). */
const phraseEnders = new Set(
  [
    "model",
    "task",
    "system",
    "framework",
    "method",
    "approach",
    "pipeline",
    "tool",
    "performance",
    "accuracy",
    "benchmark",
    "dataset",
    "challenge",
    "problem",
    "setting",
    "algorithm",
    "network",
  ].map(normWord),
);
