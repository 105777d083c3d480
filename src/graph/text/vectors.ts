// Sparse text vectors of papers: per paper, the terms of its title and abstract (terms.ts) with a
// sublinear term frequency 1 + ln(tf), title words counted `titleWeight` times. Terms held by
// fewer than `minDf` papers are dropped (they cannot be shared). The idf and the normalisation
// are applied where the vectors are compared (similarity.ts), over the whole corpus.
import { compareStrings as byString } from "../../common/compare.ts";
import { termKey, words } from "./terms.ts";

export interface TextOptions {
  /** A title word counts as this many abstract words (default 2: titles are short and on topic). */
  titleWeight: number;
  /** Terms in fewer papers are dropped (default 2). */
  minDf: number;
}

export const TEXT_DEFAULTS: TextOptions = { titleWeight: 2, minDf: 2 };

export interface TextVectors {
  /** Term keys, sorted; a term's id is its index. */
  keys: string[];
  /** The most common written form of each term (ties: the first in code-unit order). */
  labels: string[];
  /** Paper i's term ids, ascending, and their weights 1 + ln(tf). */
  ids: Int32Array[];
  values: Float64Array[];
}

/** The text vectors of the papers, in their order. */
export function textVectors(
  papers: readonly { title: string; abstract: string }[],
  opts: TextOptions = TEXT_DEFAULTS,
): TextVectors {
  // Each written form once: its key (null: no term) and how often it was written.
  const keyOf = new Map<string, string | null>();
  const written = new Map<string, number>();
  const df = new Map<string, number>();
  const counts = papers.map((p) => {
    const tf = new Map<string, number>();
    const add = (text: string, w: number) => {
      for (const form of words(text)) {
        let key = keyOf.get(form);
        if (key === undefined) {
          key = termKey(form);
          keyOf.set(form, key);
        }
        if (key === null) continue;
        tf.set(key, (tf.get(key) ?? 0) + w);
        written.set(form, (written.get(form) ?? 0) + 1);
      }
    };
    add(p.title, opts.titleWeight);
    add(p.abstract, 1);
    for (const k of tf.keys()) df.set(k, (df.get(k) ?? 0) + 1);
    return tf;
  });
  const keys = [...df].filter(([, d]) => d >= opts.minDf).map(([k]) => k);
  keys.sort(byString);
  const idOf = new Map(keys.map((k, i) => [k, i]));
  // A term's label: its most written form (ties: the first in code-unit order).
  const labels = [...keys];
  const best = new Float64Array(keys.length);
  for (const [form, c] of [...written].sort((a, b) => byString(a[0], b[0]))) {
    const id = idOf.get(keyOf.get(form) as string);
    if (id !== undefined && c > best[id]) {
      best[id] = c;
      labels[id] = form;
    }
  }
  const ids: Int32Array[] = [];
  const values: Float64Array[] = [];
  for (const tf of counts) {
    const kept: [number, number][] = [];
    for (const [k, c] of tf) {
      const id = idOf.get(k);
      if (id !== undefined) kept.push([id, 1 + Math.log(c)]);
    }
    kept.sort((a, b) => a[0] - b[0]);
    ids.push(Int32Array.from(kept, (x) => x[0]));
    values.push(Float64Array.from(kept, (x) => x[1]));
  }
  return { keys, labels, ids, values };
}

/** Where buildGraph takes the text vectors of its papers from (default: textVectors, here). */
export type TextSource = (
  papers: readonly { id: string; title: string; abstract: string }[],
  opts: TextOptions,
) => TextVectors;
