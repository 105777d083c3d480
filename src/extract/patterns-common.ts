// What the contribution patterns share (patterns.ts, patterns-names.ts): the ontology match ending
// at a token, a phrase's concept type, and adding a new (non-ontology) entity with its mention.
import { addMention, draftFor, type PaperState } from "./draft.ts";
import type { Field } from "./field.ts";
import type { Match } from "./matcher.ts";
import { canonicalLabel, isNameLike, type NewType } from "./phrases.ts";
import { singular } from "./text/normalise.ts";
import type { Token } from "./text/tokenize.ts";
import type { EntityType, MentionRole, Rule } from "./types.ts";

/** Ontology match in f ending exactly at token b (exclusive), starting at or after a; the longest. */
export function matchEndingAt(f: Field, a: number, b: number): Match | undefined {
  let best: Match | undefined;
  for (const m of f.matches)
    if (m.end === b && m.start >= a && (!best || m.start < best.start)) best = m;
  return best;
}

export function conceptTypeIn(st: PaperState, f: Field) {
  return (core: Token[]): EntityType | null => {
    if (!core.length) return null;
    const a = f.tokens.indexOf(core[0]);
    const m = matchEndingAt(f, a, a + core.length);
    return m ? st.index.concepts[m.concepts[0]].type : null;
  };
}

export function span(tokens: Token[]): [number, number] {
  return [tokens[0].start, tokens[tokens.length - 1].end];
}

export function addNew(
  st: PaperState,
  f: Field,
  type: NewType,
  tokens: Token[],
  rule: Rule,
  confidence: number,
  parents: string[] = [],
  asWritten = false,
  role?: MentionRole,
): string {
  const label = asWritten
    ? tokens.map((x, i) => (i === 0 ? x.raw : x.hyphen ? `-${x.raw}` : ` ${x.raw}`)).join("")
    : canonicalLabel(tokens, expander(st));
  const d = draftFor(st, type, label, parents);
  for (const p of parents) if (p !== d.id) d.parents.add(p);
  const [s, e] = span(tokens);
  addMention(d, f, s, e, rule, confidence, role);
  return d.id;
}

/** Replace a defined short form by its long form in a label ("PE prediction" → "pulmonary embolism prediction"). */
export function expander(st: PaperState) {
  return (t: Token): string | undefined => {
    const sf = st.shortForms.get(t.raw) ?? st.shortForms.get(t.raw.replace(/s$/, ""));
    if (!sf) return undefined;
    const id = sf.ids[0];
    const d = id ? st.drafts.get(id) : undefined;
    if (d) return d.label;
    const words = sf.long.split(/\s+/);
    return words
      .map((w, i) => {
        const lw = isNameLike(w) ? w : w.toLowerCase();
        return i === words.length - 1 ? singular(lw) : lw;
      })
      .join(" ");
  };
}

/** Some new (non-ontology) entity already has a mention overlapping [s, e) in f. */
export function overlapsNew(st: PaperState, f: Field, s: number, e: number): boolean {
  for (const d of st.drafts.values()) {
    if (st.index.byId.has(d.id)) continue;
    for (const m of d.mentions.values())
      if (m.field === f.name && m.start < e && m.end > s) return true;
  }
  return false;
}
