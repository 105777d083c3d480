// The TF-IDF peer of npm run eval: what a short script with a standard toolkit gives (like
// scikit-learn's TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=2) + cosine):
// tf 1 + ln(count) over title + abstract, tokens of 2+ letters/digits, English stop words and
// words of one paper out, smooth idf ln((1+N)/(1+df)) + 1, L2-normalised; related = the 5 highest cosines; communities = Louvain on the symmetrised
// cosine kNN graph (k = 15). Written apart from src/graph/text on purpose: it is the baseline.
import Graph from "graphology";
import louvain from "graphology-communities-louvain";
import { createRng } from "../../src/common/rng.ts";
import { englishStopWords } from "../../src/graph/text/lexicon.ts";

export interface PeerDoc {
  title: string;
  abstract: string;
}

type Vector = Map<number, number>;

function vectors(docs: readonly PeerDoc[]): Vector[] {
  const vocab = new Map<string, number>();
  const counts = docs.map((d) => {
    const c = new Map<number, number>();
    for (const tok of `${d.title} ${d.abstract}`.toLowerCase().match(/[a-z0-9]{2,}/g) ?? []) {
      if (englishStopWords.has(tok)) continue;
      let id = vocab.get(tok);
      if (id === undefined) {
        id = vocab.size;
        vocab.set(tok, id);
      }
      c.set(id, (c.get(id) ?? 0) + 1);
    }
    return c;
  });
  const df = new Int32Array(vocab.size);
  for (const c of counts) for (const id of c.keys()) df[id]++;
  const n = docs.length;
  return counts.map((c) => {
    const v: Vector = new Map();
    let norm = 0;
    for (const [id, tf] of c) {
      if (df[id] < 2) continue;
      const w = (1 + Math.log(tf)) * (Math.log((1 + n) / (1 + df[id])) + 1);
      v.set(id, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [id, w] of v) v.set(id, w / norm);
    return v;
  });
}

/** Each document's k most similar others by cosine (higher first, then lower index). */
export function tfidfNeighbours(docs: readonly PeerDoc[], k: number): { j: number; w: number }[][] {
  const vs = vectors(docs);
  const postings = new Map<number, { i: number; w: number }[]>();
  vs.forEach((v, i) => {
    for (const [id, w] of v) {
      const list = postings.get(id) ?? [];
      list.push({ i, w });
      postings.set(id, list);
    }
  });
  const score = new Float64Array(docs.length);
  return vs.map((v, i) => {
    const touched = new Set<number>();
    for (const [id, w] of v)
      for (const p of postings.get(id) ?? []) {
        if (p.i === i) continue;
        score[p.i] += w * p.w;
        touched.add(p.i);
      }
    const best = [...touched]
      .map((j) => ({ j, w: score[j] }))
      .sort((x, y) => y.w - x.w || x.j - y.j)
      .slice(0, k);
    for (const j of touched) score[j] = 0;
    return best;
  });
}

/** Louvain (graphology, resolution 1, seeded) on the symmetrised kNN graph: a community per doc. */
export function knnLouvain(
  neighbours: { j: number; w: number }[][],
  seed = 42,
  resolution = 1,
): number[] {
  const g = new Graph({ type: "undirected" });
  neighbours.forEach((_, i) => {
    g.addNode(String(i));
  });
  neighbours.forEach((list, i) => {
    for (const { j, w } of list) {
      if (w <= 0) continue;
      const [a, b] = i < j ? [i, j] : [j, i];
      if (!g.hasEdge(String(a), String(b))) g.addEdge(String(a), String(b), { weight: w });
    }
  });
  const parts = louvain(g, { rng: createRng(seed), getEdgeWeight: "weight", resolution });
  return neighbours.map((_, i) => parts[String(i)]);
}
