// Picks the third held-out check set (test/fixtures/heldout/papers-check3.json) by hash, not by
// content (the procedure: bench/eval/pick.ts), skipping the items listed in SKIP (clearly outside
// the pool's field).
//   npx tsx bench/eval/pick-check3.ts            list the picks
//   npx tsx bench/eval/pick-check3.ts --write    also write papers-check3.json
import { join } from "node:path";
import { CLINICAL, FIXTURES, type Pool, pickSet } from "./pick.ts";

const POOLS: Pool[] = [
  { name: "pmlr-health", paths: ["pmlr-health-bibtex"], take: 7, keep: () => true },
  {
    name: "deep-review clinical",
    paths: ["deep-review-csl/references.json"],
    take: 4,
    keep: (p) => CLINICAL.test(`${p.title} ${p.abstract}`),
  },
  {
    name: "paperlists clinical title",
    paths: ["paperlists"],
    take: 4,
    keep: (p) => CLINICAL.test(p.title),
  },
  {
    name: "paperlists general",
    paths: ["paperlists"],
    take: 5,
    keep: (p) => !CLINICAL.test(p.title),
  },
];

/** Items skipped by hand, by key, with the reason (filled after reading the titles only). */
const SKIP: Record<string, string> = {
  "deep-review-csl:AEc66xxR":
    "visual analytics of CNNs in general; its one clinical word is 'diagnosing' a model",
  "deep-review-csl:CNz9HwZ3":
    "an endocrinology review of alternative splicing, no machine learning",
  "paperlists:coling2022:2022.coling-1.474": "Chinese grammatical error 'diagnosis', not health",
  "paperlists:aaai2022:09953": "AAAI area Planning, Routing, and Scheduling: not ML, vision or NLP",
};

await pickSet({
  pools: POOLS,
  skip: SKIP,
  own: new Set(["papers-check3.json", "gold-check3.json"]),
  out: join(FIXTURES, "heldout", "papers-check3.json"),
});
