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
  const counted = countTerms(papers, opts.titleWeight);
  const { terms, df } = counted;
  const keys = terms.keys.filter((_, t) => df[t] >= opts.minDf).sort(byString);
  const idOf = new Map(keys.map((k, i) => [k, i]));
  const idOfTerm = Int32Array.from(terms.keys, (k) => idOf.get(k) ?? -1);
  return { keys, labels: termLabels(keys, idOfTerm, terms.forms), ...weights(counted, idOfTerm) };
}

/** A written form: its term (-1: no term) and how often it was written. */
interface WrittenForm {
  term: number;
  count: number;
}

/** Terms numbered as first met: each written form once, with its term, and each term's key. */
class TermTable {
  readonly forms = new Map<string, WrittenForm>();
  readonly keys: string[] = [];
  private readonly termOf = new Map<string, number>();

  /** The written form's entry (its term number, or -1 when it is no term). */
  form(written: string): WrittenForm {
    let f = this.forms.get(written);
    if (f === undefined) {
      const key = termKey(written);
      f = { term: key === null ? -1 : this.term(key), count: 0 };
      this.forms.set(written, f);
    }
    return f;
  }

  private term(key: string): number {
    let t = this.termOf.get(key);
    if (t === undefined) {
      t = this.keys.length;
      this.keys.push(key);
      this.termOf.set(key, t);
    }
    return t;
  }
}

/** Per paper, its terms (in the order first met) and their counts; per term, its papers. */
interface TermCounts {
  terms: TermTable;
  df: number[];
  paperTerms: number[][];
  paperCounts: number[][];
}

/**
 * Each paper's term counts (a title word counts `titleWeight` times), through arrays indexed by
 * term number rather than a map per paper (a 6,318-paper corpus has about 1M words).
 */
function countTerms(
  papers: readonly { title: string; abstract: string }[],
  titleWeight: number,
): TermCounts {
  const terms = new TermTable();
  const df: number[] = [];
  const tf: number[] = [];
  const lastPaper: number[] = [];
  const paperTerms: number[][] = [];
  const paperCounts: number[][] = [];
  papers.forEach((p, i) => {
    const seen: number[] = [];
    const add = (text: string, w: number) => {
      for (const written of words(text)) {
        const f = terms.form(written);
        if (f.term < 0) continue;
        f.count++;
        const t = f.term;
        if (lastPaper[t] !== i) {
          lastPaper[t] = i;
          tf[t] = 0;
          seen.push(t);
        }
        tf[t] += w;
      }
    };
    add(p.title, titleWeight);
    add(p.abstract, 1);
    for (const t of seen) df[t] = (df[t] ?? 0) + 1;
    paperTerms.push(seen);
    paperCounts.push(seen.map((t) => tf[t]));
  });
  return { terms, df, paperTerms, paperCounts };
}

/** Each term's label: its most written form (ties: the first in code-unit order). */
function termLabels(
  keys: string[],
  idOfTerm: Int32Array,
  forms: ReadonlyMap<string, WrittenForm>,
): string[] {
  const labels = [...keys];
  const best = new Float64Array(keys.length);
  const written = [...forms].filter(([, f]) => f.term >= 0);
  for (const [form, f] of written.sort((a, b) => byString(a[0], b[0]))) {
    const id = idOfTerm[f.term];
    if (id >= 0 && f.count > best[id]) {
      best[id] = f.count;
      labels[id] = form;
    }
  }
  return labels;
}

/** Each paper's kept term ids, ascending, and their weights 1 + ln(tf). */
function weights(counted: TermCounts, idOfTerm: Int32Array): Pick<TextVectors, "ids" | "values"> {
  const ids: Int32Array[] = [];
  const values: Float64Array[] = [];
  counted.paperTerms.forEach((terms, p) => {
    const counts = counted.paperCounts[p];
    const kept: [number, number][] = [];
    for (let k = 0; k < terms.length; k++) {
      const id = idOfTerm[terms[k]];
      if (id >= 0) kept.push([id, 1 + Math.log(counts[k])]);
    }
    kept.sort((a, b) => a[0] - b[0]);
    ids.push(Int32Array.from(kept, (x) => x[0]));
    values.push(Float64Array.from(kept, (x) => x[1]));
  });
  return { ids, values };
}

/** Where buildGraph takes the text vectors of its papers from (default: textVectors, here). */
export type TextSource = (
  papers: readonly { id: string; title: string; abstract: string }[],
  opts: TextOptions,
) => TextVectors;
