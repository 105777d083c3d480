// Named resources by their year ("ACE 2005", "CoNLL-2014", "HRSC2016") are datasets, one id for
// every spelling; conferences named so ("ICML 2020", lexicon/named-resources.json) are not.
// Real abstracts: test/fixtures/extract/dataset-years.json.
import { describe, expect, it } from "vitest";
import { extractPapers } from "../src/extract/index.ts";
import fixture from "./fixtures/extract/dataset-years.json" with { type: "json" };
import { record } from "./fixtures/extract/records.ts";

const one = (p: { title: string; abstract: string }) =>
  extractPapers([record(p.title, p.abstract)], { topics: { enabled: false } })[0];

describe("extract: datasets named with a year", () => {
  it.each(fixture.named.map((p) => [p.dataset, p] as const))("finds %s", (name, p) => {
    const e = one(p).entities.find(
      (x) => x.type === "dataset" && x.mentions.some((m) => m.text === name),
    );
    expect(e?.mentions[0].rule).toBe("pattern");
    expect(e?.label).toBe(name.replace(/^(\p{L}+)[- ]?(\d{4})$/u, "$1 $2"));
  });

  it("gives 'ACE2005' and 'ACE 2005' one id", () => {
    const ids = [
      "The standard ACE2005 benchmark dataset.",
      "Experiments on ACE 2005 and MAVEN.",
      "On ACE-2005 and ERE.",
    ].map((a) => one({ title: "t", abstract: a }).entities.map((e) => e.id));
    for (const list of ids) expect(list).toContain("dataset:ace-2005");
  });

  it.each(fixture.venues.map((p) => [p.venue, p] as const))(
    "leaves the venue %s alone",
    (venue, p) => {
      expect(p.abstract).toContain(venue);
      const named = one(p).entities.filter((e) =>
        e.mentions.some((m) => m.text.includes(venue.slice(0, 4))),
      );
      expect(named.map((e) => e.type)).not.toContain("dataset");
    },
  );

  it.each([
    ["a citation key", "As shown by Andrews2017, it works."],
    [
      "a GitHub handle",
      "Code: https://github.com/nicholasli1995/x and github.com/ShaohuaDong2021/y",
    ],
    ["COVID-19", "During the COVID-19 pandemic."],
    ["a month", "Collected in March 2020."],
    // Real: "Large Language Models for Ciphers" (doi 10.5121/ijaia.2023.14301, Semantic Scholar
    // export of the shared corpora).
    ["a month in capitals", "transformer models like ChatGPT (GPT4, MAR2023) can generalize"],
  ])("finds no dataset in %s", (_name, text) => {
    expect(
      one({ title: "t", abstract: text }).entities.filter((e) => e.type === "dataset"),
    ).toEqual([]);
  });
});
