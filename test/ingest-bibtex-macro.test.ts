// An undefined LaTeX macro at the start of a BibTeX title (`\ours: …`, the paper's own name for
// its system) is kept as written; a known macro or one with an argument is decoded as before.
import { describe, expect, it } from "vitest";
import { parseBibtex } from "../src/ingest/readers/bibtex/index.ts";
import { leadingMacro } from "../src/ingest/readers/bibtex/latex.ts";

describe("leadingMacro", () => {
  it.each([
    ["\\ours: Fast Graph Learning", "\\ours", ": Fast Graph Learning"],
    ["{\\sysname}: a tool", "\\sysname", ": a tool"],
    ["\\method{} improves", "\\method", " improves"],
    ["{\\ours: Braced Whole}", "\\ours", "{: Braced Whole}"],
    ["  \\ours", "\\ours", ""],
  ])("%s → %s + %s", (raw, macro, rest) => {
    expect(leadingMacro(raw)).toEqual({ macro, rest });
  });

  it.each([
    ["\\textbf{Bold} start"],
    ["\\emph{X}: a tool"],
    ["\\alpha-VAE"],
    ["\\mymacro{Named}: with an argument"],
    ["Plain \\ours inside"],
    ["\\ours}: unbalanced"],
  ])("leaves %s to the LaTeX decoder", (raw) => {
    expect(leadingMacro(raw)).toBeNull();
  });
});

const bib = (title: string) =>
  `@inproceedings{k,\n title = {${title}},\n author = {Doe, Jane},\n year = {2023}\n}\n`;

describe("bibtex titles that start with a macro", () => {
  it.each([
    ["\\ours: Fast Graph Learning", "\\ours: Fast Graph Learning"],
    ["{\\sysname}: a tool \\emph{for} \\textsc{x}", "\\sysname: a tool for x"],
    ["\\method{} improves \\ours", "\\method improves ours"],
    ["\\ours", "\\ours"],
    ["\\textbf{Bold} start and \\alpha", "Bold start and α"],
  ])("%s reads as %s", (title, expected) => {
    const res = parseBibtex(bib(title), "t.bib");
    expect(res.papers.map((p) => p.title)).toEqual([expected]);
  });
});

const withAbstract = (title: string, abstract: string) =>
  `@inproceedings{k,\n title = {${title}},\n abstract = {${abstract}},\n author = {Doe, Jane},\n year = {2023}\n}\n`;

describe("the title's leading macro in the abstract, and the record's repairs", () => {
  // The words of CHIL 2023's Gao23 (shared/corpora/pmlr-health-bibtex), shortened.
  const res = parseBibtex(
    withAbstract(
      "\\ours: Mobile Sensing based Fluid Overload Detection",
      "We propose \\ours, a detection system. Results show that \\ours{} outperforms ours and theirs.",
    ),
    "t.bib",
  );
  const p = res.papers[0];

  it("keeps the macro as written in the abstract, the word 'ours' as it is", () => {
    expect(p?.abstract).toBe(
      "We propose \\ours, a detection system. Results show that \\ours outperforms ours and theirs.",
    );
  });

  it("reports the macro in the record's repairs, with the abstract's count", () => {
    expect(p?.repairs).toEqual([
      'title: undefined macro "\\ours" kept as written',
      'abstract: undefined macro "\\ours" kept as written (2 times)',
    ]);
  });

  it("reports nothing where the title has no leading macro", () => {
    const plain = parseBibtex(withAbstract("Fast Graph Learning", "We propose \\ours."), "t.bib");
    expect(plain.papers[0]?.repairs).toBeUndefined();
    expect(plain.papers[0]?.abstract).toBe("We propose ours.");
  });
});
