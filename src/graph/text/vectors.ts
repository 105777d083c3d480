// Sparse text vectors of papers: per paper, the terms of its title and abstract (terms.ts) with a
// sublinear term frequency 1 + ln(tf), title words counted `titleWeight` times. Terms held by
// fewer than `minDf` papers are dropped (they cannot be shared). The idf and the normalisation
// are applied where the vectors are compared (similarity.ts), over the whole corpus.
import { tokens } from "./terms.ts";

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

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The text vectors of the papers, in their order. */
export function textVectors(
  papers: readonly { title: string; abstract: string }[],
  opts: TextOptions = TEXT_DEFAULTS,
): TextVectors {
  const forms = new Map<string, Map<string, number>>();
  const df = new Map<string, number>();
  const counts = papers.map((p) => {
    const tf = new Map<string, number>();
    const add = (text: string, w: number) => {
      for (const t of tokens(text)) {
        tf.set(t.key, (tf.get(t.key) ?? 0) + w);
        const f = forms.get(t.key) ?? new Map<string, number>();
        forms.set(t.key, f);
        f.set(t.form, (f.get(t.form) ?? 0) + 1);
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
  const labels = keys.map((k) => {
    let best = k;
    let n = 0;
    for (const [form, c] of forms.get(k) ?? [])
      if (c > n || (c === n && form < best)) [best, n] = [form, c];
    return best;
  });
  const ids: Int32Array[] = [];
  const values: Float64Array[] = [];
  for (const tf of counts) {
    const kept = [...tf].flatMap(([k, c]) => {
      const id = idOf.get(k);
      return id === undefined ? [] : [[id, 1 + Math.log(c)] as const];
    });
    kept.sort((a, b) => a[0] - b[0]);
    ids.push(Int32Array.from(kept, (x) => x[0]));
    values.push(Float64Array.from(kept, (x) => x[1]));
  }
  return { keys, labels, ids, values };
}
