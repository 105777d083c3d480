// Scores one held-out set, or the part of it whose keys match a pattern, without listing misses
// (for check sets: report only):
//   npx tsx bench/eval/heldout-score.ts check3 [--keys=REGEX]
import { extractPapers } from "../../src/extract/index.ts";
import { record } from "../../test/fixtures/extract/records.ts";
import { score } from "../../test/fixtures/heldout/score.ts";
import { HELDOUT_SETS } from "../../test/fixtures/heldout/sets.ts";

const id = process.argv[2];
const keys = process.argv.find((a) => a.startsWith("--keys="))?.slice(7);
const set = HELDOUT_SETS.find((s) => s.id === id);
if (!set) throw new Error(`no held-out set ${id}: ${HELDOUT_SETS.map((s) => s.id).join(", ")}`);
const re = keys ? new RegExp(keys) : undefined;
const papers = set.papers.filter((p) => !re || re.test(p.key));
const titles = new Set(papers.map((p) => p.title));
const out = extractPapers(papers.map((p) => record(p.title, p.abstract, p.key)));
const s = score(
  set.gold.filter((g) => titles.has(g.title)),
  out,
);
const f = (x: number) => x.toFixed(3);
console.log(
  `${set.name}${keys ? ` keys /${keys}/ (${papers.length})` : ""}: R ${f(s.recall)} (${s.found}/${s.required}) P ${f(s.precision)} (${s.ok}/${s.predicted})`,
);
