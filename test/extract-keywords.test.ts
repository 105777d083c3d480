// Source keywords (MeSH, OpenAlex keywords/topics, author keywords) as entities with rule
// "source", where the title or abstract shows them (src/extract/keywords.ts).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractPapers } from "../src/extract/index.ts";
import { assemble, extractParts } from "../src/extract/staged.ts";
import { type PaperRecord, parseText } from "../src/ingest/index.ts";
import { buildRecord } from "../src/ingest/record.ts";

const DIR = join(import.meta.dirname, "fixtures", "sources");
const opts = { asOf: new Date("2026-12-01T00:00:00Z") };
const paper = (title: string, abstract: string, keywords: string[]): PaperRecord =>
  buildRecord({ title, abstract, keywords, sources: [{ file: "t", format: "test" }] });

describe("keyword entities", () => {
  it.each([
    [
      "a keyword the abstract shows becomes a keyword entity with its sentence",
      paper("On PSA kinetics", "We study the PSA bounce. It is common.", ["PSA bounce"]),
      [{ id: "keyword:psa-bounce", text: "PSA bounce", sentence: "We study the PSA bounce." }],
    ],
    [
      "matched whole-word and case-insensitively, title first",
      paper("Radiotherapy outcomes", "After radiotherapy, radiotherapyX is no match.", [
        "radiotherapy",
      ]),
      [
        { id: "keyword:radiotherapy", text: "Radiotherapy", sentence: "Radiotherapy outcomes" },
        {
          id: "keyword:radiotherapy",
          text: "radiotherapy",
          sentence: "After radiotherapy, radiotherapyX is no match.",
        },
      ],
    ],
    [
      "a keyword the text does not show is no entity",
      paper("A title", "An abstract.", ["Humans"]),
      [],
    ],
    [
      "a keyword the ontology knows is left to the ontology rule",
      paper("Deep learning for sepsis", "We use deep learning.", ["deep learning"]),
      [],
    ],
  ])("%s", (_name, p, want) => {
    const [e] = extractPapers([p]);
    const got = (e?.entities ?? [])
      .filter((x) => x.type === "keyword")
      .flatMap((x) => x.mentions.map((m) => ({ id: x.id, text: m.text, sentence: m.sentence })));
    expect(got).toEqual(want);
    for (const x of e?.entities ?? [])
      for (const m of x.mentions) {
        expect(m.text).toBe((m.field === "title" ? p.title : p.abstract).slice(m.start, m.end));
        if (x.type === "keyword") expect(m.rule).toBe("source");
      }
  });

  it("the staged path (workers, cache) gives the same entities as extractPapers", () => {
    const papers = parseText(
      readFileSync(join(DIR, "wos-slice.isi"), "utf8"),
      "wos.isi",
      opts,
    ).papers;
    const direct = extractPapers(papers);
    expect(direct.some((p) => p.entities.some((e) => e.type === "keyword"))).toBe(true);
    const staged = assemble(papers, extractParts(papers));
    expect(JSON.stringify(staged)).toBe(JSON.stringify(direct));
  });
});

describe("a keyword the ontology knows", () => {
  it("keeps the ontology's entity (its type), and adds no keyword twin", () => {
    const p = paper("Deep learning for sepsis", "We use deep learning.", ["deep learning"]);
    const e = extractPapers([p])[0]?.entities ?? [];
    expect(e.find((x) => x.label === "deep learning")?.type).toBe("method");
    expect(e.filter((x) => x.type === "keyword")).toEqual([]);
  });
});
