// Quality figures of npm run eval: NMI of a partition against labels, precision at k.

/** Entropy (nats) of the counts, given their total. */
function entropy(counts: Iterable<number>, total: number): number {
  let h = 0;
  for (const c of counts) if (c > 0) h -= (c / total) * Math.log(c / total);
  return h;
}

/**
 * Normalised mutual information of two labellings of the same items (arithmetic-mean
 * normalisation, as scikit-learn's default): 1 for the same partition, 0 for independent ones.
 */
export function nmi(a: readonly string[], b: readonly string[]): number {
  if (a.length !== b.length) throw new Error(`eval/nmi: ${a.length} labels against ${b.length}`);
  const n = a.length;
  if (n === 0) return 0;
  const ca = new Map<string, number>();
  const cb = new Map<string, number>();
  const joint = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    ca.set(a[i], (ca.get(a[i]) ?? 0) + 1);
    cb.set(b[i], (cb.get(b[i]) ?? 0) + 1);
    const k = `${a[i]}\u0000${b[i]}`;
    joint.set(k, (joint.get(k) ?? 0) + 1);
  }
  const ha = entropy(ca.values(), n);
  const hb = entropy(cb.values(), n);
  let mi = 0;
  for (const [k, c] of joint) {
    const [x, y] = k.split("\u0000");
    mi += (c / n) * Math.log((c * n) / ((ca.get(x) as number) * (cb.get(y) as number)));
  }
  const mean = (ha + hb) / 2;
  return mean === 0 ? 1 : Math.max(0, mi / mean);
}

/**
 * Mean share of each query's first k answers that have the query's label; a query with fewer
 * than k answers counts the missing ones as wrong.
 */
export function precisionAt(
  k: number,
  queries: readonly { label: string; answers: readonly string[] }[],
): number {
  if (queries.length === 0) return 0;
  let sum = 0;
  for (const q of queries)
    sum += q.answers.slice(0, k).filter((label) => label === q.label).length / k;
  return sum / queries.length;
}
