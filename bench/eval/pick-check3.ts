// Picks the third held-out check set (test/fixtures/heldout/papers-check3.json) by hash, not by
// content, so anyone can repeat it: each pool is read with litgraph's readers, filtered to
// abstracts of 400+ characters whose folded title (lowercase letters and digits) occurs in no
// file of test/fixtures/ (the set's own two files aside), ordered by sha256 of the title, and
// the first ones taken, skipping the items listed in SKIP (clearly outside the pool's field).
//   npx tsx bench/eval/pick-check3.ts            list the picks
//   npx tsx bench/eval/pick-check3.ts --write    also write papers-check3.json
// Reads /work/shared/corpora (CORPORA to override); tests never run it.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { ingestPaths } from "../../src/ingest/files.ts";
import type { PaperRecord } from "../../src/ingest/types.ts";

const CORPORA = process.env.CORPORA ?? "/work/shared/corpora";
const FIXTURES = new URL("../../test/fixtures/", import.meta.url).pathname;
const OUT = join(FIXTURES, "heldout", "papers-check3.json");
const OWN = new Set(["papers-check3.json", "gold-check3.json"]);
const AS_OF = new Date("2026-12-07T00:00:00Z");

/** The clinical words of the first check set (title or abstract, for deep-review). */
const CLINICAL =
  /\b(patients?|clinical|clinicians?|hospitals?|health|healthcare|medical|medicine|EHRs?|diagnos\w*|diseases?|mortality|ICU|care)\b/i;

interface Pool {
  name: string;
  paths: string[];
  take: number;
  keep: (p: PaperRecord) => boolean;
}

const POOLS: Pool[] = [
  {
    name: "pmlr-health",
    paths: ["pmlr-health-bibtex"],
    take: 7,
    keep: () => true,
  },
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

const fold = (s: string): string =>
  s
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function fixtureText(): string {
  return filesUnder(FIXTURES)
    .filter((f) => !OWN.has(basename(f)))
    .map((f) => fold(readFileSync(f, "utf8")))
    .join("|");
}

function keyOf(p: PaperRecord): string {
  const src = p.sources[0];
  const dir = basename(join(src.file, ".."));
  const file = basename(src.file).replace(/\.json$/, "");
  return dir === "paperlists" ? `paperlists:${file}:${src.entry}` : `${dir}:${src.entry}`;
}

const clean = (s: string): string =>
  s
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();

const sha = (s: string): string => createHash("sha256").update(s).digest("hex");

async function pick(pool: Pool, seen: string, taken: Set<string>): Promise<PaperRecord[]> {
  const r = await ingestPaths(
    pool.paths.map((p) => join(CORPORA, p)),
    { asOf: AS_OF },
  );
  const candidates = r.papers
    .filter((p) => clean(p.abstract ?? "").length >= 400 && pool.keep(p))
    .filter((p) => !seen.includes(fold(p.title)) && !taken.has(fold(p.title)))
    .sort((a, b) => (sha(a.title) < sha(b.title) ? -1 : 1));
  const out: PaperRecord[] = [];
  for (const p of candidates) {
    if (out.length === pool.take) break;
    const skip = SKIP[keyOf(p)];
    console.log(
      `${skip ? "  skip" : "  take"} ${keyOf(p)}  ${p.title}${skip ? `  (${skip})` : ""}`,
    );
    if (!skip) out.push(p);
  }
  return out;
}

async function main(): Promise<void> {
  const seen = fixtureText();
  const taken = new Set<string>();
  const picked: PaperRecord[] = [];
  for (const pool of POOLS) {
    console.log(pool.name);
    for (const p of await pick(pool, seen, taken)) {
      taken.add(fold(p.title));
      picked.push(p);
    }
  }
  const rows = picked.map((p) => ({
    key: keyOf(p),
    title: clean(p.title),
    abstract: clean(p.abstract ?? ""),
  }));
  if (process.argv.includes("--write")) writeFileSync(OUT, `${JSON.stringify(rows, null, 1)}\n`);
}

await main();
