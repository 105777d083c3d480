// One figure of `npm run eval`: litgraph against a peer method on one corpus, same run.

export type EvalRow = {
  section: string;
  metric: string;
  corpus: string;
  litgraph: number;
  peer: number;
  peerName: string;
  note?: string;
};
