// Picks the fourth clinical held-out set (test/fixtures/heldout/papers-tune4.json), a TUNE set of
// 20 clinical-ML / ML-for-health abstracts for issue 21: the procedure of the check sets
// (bench/eval/pick.ts), so these are the next ones in sha256-of-title order of the pools that
// check set 3 drew its clinical papers from. pubmed/ and openalex/ hold no machine-learning
// abstract (biomedicine; conservation and development) and are not pools.
//   npx tsx bench/eval/pick-tune4.ts            list the picks
//   npx tsx bench/eval/pick-tune4.ts --write    also write papers-tune4.json
import { CLINICAL_SKIPS, clinicalPools, pickHeldout } from "./pick.ts";

await pickHeldout("tune4", clinicalPools({ pmlr: 7, deepReview: 6, paperlists: 7 }), {
  ...CLINICAL_SKIPS,
  "deep-review-csl:vk9ZInF3": "a biology consortium's programme (cell atlas), no machine learning",
  "paperlists:aaai2022:04371": "'guild health' of online games, not health",
});
