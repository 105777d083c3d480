// Named resources by their year: "SemEval-2014", "CoNLL 2003", "BraTS 2021", "Homekit2020"
// (a benchmark, challenge or shared task named with the year of its release). Conferences named
// the same way ("NeurIPS 2021") are listed in lexicon/named-resources.json and left alone.
import { z } from "zod";
import { addMention, draftFor, type PaperState } from "./draft.ts";
import type { Field } from "./field.ts";
import namedJson from "./lexicon/named-resources.json" with { type: "json" };
import { isCapitalised, isFunctionWord, isGeneric, isNameLike, isWeak } from "./phrases.ts";

const NamedResources = z.object({
  description: z.string().optional(),
  notDatasets: z.array(z.string()),
});
const parsed = NamedResources.safeParse(namedJson);
if (!parsed.success)
  throw new Error(`extract/lexicon: named-resources.json: ${parsed.error.issues[0]?.message}`);
const notDatasets = new Set(parsed.data.notDatasets);

const YEAR = /^(?:19[5-9]\d|20[0-4]\d)$/;
/** A name of two capitals or more ("CoNLL", "SemEval", "BraTS", "WMT"). */
const SPACED_NAME = /^(?=(?:.*\p{Lu}){2})\p{Lu}[\p{L}]+$/u;
/** A name of two capitals or more glued to a year ("ICDAR2015", "SemEval2010"; not the citation key "Andrews2017"). */
const GLUED = /^((?=(?:.*\p{Lu}){2})\p{Lu}[\p{L}]{2,})((?:19[5-9]|20[0-4])\d)$/u;

/** Does the name at token i (with its year at token i + 1, or glued) name a dataset? */
function yearNameEnd(f: Field, i: number): number {
  const t = f.tokens;
  const g = GLUED.exec(t[i].raw);
  if (g?.[1] && !notDatasets.has(g[1])) return i + 1;
  const next = t[i + 1];
  if (!next || !YEAR.test(next.raw) || !next.joined || !SPACED_NAME.test(t[i].raw)) return -1;
  if (notDatasets.has(t[i].raw)) return -1;
  // "BraTS 2021" or "SemEval-2014", but not across a line break or other punctuation.
  const gap = f.text.slice(t[i].end, next.start);
  return gap === " " || gap === "-" ? i + 2 : -1;
}

/** Datasets named with a year, where no ontology concept or earlier rule covers the words. */
export function yearDatasets(st: PaperState, f: Field, confidence: number): void {
  const t = f.tokens;
  for (let i = 0; i < t.length; i++) {
    // Inside a longer hyphenated word ("Re-OIE2016"), a path or an address: not a name on its own.
    if (t[i].hyphen || /[/.@_]/.test(f.text[t[i].start - 1] ?? "")) continue;
    const e = yearNameEnd(f, i);
    if (e < 0) continue;
    const [s, end] = [t[i].start, t[e - 1].end];
    if (f.matches.some((m) => t[m.start].start < end && t[m.end - 1].end > s)) continue;
    // One label for "ACE2005", "ACE-2005" and "ACE 2005".
    const written = f.text.slice(s, end);
    const label = written.replace(/^(\p{L}+)[- ]?(\d{4})$/u, "$1 $2");
    addMention(draftFor(st, "dataset", label), f, s, end, "pattern", confidence);
    i = e - 1;
  }
}

/** Capitalised heads that end a multi-word resource name ("Waymo Open Dataset"). */
const NAME_HEADS = /^(?:Dataset|Benchmark|Challenge|Corpus|Cohort|Database|Treebank|Suite)s?$/;

/**
 * "the Waymo Open Dataset", "the RSNA Pediatric Bone Age Challenge", "the Rotterdam Study
 * Cohort": a run of one to five capitalised words before a capitalised resource head, in the
 * abstract only (a title capitalises every word). A run that starts a sentence needs two words,
 * one word alone must look like a name, and one of only weak or generic words ("New Benchmark",
 * "Shared Task Challenge") is no name.
 */
export function capitalisedDatasets(st: PaperState, f: Field, confidence: number): void {
  if (f.name !== "abstract") return;
  const t = f.tokens;
  for (let i = 1; i < t.length; i++) {
    if (!NAME_HEADS.test(t[i].raw) || !t[i].joined || t[i].hyphen) continue;
    let a = i;
    while (
      a > 0 &&
      i - a < 5 &&
      t[a].joined &&
      isCapitalised(t[a - 1].raw) &&
      !isFunctionWord(t[a - 1]) &&
      !NAME_HEADS.test(t[a - 1].raw)
    )
      a--;
    if (a === i) continue;
    const name = t.slice(a, i);
    if (name.every((x) => isWeak(x) || isGeneric(x))) continue;
    // One word must look like a name ("KITTI", "SemEval"): "Diagnostic Dataset" is no name.
    if (name.length === 1 && !isNameLike(name[0].raw)) continue;
    if (/-\s/.test(f.text.slice(t[a].start, t[i].start))) continue;
    const atStart = f.sentences.some((sp) => sp.start === t[a].start);
    if (atStart && name.length < 2) continue;
    const [s, end] = [t[a].start, t[i].end];
    if (f.matches.some((m) => t[m.start].start < end && t[m.end - 1].end > s)) continue;
    if (overlapsDraft(st, f, s, end)) continue;
    addMention(draftFor(st, "dataset", f.text.slice(s, end)), f, s, end, "pattern", confidence);
  }
}

/** Some entity found so far has a mention overlapping [s, e) in f. */
function overlapsDraft(st: PaperState, f: Field, s: number, e: number): boolean {
  for (const d of st.drafts.values())
    for (const m of d.mentions.values())
      if (m.field === f.name && m.start < e && m.end > s) return true;
  return false;
}
