// Picks held-out abstracts by hash, not by content, so anyone can repeat the choice: each pool is
// read with litgraph's readers, filtered to abstracts of 400+ characters whose folded title
// (lowercase letters and digits) occurs in no file of test/fixtures/ (the set's own files aside)
// and in no earlier pick, ordered by sha256 of the title, and the first ones taken, skipping the
// items listed in `skip` (decided from the title). Used by pick-check3.ts and pick-tune4.ts;
// reads /work/shared/corpora (CORPORA to override); tests never run it.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { ingestPaths } from "../../src/ingest/files.ts";
import type { PaperRecord } from "../../src/ingest/types.ts";

const CORPORA = process.env.CORPORA ?? "/work/shared/corpora";
export const FIXTURES = new URL("../../test/fixtures/", import.meta.url).pathname;
const AS_OF = new Date("2026-12-07T00:00:00Z");

/** The clinical words of the first check set (title or abstract, for deep-review). */
export const CLINICAL =
  /\b(patients?|clinical|clinicians?|hospitals?|health|healthcare|medical|medicine|EHRs?|diagnos\w*|diseases?|mortality|ICU|care)\b/i;

export interface Pool {
  name: string;
  paths: string[];
  take: number;
  keep: (p: PaperRecord) => boolean;
}

/**
 * The clinical pools check set 3 and tune sets 4 and 5 draw from: pmlr-health whole,
 * deep-review items with a clinical word in title or abstract, paperlists items with one in the
 * title, so many of each.
 */
export function clinicalPools(take: {
  pmlr: number;
  deepReview: number;
  paperlists: number;
}): Pool[] {
  return [
    { name: "pmlr-health", paths: ["pmlr-health-bibtex"], take: take.pmlr, keep: () => true },
    {
      name: "deep-review clinical",
      paths: ["deep-review-csl/references.json"],
      take: take.deepReview,
      keep: (p) => CLINICAL.test(`${p.title} ${p.abstract}`),
    },
    {
      name: "paperlists clinical title",
      paths: ["paperlists"],
      take: take.paperlists,
      keep: (p) => CLINICAL.test(p.title),
    },
  ];
}

/** Items of the clinical pools skipped by hand in every set drawn from them (from the title). */
export const CLINICAL_SKIPS: Readonly<Record<string, string>> = {
  "deep-review-csl:AEc66xxR":
    "visual analytics of CNNs in general; its one clinical word is 'diagnosing' a model",
  "deep-review-csl:CNz9HwZ3":
    "an endocrinology review of alternative splicing, no machine learning",
  "paperlists:coling2022:2022.coling-1.474": "Chinese grammatical error 'diagnosis', not health",
};

export interface PickOptions {
  pools: Pool[];
  /** Items skipped by hand, by key, with the reason. */
  skip: Record<string, string>;
  /** File names of test/fixtures/ not searched for titles (the set's own). */
  own: Set<string>;
  /** Where `--write` writes the papers. */
  out: string;
}

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

function fixtureText(own: Set<string>): string {
  return filesUnder(FIXTURES)
    .filter((f) => !own.has(basename(f)))
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

async function pick(
  pool: Pool,
  seen: string,
  taken: Set<string>,
  skip: Record<string, string>,
): Promise<PaperRecord[]> {
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
    const why = skip[keyOf(p)];
    console.log(`${why ? "  skip" : "  take"} ${keyOf(p)}  ${p.title}${why ? `  (${why})` : ""}`);
    if (!why) out.push(p);
  }
  return out;
}

/** pickSet for test/fixtures/heldout/papers-<name>.json (its gold file not searched either). */
export function pickHeldout(name: string, pools: Pool[], skip: Record<string, string>) {
  return pickSet({
    pools,
    skip,
    own: new Set([`papers-${name}.json`, `gold-${name}.json`]),
    out: join(FIXTURES, "heldout", `papers-${name}.json`),
  });
}

/** Lists the picks of every pool in order; with `--write` on the command line writes them. */
export async function pickSet(o: PickOptions): Promise<void> {
  const seen = fixtureText(o.own);
  const taken = new Set<string>();
  const picked: PaperRecord[] = [];
  for (const pool of o.pools) {
    console.log(pool.name);
    for (const p of await pick(pool, seen, taken, o.skip)) {
      taken.add(fold(p.title));
      picked.push(p);
    }
  }
  const rows = picked.map((p) => ({
    key: keyOf(p),
    title: clean(p.title),
    abstract: clean(p.abstract ?? ""),
  }));
  if (process.argv.includes("--write")) writeFileSync(o.out, `${JSON.stringify(rows, null, 1)}\n`);
}
