// Corpus topics: recurring noun phrases across papers, with relevance, stop phrases filtered out.
import { describe, expect, it } from "vitest";
import { DEFAULTS, type ExtractOptions, extractPapers } from "../src/extract/index.ts";
import { record } from "./fixtures/extract/records.ts";

const ontology = {
  name: "t",
  concepts: [
    { id: "modality:heart-rate-variability", type: "modality", label: "heart rate variability" },
  ],
};
const base: ExtractOptions = {
  ontologies: [ontology],
  builtinOntology: false,
  patterns: false,
  topics: { keepShare: 1 },
};

const corpus = [
  record(
    "Wearable patches at night",
    "This work studies a wearable patch for shift workers. The number of nights was small. Heart rate variability was recorded.",
    "a",
  ),
  record(
    "Shift workers and sleep",
    "In this work, shift workers wore a wearable patch. Heart rate variability changed. Coffee intake was logged.",
    "b",
  ),
  record(
    "Coffee intake in nurses",
    "This work measures coffee intake among night nurses with a questionnaire. The number of cups rose.",
    "c",
  ),
  record("Kidney stones", "Renal colic is painful. Ultrasound finds kidney stones quickly.", "d"),
];

const topicsOf = (opts: ExtractOptions = base) =>
  extractPapers(corpus, opts).map((p) =>
    p.entities.filter((e) => e.type === "topic").map((e) => e.label),
  );

describe("extract: topics", () => {
  it("makes a recurring noun phrase a topic on each paper that uses it", () => {
    const t = topicsOf();
    expect(t[0]).toContain("wearable patch");
    expect(t[1]).toContain("wearable patch");
    expect(t[1]).toContain("coffee intake");
    expect(t[2]).toContain("coffee intake");
    expect(t[3]).toEqual([]);
  });

  it("gives topics a relevance and noun-phrase mentions at the topic confidence", () => {
    const e = extractPapers(corpus, base)[0].entities.find((x) => x.label === "wearable patch");
    expect(e?.id).toBe("topic:wearable-patch");
    expect(Number.isFinite(e?.relevance)).toBe(true);
    expect(e?.mentions.map((m) => [m.rule, m.confidence, m.text])).toEqual([
      ["noun-phrase", DEFAULTS.confidence.topic, "Wearable patches"],
      ["noun-phrase", DEFAULTS.confidence.topic, "wearable patch"],
    ]);
  });

  it.each([["this work"], ["the number"], ["work"], ["number"]])(
    "never makes %s a topic",
    (phrase) => {
      for (const t of topicsOf({ ...base, topics: { keepShare: 1, minPapers: 1, minWords: 1 } }))
        expect(t).not.toContain(phrase);
    },
  );

  it("skips a topic that duplicates a concept found on the paper", () => {
    const all = extractPapers(corpus, base);
    expect(all[0].entities.map((e) => e.id)).toContain("modality:heart-rate-variability");
    for (const p of all)
      expect(p.entities.map((e) => e.label)).not.toContain("topic:heart-rate-variability");
    for (const p of all)
      expect(p.entities.filter((e) => e.type === "topic").map((e) => e.label)).not.toContain(
        "heart rate variability",
      );
  });

  it("keeps only the most relevant share of candidates", () => {
    const all = topicsOf().flat().length;
    const some = topicsOf({ ...base, topics: { keepShare: 0.5 } }).flat().length;
    expect(some).toBeGreaterThan(0);
    expect(some).toBeLessThan(all);
  });

  it.each([
    [{ keepShare: 1, minPapers: 3 }, "wearable patch", false],
    [{ keepShare: 1, minPapers: 1 }, "kidney stone", true],
    [{ keepShare: 1, enabled: false }, "wearable patch", false],
    [{ keepShare: 1, maxPerPaper: 0 }, "wearable patch", false],
    [{ keepShare: 1, minRelevance: 1e9 }, "wearable patch", false],
  ])("honours topic options %o (%s: %s)", (topics, label, present) => {
    expect(
      topicsOf({ ...base, topics })
        .flat()
        .includes(label),
    ).toBe(present);
  });
});
