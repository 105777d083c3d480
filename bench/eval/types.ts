// One line of the `npm run eval` table: a litgraph figure beside a peer's on the same corpus.
export type EvalRow = {
  /** What is measured: "communities", "related", "extraction", "identity", … */
  section: string;
  /** The figure: "NMI", "P@5", "recall", … */
  metric: string;
  /** The corpus or the part of it (e.g. "aaai2022 tune half"). */
  corpus: string;
  litgraph: number;
  peer: number;
  /** Who the peer is ("TF-IDF kNN15 + Louvain", "exact name", …). */
  peerName: string;
  note?: string;
};
