// Picks the fifth clinical held-out set (test/fixtures/heldout/papers-tune5.json), a TUNE set of
// 20 clinical-ML / ML-for-health abstracts for issue 21: the procedure of the check sets
// (bench/eval/pick.ts), so these are the next ones in sha256-of-title order of the pools that
// check set 3 drew its clinical papers from. pubmed/ and openalex/ hold no machine-learning
// abstract (biomedicine; conservation and development) and are not pools.
//   npx tsx bench/eval/pick-tune5.ts            list the picks
//   npx tsx bench/eval/pick-tune5.ts --write    also write papers-tune5.json
import { CLINICAL_SKIPS, clinicalPools, pickHeldout } from "./pick.ts";

await pickHeldout("tune5", clinicalPools({ pmlr: 7, deepReview: 6, paperlists: 7 }), {
  ...CLINICAL_SKIPS,
  "deep-review-csl:vk9ZInF3": "a biology consortium's programme (cell atlas), no machine learning",
  "paperlists:aaai2022:04371": "'guild health' of online games, not health",
  "deep-review-csl:AsLAb71x":
    "security and privacy of machine learning; its one clinical word is 'diagnostics'",
  "paperlists:acl2021:2021.acl-long.439": "a 'diagnostic' dataset of video dialogue, not health",
});
