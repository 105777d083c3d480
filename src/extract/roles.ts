// Use vs propose: a mention of a method, model or dataset in a sentence where the paper says "we
// use/adopt/fine-tune X" is `used`, in one where it says "we propose/introduce/present X" it is
// `proposed` (Mention.role, docs/ontology.md). Cue words are data: lexicon/roles.json.
import { z } from "zod";
import type { Field } from "./field.ts";
import { parse } from "./lexicon/index.ts";
import rolesJson from "./lexicon/roles.json" with { type: "json" };
import { normWord } from "./text/normalise.ts";
import type { EntityType, MentionRole } from "./types.ts";

const RoleData = z.object({
  description: z.string().optional(),
  propose: z.array(z.string()),
  use: z.array(z.string()),
  participles: z.array(z.string()),
  subjects: z.array(z.string()),
  stops: z.array(z.string()),
  self: z.array(z.string()),
});
const data = parse(RoleData, rolesJson, "roles.json");
// Keys of one token each: "fine-tune" is the tokens "fine" "tune", matched by its last word after "fine".
const keyOf = (w: string) => normWord(w.split("-").pop() ?? w);
const propose = new Set(data.propose.map(keyOf));
const use = new Set(data.use.map(keyOf));
const participles = new Set(data.participles.map(keyOf));
const subjects = new Set(data.subjects.map(normWord));
const stops = new Set(data.stops.map(normWord));
const self = new Set(data.self.map(normWord));

/** Types a paper can use or propose. */
const ROLE_TYPES = new Set<EntityType>(["method", "model", "dataset"]);
/** How far back from a mention a cue may be (tokens). */
const REACH = 12;

/** First token index whose start is at or after `offset` (binary search). */
function tokenAt(f: Field, offset: number): number {
  let lo = 0;
  let hi = f.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (f.tokens[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The role of a mention at [start, …) of an entity of `type` in field f, if its sentence says. */
export function mentionRole(f: Field, start: number, type: EntityType): MentionRole | undefined {
  if (f.name !== "abstract" || !ROLE_TYPES.has(type)) return undefined;
  const t = f.tokens;
  const i = tokenAt(f, start);
  const sentence = f.sentences.find((s) => s.start <= start && start < s.end);
  const from = sentence?.start ?? 0;
  const to = sentence?.end ?? f.text.length;
  for (let k = i - 1; k >= 0 && i - k <= REACH && t[k].start >= from; k--) {
    const w = t[k].norm;
    if (stops.has(w)) return undefined;
    if (participles.has(w)) return aboutSelf(f, from, to) ? "used" : undefined;
    const verb = propose.has(w) ? "proposed" : use.has(w) ? "used" : undefined;
    if (!verb) continue;
    for (let s = k - 1; s >= 0 && k - s <= 3 && t[s].start >= from; s--)
      if (subjects.has(t[s].norm)) return verb;
    // A cue verb without its subject ("methods use X") says nothing of this paper.
    return undefined;
  }
  return undefined;
}

/** Does the sentence [from, to) speak of the paper itself ("we", "our")? */
function aboutSelf(f: Field, from: number, to: number): boolean {
  for (let k = tokenAt(f, from); k < f.tokens.length && f.tokens[k].start < to; k++)
    if (self.has(f.tokens[k].norm)) return true;
  return false;
}
