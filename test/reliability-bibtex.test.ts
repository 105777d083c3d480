// Issue 16, items 3, 4, 6, 7 and 11: hostile BibTeX. A @string bomb is bounded and touches only
// the entries that use it; a malformed @string is reported itself and later entries are read; a
// file whose first entry comes after 64 KB of preamble is still BibTeX; a bare "$" is a dollar;
// a 10 MB abstract is read. Fixtures: test/fixtures/hostile/ (ORIGIN.md), larger ones made here.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { plugins } from "@citation-js/core";
import { describe, expect, it } from "vitest";
import { parseText } from "../src/ingest/index.ts";
import { BibSyntaxError, scanEntryFields } from "../src/ingest/readers/bibtex/fields.ts";
import { parseBibtex } from "../src/ingest/readers/bibtex/index.ts";
import type { ParseResult } from "../src/ingest/types.ts";
import { itSpawns } from "./tier.ts";

const DIR = "test/fixtures/hostile";
const read = (name: string) => readFileSync(join(DIR, name), "utf8");
const parse = (name: string) => parseBibtex(read(name), name);
const entries = (r: ParseResult) => r.papers.map((p) => p.sources[0]?.entry).sort();
const GOOD = Array.from({ length: 10 }, (_, i) => `good${i}`).sort();

describe("a malformed @string (item 4)", () => {
  const r = parse("bad-string.bib");

  it("is rejected itself, with its line, and the 10 later good entries are read", () => {
    expect(entries(r)).toEqual(GOOD);
    expect(r.rejected[0]).toMatchObject({
      line: 3,
      reason: expect.stringMatching(
        /^@string foo cannot be read: expected a value, got "\}" \(line 3\)/,
      ),
    });
  });

  it("rejects only the entry that uses it, naming the macro", () => {
    expect(r.rejected.map((x) => x.entry)).toEqual([undefined, "usesfoo"]);
    expect(r.rejected[1]?.reason).toMatch(
      /field journal uses @string foo, which has no value: @string foo \(line 3\) cannot be read/,
    );
  });

  it("leaves the good macro working: each good entry's venue is its expansion", () => {
    expect(new Set(r.papers.map((p) => p.venue))).toEqual(new Set(["Journal of Hostile Inputs"]));
  });
});

describe("a @string bomb (item 3)", () => {
  it.each([
    ["bomb-used.bib", [], 20],
    ["bomb-unused.bib", GOOD.slice(0, 5), 0],
    ["bomb-mixed.bib", ["good1", "good2", "good3"], 2],
  ] as const)("%s: reads %j, rejects %i entries that use it", (name, read, rejected) => {
    const r = parse(name);
    expect(entries(r)).toEqual([...read].sort());
    expect(r.rejected).toHaveLength(rejected);
    for (const x of r.rejected)
      expect(x.reason).toMatch(
        /uses @string m2[23], which has no value: @string m\d+ \(line \d+\) expands to more than 1,000,000 characters/,
      );
  });

  itSpawns(
    "the 20-entry 1.9 KB bomb takes well under 60 s and 1 GB (a process of its own)",
    async () => {
      const { stdout } = await promisify(execFile)(process.execPath, [
        "--import",
        "tsx",
        "test/fuzz/ingest-usage.ts",
        join(DIR, "bomb-used.bib"),
      ]);
      const usage = JSON.parse(stdout) as {
        ms: number;
        maxRssMb: number;
        summary: { rejected: number };
      };
      console.log(`bomb: ${usage.ms} ms, peak RSS ${usage.maxRssMb} MB`);
      expect(usage.summary.rejected).toBe(20);
      expect(usage.ms).toBeLessThan(60_000);
      expect(usage.maxRssMb).toBeLessThan(1024);
    },
  );

  it("limits are options: a smaller bound rejects a macro a larger one keeps", () => {
    const text =
      '@string{j = "Journal of " # "Things"}\n@article{a, title = {T}, journal = j # " B", year = 2020}\n';
    expect(parseBibtex(text, "f").papers[0]?.venue).toBe("Journal of Things B");
    const tight = parseBibtex(text, "f", { strings: { maxExpansionChars: 10 } });
    expect(tight.papers).toHaveLength(0);
    expect(tight.rejected[0]?.reason).toMatch(
      /@string j \(line 1\) expands to more than 10 characters/,
    );
  });

  it("macros expand as citation-js expands them: months, numbers, redefinition, order", () => {
    const text = [
      "@article{early, title = {Before} # t, year = 2020}",
      "@string{t = { one}}",
      "@string{n = 2019}",
      "@article{a, title = {Words} # t, year = n, month = jun}",
      "@string{t = { two}}",
      "@article{b, title = {Words} # t, year = 2021}",
    ].join("\n");
    const r = parseBibtex(text, "f");
    expect(r.papers.map((p) => [p.title, p.date?.iso])).toEqual([
      ["Before", "2020"],
      ["Words one", "2019-06"],
      ["Words two", "2021"],
    ]);
  });
});

describe("BibTeX after a long preamble (item 6)", () => {
  const entry = (i: number) =>
    `@article{late${i},\n  title = {A late entry ${i}},\n  year = 2020,\n}\n`;
  const pad = (line: (i: number) => string) =>
    Array.from({ length: 1500 }, (_, i) => line(i)).join("");
  it.each([
    ["% comments", pad((i) => `% comment line ${i} ${"-".repeat(50)}\n`)],
    ["@comment{…}", pad((i) => `@comment{note ${i} ${"-".repeat(50)}}\n`)],
    ["@comment lines", pad((i) => `@comment note ${i} ${"-".repeat(50)}\n`)],
    ["@string", pad((i) => `@string{s${i} = "value ${i} ${"-".repeat(40)}"}\n`)],
    [
      "all three",
      pad((i) => [`% c ${i}\n`, `@comment{${"x".repeat(120)}}\n`, `@preamble{"p"}\n`][i % 3] ?? ""),
    ],
  ])("is detected after 64 KB+ of %s and every entry is read", (_kind, preamble) => {
    const text = preamble + entry(1) + entry(2) + entry(3);
    expect(preamble.length).toBeGreaterThan(65_536);
    const r = parseText(text, "late.bib", { asOf: new Date("2026-11-27T00:00:00Z") });
    expect(r.rejected).toEqual([]);
    expect(r.papers.map((p) => p.title)).toEqual([1, 2, 3].map((i) => `A late entry ${i}`));
  });
});

describe("dollars (item 7)", () => {
  const r = parse("dollar.bib");
  const abstract = (key: string) => r.papers.find((p) => p.sources[0]?.entry === key)?.abstract;

  it.each([
    ["bare", "It costs $5 to train the model."],
    ["escaped", "It costs $5 to train, or $6 with tuning."],
    ["math", "The loss falls as x² for small x."],
  ])("%s: %s", (key, text) => {
    expect(r.rejected).toEqual([]);
    expect(abstract(key)).toBe(text);
  });
});

describe("a 10 MB abstract (item 11)", () => {
  it("is read whole (citation-js's lexer used to overflow the stack on it)", () => {
    const words = "graph ".repeat((10 * 1024 * 1024) / 6);
    const text = `@article{huge, title = {A huge abstract}, year = 2020, abstract = {${words}}}\n@article{next, title = {The next entry}, year = 2021}\n`;
    const r = parseBibtex(text, "huge.bib");
    expect(r.rejected).toEqual([]);
    expect(r.papers.map((p) => p.title)).toEqual(["A huge abstract", "The next entry"]);
    expect(r.papers[0]?.abstract).toBe(words.trim());
  });
});

describe("the field scanner reads what citation-js reads (src/ingest/readers/bibtex/fields.ts)", () => {
  const citationJsReads = (text: string) => {
    try {
      const out = plugins.input.chainLink(text, { forceType: "@biblatex/text" }) as unknown[];
      return out.length === 1;
    } catch {
      return false;
    }
  };
  const scannerReads = (text: string) => {
    try {
      scanEntryFields(text);
      return true;
    } catch (err) {
      expect(err).toBeInstanceOf(BibSyntaxError);
      return false;
    }
  };
  it.each([
    "@article{k, title = {a {b} c}, year = 2020}",
    '@article{k, title = "q {x"} y" }',
    "@article{k, title = {a \\} b}}",
    '@article{k, title = "a \\" b"}',
    "@article{k, % a comment\n title = {x}}",
    "@article{k, title = {x} # , year = 1}",
    "@article{k, title = {x},}",
    "@article{k}",
    "@article{k, title = 2020a}",
    "@article{k, title = -5 # jan}",
    "@article{k, title = {x} year = 2}",
    "@article{k, author+an = {1=highlight}, title = {x}}",
    "@article{k, title = {never closed}",
    '@article{k, title = "never closed}',
    "@article{k, = {no name}}",
  ])("%j", (text) => {
    expect(scannerReads(text)).toBe(citationJsReads(text));
  });
});
