// Picks the fifth clinical held-out set (test/fixtures/heldout/papers-tune5.json), a TUNE set of
// 20 clinical-ML / ML-for-health abstracts for issue 21: the procedure of the check sets
// (bench/eval/pick.ts), so these are the next ones in sha256-of-title order of the pools that
// check set 3 drew its clinical papers from. pubmed/ and openalex/ hold no machine-learning
// abstract (biomedicine; conservation and development) and are not pools.
//   npx tsx bench/eval/pick-tune5.ts            list the picks
//   npx tsx bench/eval/pick-tune5.ts --write    also write papers-tune5.json
import { join } from "node:path";
import { CLINICAL, FIXTURES, type Pool, pickSet } from "./pick.ts";

const POOLS: Pool[] = [
  { name: "pmlr-health", paths: ["pmlr-health-bibtex"], take: 7, keep: () => true },
  {
    name: "deep-review clinical",
    paths: ["deep-review-csl/references.json"],
    take: 6,
    keep: (p) => CLINICAL.test(`${p.title} ${p.abstract}`),
  },
  {
    name: "paperlists clinical title",
    paths: ["paperlists"],
    take: 7,
    keep: (p) => CLINICAL.test(p.title),
  },
];

/** Items skipped by hand, by key, with the reason (decided from the title before reading). */
const SKIP: Record<string, string> = {
  "deep-review-csl:AEc66xxR":
    "visual analytics of CNNs in general; its one clinical word is 'diagnosing' a model",
  "deep-review-csl:CNz9HwZ3":
    "an endocrinology review of alternative splicing, no machine learning",
  "paperlists:coling2022:2022.coling-1.474": "Chinese grammatical error 'diagnosis', not health",
  "deep-review-csl:vk9ZInF3": "a biology consortium's programme (cell atlas), no machine learning",
  "paperlists:aaai2022:04371": "'guild health' of online games, not health",
  "deep-review-csl:AsLAb71x":
    "security and privacy of machine learning; its one clinical word is 'diagnostics'",
  "paperlists:acl2021:2021.acl-long.439": "a 'diagnostic' dataset of video dialogue, not health",
};

await pickSet({
  pools: POOLS,
  skip: SKIP,
  own: new Set(["papers-tune5.json", "gold-tune5.json"]),
  out: join(FIXTURES, "heldout", "papers-tune5.json"),
});
