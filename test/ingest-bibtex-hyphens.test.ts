// Line-break hyphens in PMLR abstracts (issue 21): "prac- tices" is joined where the word is known
// (in the file or hyphenation.json), "long- term" keeps its hyphen, suspended hyphens ("low- and",
// "hypo- or") and unknown joins stay as written; each change is listed in the record's `repairs`.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type FileWords, repairHyphens } from "../src/ingest/readers/bibtex/hyphens.ts";
import { parseBibtex } from "../src/ingest/readers/bibtex/index.ts";

const file = "test/fixtures/ingest-b/ml4h24-hyphens-slice.bib";
const { papers, rejected } = parseBibtex(readFileSync(file, "utf8"), file);
const byKey = new Map(papers.map((p) => [p.sources[0].entry, p]));

describe("BibTeX: line-break hyphens in real PMLR abstracts", () => {
  it("reads every entry of the slice", () => {
    expect(rejected).toEqual([]);
    expect(papers.length).toBe(5);
  });

  it("joins broken words it knows and records each change", () => {
    const he = byKey.get("he24");
    expect(he?.abstract).toContain("Measurement quality assurance (QA) practices");
    expect(he?.abstract).toContain("conformal");
    expect(he?.abstract).not.toMatch(/prac- tices|con- formal|pa- tient|sensitiv- ity/);
    expect(he?.repairs).toContain('abstract: "prac- tices" → "practices"');
    expect(he?.repairs).toContain('abstract: "sensitiv- ity" → "sensitivity"');
  });

  it("keeps a compound's hyphen: 'long- term' → 'long-term'", () => {
    const becker = byKey.get("becker24");
    expect(becker?.abstract).toContain("long-term monitoring");
    expect(becker?.repairs).toEqual(['abstract: "long- term" → "long-term"']);
  });

  it("leaves suspended hyphens and words it cannot confirm as written", () => {
    expect(byKey.get("Cina23")?.abstract).toContain("low- and");
    expect(byKey.get("Cina23")?.repairs).toBeUndefined();
    const all = papers.map((p) => p.abstract).join(" ");
    expect(all).toContain("hypo- or");
    expect(all).toContain("correlation- and");
    // "re- sults" would join in the whole proceedings file, where "results" is written; this
    // slice never writes it, and it is no listed word: it stays.
    expect(byKey.get("he24")?.abstract).toContain("re- sults");
  });
});

describe("repairHyphens", () => {
  const words: FileWords = {
    whole: new Set(["results", "cations"]),
    hyphenated: new Set(["end-point"]),
  };
  it.each([
    ["Our re- sults hold", "Our results hold"],
    ["classifi- cation", "classification"],
    ["indica- tion", "indica- tion"],
    ["self- supervised learning", "self-supervised learning"],
    ["an end- point", "an end-point"],
    ["pre- or post-operative", "pre- or post-operative"],
    ["Appli- cation", "Application"],
    ["ortho- gonal", "ortho- gonal"],
    ["the classifi- cations", "the classifi- cations"],
  ])("%s → %s", (text, expected) => {
    expect(repairHyphens(text, words).text).toBe(expected);
  });

  it("joins a word known as the file's plural ('indica- tion' where 'indications' is written)", () => {
    const w: FileWords = { whole: new Set(["indications"]), hyphenated: new Set() };
    expect(repairHyphens("one indica- tion", w)).toEqual({
      text: "one indication",
      repairs: ['abstract: "indica- tion" → "indication"'],
    });
  });
});
