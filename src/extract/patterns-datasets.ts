// Named resources by their year: "SemEval-2014", "CoNLL 2003", "BraTS 2021", "Homekit2020"
// (a benchmark, challenge or shared task named with the year of its release). Conferences named
// the same way ("NeurIPS 2021") are listed in lexicon/named-resources.json and left alone.
import { z } from "zod";
import namedJson from "./lexicon/named-resources.json" with { type: "json" };
import { addMention, draftFor, type Field, type PaperState } from "./paper.ts";

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
