// B-cubed precision, recall and F1 of a clustering of items against gold labels (Bagga &
// Baldwin 1998): per item, the share of its predicted cluster that shares its gold label
// (precision) and the share of its gold cluster that shares its predicted cluster (recall),
// averaged over items.

export interface BCubed {
  precision: number;
  recall: number;
  f1: number;
}

/** `predicted[i]` and `gold[i]` label item i; the two arrays must have the same length. */
export function bcubed(predicted: readonly string[], gold: readonly string[]): BCubed {
  if (predicted.length !== gold.length)
    throw new RangeError(`bcubed: ${predicted.length} predicted labels, ${gold.length} gold`);
  const n = predicted.length;
  if (n === 0) return { precision: 0, recall: 0, f1: 0 };
  const count = (keys: readonly string[]) => {
    const m = new Map<string, number>();
    for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
    return m;
  };
  const pSize = count(predicted);
  const gSize = count(gold);
  const both = count(predicted.map((p, i) => `${p}\u0000${gold[i]}`));
  let precision = 0;
  let recall = 0;
  for (let i = 0; i < n; i++) {
    const shared = both.get(`${predicted[i]}\u0000${gold[i]}`) as number;
    precision += shared / (pSize.get(predicted[i]) as number);
    recall += shared / (gSize.get(gold[i]) as number);
  }
  precision /= n;
  recall /= n;
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall) };
}
