// Lists the noun phrases of the shared corpora that the extractor keeps only as a topic or not at
// all, by how many papers write them (document frequency), to find standard terms the ontology
// lacks from real papers rather than from a held-out set's misses:
//   npx tsx bench/eval/corpus-phrases.ts [--min=5] [--top=400] [--words=2] [--dirs=pubmed,wos]
// Papers whose folded title occurs in any held-out fixture (check sets, field sets, tune sets) are
// left out, so no check-set paper is read. Reads /work/shared/corpora (CORPORA to override); tests
// never run it.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { conceptIndex } from "../../src/extract/concept-index.ts";
import { extractPapers } from "../../src/extract/index.ts";
import { resolveOptions } from "../../src/extract/options.ts";
import { extractPart } from "../../src/extract/staged.ts";
import { ingestPaths } from "../../src/ingest/files.ts";

const CORPORA = process.env.CORPORA ?? "/work/shared/corpora";
const HELDOUT = new URL("../../test/fixtures/heldout/", import.meta.url).pathname;
const arg = (name: string, d: number): number =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? d);
const MIN = arg("min", 5);
const TOP = arg("top", 400);
const WORDS = arg("words", 1);

const fold = (s: string): string =>
  s
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");

const heldout = readdirSync(HELDOUT)
  .filter((f) => f.endsWith(".json"))
  .map((f) => fold(readFileSync(join(HELDOUT, f), "utf8")))
  .join("|");

const dirs = process.argv
  .find((a) => a.startsWith("--dirs="))
  ?.slice(7)
  .split(",");
const r = await ingestPaths(
  (dirs ?? readdirSync(CORPORA).filter((d) => !d.endsWith(".md"))).map((d) => join(CORPORA, d)),
  { asOf: new Date("2026-12-07T00:00:00Z") },
);
const papers = r.papers.filter(
  (p) => (p.abstract ?? "").length >= 200 && !heldout.includes(fold(p.title)),
);
console.error(`${papers.length} papers (of ${r.papers.length}) after leaving out held-out titles`);
const out = extractPapers(papers);
const ropts = resolveOptions({});
const index = conceptIndex({});
const df = new Map<string, number>();
const asTopic = new Map<string, number>();
papers.forEach((p, i) => {
  const typed = new Set(
    out[i].entities
      .filter((e) => e.type !== "topic" && e.type !== "keyword")
      .map((e) => e.label.toLowerCase()),
  );
  for (const e of out[i].entities)
    if (e.type === "topic")
      asTopic.set(e.label.toLowerCase(), (asTopic.get(e.label.toLowerCase()) ?? 0) + 1);
  const c = extractPart({ title: p.title, abstract: p.abstract ?? "" }, index, ropts).candidates;
  if (!c) return;
  const keys = c.keys.split("\n");
  const dup = new Set(c.dup);
  keys.forEach((k, j) => {
    if (dup.has(j) || typed.has(k) || k.split(" ").length < WORDS) return;
    df.set(k, (df.get(k) ?? 0) + 1);
  });
});
const rows = [...df]
  .filter(([, n]) => n >= MIN)
  .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
for (const [k, n] of rows.slice(0, TOP))
  console.log(`${String(n).padStart(4)}  ${String(asTopic.get(k) ?? 0).padStart(4)}  ${k}`);
