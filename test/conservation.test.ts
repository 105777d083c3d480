// No record is lost without a word: for every input fixture, the records counted without the
// readers (test/fuzz/count.ts) equal read + rejected, papers = read − merged, every merged record
// survives as a source of the paper it joined, and the --rejects report gives a reason for each.
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { GraphFile } from "../src/graph/schema.ts";
import { ingestPaths } from "../src/ingest/files.ts";
import { decodeBytes, detectReader, type IngestResult, Rejected } from "../src/ingest/index.ts";
import { READERS } from "../src/ingest/readers/registry.ts";
import { runPipeline } from "../src/pipeline.ts";
import { CLI } from "./cli-bin.ts";
import { countRecords } from "./fuzz/count.ts";
import { itSpawns } from "./tier.ts";

const OPTS = { asOf: new Date("2026-11-27T00:00:00Z") };
const ROOT = "test/fixtures";
const SEED_GOLD = JSON.parse(readFileSync(join(ROOT, "seed-gold.json"), "utf8")) as {
  papers: unknown[];
};
/** Seed listings among the fixtures and the gold file that lists their papers. */
const SEED_COUNTS: Record<string, number> = { "seed-000.txt": SEED_GOLD.papers.length };
/** Fixtures that hold no records and are no error. */
const EMPTY_SETS = new Set(["pmid-37909814.xml"]);

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
}

/** Every fixture a reader claims, except built graphs (outputs, not bibliographic inputs). */
function inputFixtures(): { file: string; format: string; text: string }[] {
  const out: { file: string; format: string; text: string }[] = [];
  for (const file of walk(ROOT)) {
    if (/\.(md|ts)$/.test(file)) continue;
    const text = decodeBytes(readFileSync(file)).text;
    const reader = detectReader(text, file, READERS);
    if (!reader) continue;
    let graph = false;
    try {
      graph = GraphFile.safeParse(JSON.parse(text)).success;
    } catch {}
    if (!graph) out.push({ file, format: reader.format, text });
  }
  return out;
}

const INPUTS = inputFixtures();

/** The invariants of one ingest result against an independent record count. */
function expectConserved(r: IngestResult, records: number) {
  const s = r.summary;
  expect(s.records, "records counted without the readers").toBe(records);
  expect(s.read + s.rejected).toBe(s.records);
  expect(s.papers).toBe(s.read - s.merged);
  expect(r.papers).toHaveLength(s.papers);
  expect(r.rejected).toHaveLength(s.rejected);
  // A merged record is not dropped: it stays as one more source of the paper it joined.
  expect(r.papers.reduce((n, p) => n + p.sources.length, 0)).toBe(s.read);
  for (const x of r.rejected) {
    expect(Rejected.safeParse(x).success).toBe(true);
    expect(x.reason.trim().length).toBeGreaterThan(5);
  }
}

describe("conservation on every input fixture", () => {
  it("finds input fixtures of every format", () => {
    const formats = new Set(INPUTS.map((i) => i.format));
    expect([...formats].sort()).toEqual(READERS.map((r) => r.format).sort());
  });

  it.each(INPUTS.map((i) => [i.file, i] as const))("%s", async (_f, input) => {
    const base = input.file.split("/").pop() as string;
    const records = countRecords(input.format, input.text, SEED_COUNTS[base]);
    // a PubMed empty set (a valid answer with no articles) is the one fixture without records
    if (EMPTY_SETS.has(base)) expect(records).toBe(0);
    else expect(records).toBeGreaterThan(0);
    expectConserved(await ingestPaths([input.file], OPTS), records);
  });

  it("all fixtures at once (duplicates merged across files)", async () => {
    const total = INPUTS.reduce(
      (n, i) => n + countRecords(i.format, i.text, SEED_COUNTS[i.file.split("/").pop() as string]),
      0,
    );
    const r = await ingestPaths(
      INPUTS.map((i) => i.file),
      OPTS,
    );
    expectConserved(r, total);
    expect(r.summary.merged).toBeGreaterThan(0);
  });
});

describe("no paper is lost after ingest", () => {
  it("every paper of every fixture becomes a paper node, and meta.counts repeats the summary", async () => {
    const { serialized, ingest } = await runPipeline(
      INPUTS.map((i) => i.file),
      OPTS,
    );
    const paperNodes = serialized.nodes.filter((n) => n.attributes.type === "paper");
    expect(paperNodes.map((n) => n.key).sort()).toEqual(
      ingest.papers.map((p) => `paper:${p.id}`).sort(),
    );
    const c = serialized.meta.counts;
    expect([
      c["ingest.records"],
      c["ingest.read"],
      c["ingest.merged"],
      c["ingest.rejected"],
    ]).toEqual([
      ingest.summary.records,
      ingest.summary.read,
      ingest.summary.merged,
      ingest.summary.rejected,
    ]);
    expect(c["nodes.paper"]).toBe(ingest.summary.papers);
  }, 120_000);
});

describe("records the readers refuse are counted, located and explained", () => {
  const bib = INPUTS.find((i) =>
    i.file.endsWith("ingest-b/chil2023-slice.bib"),
  ) as (typeof INPUTS)[0];
  const ris = INPUTS.find((i) => i.format === "ris") as (typeof INPUTS)[0];
  const dir = mkdtempSync(join(tmpdir(), "litgraph-conserve-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ["bibtex cut mid-entry", () => bib, (t: string) => t.slice(0, t.lastIndexOf("abstract"))],
    [
      "bibtex with a broken entry",
      () => bib,
      (t: string) => t.replace(/@inproceedings\{/i, '@inproceedings{ oops = "'),
    ],
    ["ris cut before the last ER", () => ris, (t: string) => t.slice(0, t.lastIndexOf("ER  -"))],
  ] as const)("%s", async (_name, input, damage) => {
    const { format, text } = input();
    const broken = damage(text);
    expect(broken).not.toBe(text);
    const file = join(dir, `broken.${format === "ris" ? "ris" : "bib"}`);
    await import("node:fs").then((fs) => fs.writeFileSync(file, broken));
    const r = await ingestPaths([file], OPTS);
    expectConserved(r, countRecords(format, broken));
    expect(r.summary.rejected).toBeGreaterThan(0);
    for (const x of r.rejected) {
      expect(x.file).toBe(file);
      expect(x.line ?? x.entry).toBeDefined();
    }
  });
});

describe("the --rejects report", () => {
  const dir = mkdtempSync(join(tmpdir(), "litgraph-rejects-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  itSpawns(
    "extract --rejects lists every rejected record with a reason, matching the summary",
    async () => {
      const out = join(dir, "rejected.json");
      const files = INPUTS.map((i) => i.file);
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [CLI, "extract", ...files, "--json", "--rejects", out, "--as-of", "2026-11-27"],
        { maxBuffer: 256 * 1024 * 1024 },
      );
      const printed = JSON.parse(stdout) as { summary: IngestResult["summary"] };
      const report = JSON.parse(readFileSync(out, "utf8")) as unknown[];
      expect(report.length).toBe(printed.summary.rejected);
      expect(report.length).toBeGreaterThan(0);
      for (const x of report) {
        const r = Rejected.safeParse(x);
        expect(r.success).toBe(true);
        expect(files).toContain(r.data?.file);
        expect(r.data?.reason.length).toBeGreaterThan(5);
      }
      const total = INPUTS.reduce(
        (n, i) =>
          n + countRecords(i.format, i.text, SEED_COUNTS[i.file.split("/").pop() as string]),
        0,
      );
      expect(printed.summary.records).toBe(total);
    },
  );
});
