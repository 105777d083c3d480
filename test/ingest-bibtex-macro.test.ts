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
