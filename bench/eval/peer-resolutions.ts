// npx tsx bench/eval/peer-resolutions.ts [res…] [--corpora DIR]: the TF-IDF peer's
// NMI on AAAI 2022 at other Louvain resolutions, so litgraph's communities can be compared with
// the peer's at the same number of communities (NMI rises with the number of communities).
import { resolve } from "node:path";
import { loadAaai, scorePeer } from "./aaai.ts";

const args = process.argv.slice(2);
const at = args.indexOf("--corpora");
const corpora = resolve(at >= 0 ? args[at + 1] : "../shared/corpora");
const resolutions = args.filter((_, i) => at < 0 || (i !== at && i !== at + 1)).map(Number);
const data = await loadAaai(corpora);
for (const r of resolutions.length ? resolutions : [1, 1.5, 2, 3]) {
  const s = scorePeer(data, r);
  const f = (x: number) => x.toFixed(3);
  console.log(
    `resolution ${r}: NMI(5 seeds) tune ${f(s.nmi.tune)} check ${f(s.nmi.check)} all ${f(s.nmi.all)} (${s.communities} communities)`,
  );
}
