// Picks the third held-out check set (test/fixtures/heldout/papers-check3.json) by hash, not by
// content (the procedure: bench/eval/pick.ts), skipping the items listed in SKIP (clearly outside
// the pool's field).
//   npx tsx bench/eval/pick-check3.ts            list the picks
//   npx tsx bench/eval/pick-check3.ts --write    also write papers-check3.json
import { CLINICAL, CLINICAL_SKIPS, clinicalPools, pickHeldout } from "./pick.ts";

const general = {
  name: "paperlists general",
  paths: ["paperlists"],
  take: 5,
  keep: (p: { title: string }) => !CLINICAL.test(p.title),
};

await pickHeldout(
  "check3",
  [...clinicalPools({ pmlr: 7, deepReview: 4, paperlists: 4 }), general],
  {
    ...CLINICAL_SKIPS,
    "paperlists:aaai2022:09953":
      "AAAI area Planning, Routing, and Scheduling: not ML, vision or NLP",
  },
);
