// Head-noun typing within one paper: a noun phrase the paper writes at least twice (title and
// abstract together) and whose last word is a typing head ("… alignment network" → method,
// "feature alignment prediction" → task, "histone modification signals" → modality) is typed even
// when no other paper of the corpus has it, as corpus topics are by topic-types.ts. The phrase
// must not be a concept the paper already has (stage 1's `dup`); of nested phrases only the
// longest is kept ("graph attention network", not also "attention network", where every
// occurrence of the shorter one lies inside the longer).
import { headTypeOfKey, type TopicType, topicType } from "./topic-types.ts";

/** One paper's candidate typed by its head: key index, block in `occ`, label and type. */
export interface OwnTyped {
  k: number;
  pos: number;
  label: string;
  type: TopicType;
}

export interface OwnInput {
  keys: string[];
  occ: number[];
  dup: number[];
  /** Key indices the corpus path already handles (kept corpus terms). */
  handled: Set<number>;
  /** Canonical label of the written form of occurrence q (field, start, end at occ[q..q+2]). */
  labelAt: (q: number) => string;
  /** Occurrences the paper must have (default 2). */
  minOccurrences: number;
}

interface Cand {
  k: number;
  pos: number;
  words: number;
}

function candidatesOf(o: OwnInput): Cand[] {
  const dup = new Set(o.dup);
  const out: Cand[] = [];
  let pos = 0;
  for (let k = 0; k < o.keys.length; k++) {
    const n = o.occ[pos];
    const key = o.keys[k];
    if (n >= o.minOccurrences && !dup.has(k) && !o.handled.has(k) && headTypeOfKey(key))
      out.push({ k, pos, words: key.split(" ").length });
    pos += 1 + 3 * n;
  }
  return out.sort((a, b) => b.words - a.words || a.k - b.k);
}

/** Spans (field, start, end) of a candidate's occurrences. */
function spans(occ: number[], pos: number): number[][] {
  const out: number[][] = [];
  for (let i = 0, q = pos + 1; i < occ[pos]; i++, q += 3)
    out.push([occ[q], occ[q + 1], occ[q + 2]]);
  return out;
}

const inside = (s: number[], t: number[]) => s[0] === t[0] && s[1] >= t[1] && s[2] <= t[2];

/** The paper's own recurring phrases typed by their head, longest first (see the file comment). */
export function ownHeadTyped(o: OwnInput): OwnTyped[] {
  const out: OwnTyped[] = [];
  const taken: number[][] = [];
  for (const c of candidatesOf(o)) {
    const mine = spans(o.occ, c.pos);
    if (mine.every((s) => taken.some((t) => inside(s, t)))) continue;
    const counts = new Map<string, number>();
    for (let i = 0, q = c.pos + 1; i < o.occ[c.pos]; i++, q += 3) {
      const label = o.labelAt(q);
      counts.set(label, (counts.get(label) ?? 0) + 1);
    }
    const label = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
    const type = topicType(label);
    if (!type) continue;
    taken.push(...mine);
    out.push({ k: c.k, pos: c.pos, label, type });
  }
  return out.sort((a, b) => a.k - b.k);
}
