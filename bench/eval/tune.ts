// npx tsx bench/eval/tune.ts '[{"similarity": {...}}, …]' [--corpora DIR]
// Scores each graph-options override on AAAI 2022 (both halves; choose on "tune" only, see
// docs/quality.md). The extraction is done once per run. NMI is the mean over Louvain seeds
// 1–5 on the built graph's similar edges (one seed moves it by about ±0.02).
import { resolve } from "node:path";
import type { GraphOptionsInput } from "../../src/graph/index.ts";
import { buildAaai, loadAaai, scoreGraphSeeds } from "./aaai.ts";

const [configs = "[{}]", flag, dir] = process.argv.slice(2);
const corpora = flag === "--corpora" && dir ? resolve(dir) : resolve("../shared/corpora");
const data = await loadAaai(corpora);
const f = (x: number) => x.toFixed(3);
for (const opts of JSON.parse(configs) as GraphOptionsInput[]) {
  const t = performance.now();
  const graph = buildAaai(data, opts);
  const s = scoreGraphSeeds(graph, data.areas);
  const nmi = (h: "tune" | "check" | "all") => f(s.nmi[h]);
  console.log(
    `NMI(5 seeds) tune ${nmi("tune")} check ${nmi("check")} all ${nmi("all")} (${s.communities}) | P@5 tune ${f(s.p5.tune)} check ${f(s.p5.check)} all ${f(s.p5.all)} | none ${s.noRelated} | ${((performance.now() - t) / 1000).toFixed(1)} s | ${JSON.stringify(opts)}`,
  );
}
