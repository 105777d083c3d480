// Text in other languages: told from English by function words (src/common/languages.json);
// no noun-phrase topics from it (the tagger is English), and its function words are no terms.
// Real titles and abstracts: test/fixtures/language (Semantic Scholar export of the shared corpora).
import { describe, expect, it } from "vitest";
import { looksEnglish } from "../src/common/language.ts";
import { extractPapers } from "../src/extract/index.ts";
import { tokens } from "../src/graph/text/terms.ts";
import { record } from "./fixtures/extract/records.ts";
import other from "./fixtures/language/s2-other-languages.json" with { type: "json" };

describe("language: English or not", () => {
  it.each([
    ["Predicting drug-target interactions using restricted Boltzmann machines", true],
    ["Deep learning", true],
    ["Computing Machinery and Intelligence", true],
    ["Inteligencia artificial al servicio de la salud del futuro", false],
    ["Über formal unentscheidbare Sätze der Principia Mathematica und verwandter Systeme I", false],
    // Too few function words to tell: read as English.
    ["Künstliche Intelligenz in der Radiologie", true],
    ["Intelligence artificielle : une introduction pour les cliniciens", false],
    [
      "Inteligência artificial e o teste de Turing: uma análise do prêmio Loebner de 2017 e 2018",
      false,
    ],
  ])("%s → %s", (text, english) => expect(looksEnglish(text)).toBe(english));

  it("takes every record of the fixture for another language", () => {
    for (const p of other) expect(looksEnglish(`${p.title}\n${p.abstract}`), p.id).toBe(false);
  });

  it("reads an abstract printed in English and in French as English", () => {
    const en =
      "A brief overview is given of the taxonomy of the group since its beginnings, and of the methods that are used in it today, with the problems that remain for the future of the field and for those who work in it. ";
    const fr =
      "Un bref aperçu est donné de la taxonomie des nématodes depuis ses débuts, et des méthodes qui sont utilisées dans la discipline, avec les problèmes qui restent pour les années à venir. ";
    expect(looksEnglish(en + fr + fr)).toBe(true);
  });
});

describe("language: other languages in the pipeline", () => {
  const papers = extractPapers(other.map((p) => record(p.title, p.abstract, p.id)));

  it("finds no noun-phrase topic in text of another language", () => {
    const topics = papers.flatMap((p) => p.entities.filter((e) => e.type === "topic"));
    expect(topics.map((e) => e.label)).toEqual([]);
  });

  it("still finds the ontology's names in it", () => {
    const ids = new Set(papers.flatMap((p) => p.entities.map((e) => e.id)));
    expect(ids.has("model:chatgpt")).toBe(true);
  });

  it("keeps the other languages' function words out of the text terms", () => {
    const terms = new Set(
      other.flatMap((p) => tokens(`${p.title} ${p.abstract}`).map((t) => t.key)),
    );
    for (const w of ["de", "la", "que", "der", "und", "les", "uma", "della"])
      expect(terms.has(w), w).toBe(false);
    expect(terms.has("inteligencia")).toBe(true);
  });
});
