// Short forms inside hyphenated model names: "LSTM-CRF", "BERT-CRF", "CNN-RF". An abbreviation that
// is matched alone only where a paper defines it ("CRF" is also a case report form) names its
// method when it follows a method or model the paper names across a hyphen: the compound says
// which sense is meant. Only after the known part: before it, the short form is usually a
// modifier of the paper's own name ("MPC-BERT" is multi-party conversation, "DP-GCN" dependency
// pruning). Only an abbreviation that names one method or model concept.
import { addMention, draftOf, type PaperState } from "./draft.ts";
import type { Field } from "./field.ts";

/** Types a compound's known part must have, and its short form must name. */
const TYPES = new Set(["method", "model"]);
/** An acronym: capitals and digits, 2-6 characters. */
const ACRONYM = /^[A-Z][A-Z0-9]{1,5}$/;

/** Is token j inside an ontology match of a method or model? */
function knownPart(st: PaperState, f: Field, j: number): boolean {
  return f.matches.some(
    (m) =>
      m.start <= j && j < m.end && m.concepts.some((ci) => TYPES.has(st.index.concepts[ci].type)),
  );
}

export function compoundAbbreviations(st: PaperState, f: Field): void {
  const t = f.tokens;
  for (let i = 0; i < t.length; i++) {
    const raw = t[i].raw;
    if (!ACRONYM.test(raw) || f.matches.some((m) => m.start <= i && i < m.end)) continue;
    if (!t[i].hyphen || i === 0 || !knownPart(st, f, i - 1)) continue;
    const named = (st.index.ambiguous.get(raw) ?? [])
      .map((ci) => st.index.concepts[ci])
      .filter((c) => TYPES.has(c.type));
    if (named.length !== 1) continue;
    addMention(
      draftOf(st, named[0]),
      f,
      t[i].start,
      t[i].end,
      "abbreviation",
      st.opts.confidence.abbreviation,
    );
  }
}
