// By-hand conservation run over the shared corpora (not part of `npm test`, which must not read
// ../shared): for every corpus file, records counted without the readers (count.ts) against the
// ingest summary, read + rejected = records, papers = read − merged, every reject with a reason.
//   npx tsx test/fuzz/conservation-corpora.ts [corpora dir] [seeds dir] [gold file]
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { ingestPaths } from "../../src/ingest/files.ts";
import { decodeBytes, detectReader } from "../../src/ingest/index.ts";
import { READERS } from "../../src/ingest/readers/registry.ts";
import { countRecords } from "./count.ts";

const [
  corpora = "../shared/corpora",
  seeds = "../shared/seeds",
  gold = "../shared/gold/seed-gold.json",
] = process.argv.slice(2);
const walk = (d: string): string[] =>
  readdirSync(d)
    .sort()
    .flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
const seedCount = (JSON.parse(readFileSync(gold, "utf8")) as { papers: unknown[] }).papers.length;
const files = [...walk(corpora), ...walk(seeds)].filter((f) => !f.endsWith(".md"));

let bad = 0;
const totals = { counted: 0, records: 0, read: 0, merged: 0, rejected: 0, papers: 0 };
for (const file of files) {
  const text = decodeBytes(readFileSync(file)).text;
  const format = detectReader(text, file, READERS)?.format ?? "?";
  const counted = format === "?" ? Number.NaN : countRecords(format, text, seedCount);
  const r = await ingestPaths([file], { asOf: new Date("2026-11-27T00:00:00Z") });
  const s = r.summary;
  const ok =
    s.records === counted &&
    s.read + s.rejected === s.records &&
    s.papers === s.read - s.merged &&
    r.rejected.every((x) => x.reason.trim().length > 0);
  if (!ok) bad++;
  for (const k of Object.keys(totals) as (keyof typeof totals)[])
    totals[k] += k === "counted" ? counted : s[k];
  const reasons = new Map<string, number>();
  for (const x of r.rejected) {
    const why = x.reason.replace(/^ingest(\/\w+)?: [^:]+: /, "").slice(0, 60);
    reasons.set(why, (reasons.get(why) ?? 0) + 1);
  }
  console.log(
    `${ok ? "ok " : "BAD"} ${file.replace(/^.*shared\//, "")} [${format}] counted ${counted}: ` +
      `${s.records} records = ${s.read} read + ${s.rejected} rejected; ${s.merged} merged → ${s.papers} papers` +
      (reasons.size ? `; rejects: ${[...reasons].map(([w, n]) => `${n}× ${w}`).join(" | ")}` : ""),
  );
}
console.log(`total: ${JSON.stringify(totals)}; ${bad} file(s) not conserved`);
process.exitCode = bad ? 1 : 0;
