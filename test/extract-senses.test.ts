// Word sense: an ambiguous ontology term (src/extract/lexicon/word-senses.json) takes its domain
// type only where the paper supports it. Real papers (test/fixtures/extract/word-sense.json):
// pen, brush, character and badminton strokes and "MDD" as a decision diagram or a dialogue
// benchmark (AAAI 2022, ACL 2021) carry no condition; clinical stroke papers keep it.
import { describe, expect, it } from "vitest";
import { conceptIndex, extractPapers } from "../src/extract/index.ts";
import { parseWordSenses, wordSenses } from "../src/extract/senses.ts";
import { record } from "./fixtures/extract/records.ts";
import fixture from "./fixtures/extract/word-sense.json" with { type: "json" };

const run = (xs: { title: string; abstract: string }[]) =>
  extractPapers(xs.map((p, i) => record(p.title, p.abstract, String(i))));
const ids = (p: { entities: { id: string }[] }) => p.entities.map((e) => e.id);

describe("extract: word sense of ambiguous ontology terms", () => {
  const everyday = run(fixture.everyday);
  const domain = run(fixture.domain);

  it.each(fixture.everyday.map((p, i) => [p.title, i] as const))(
    "everyday sense, no clinical condition: %s",
    (_t, i) => {
      const e = everyday[i];
      expect(ids(e)).not.toContain("condition:stroke");
      expect(ids(e)).not.toContain("condition:depression");
      expect(ids(e)).not.toContain("condition:cardiovascular-disease");
    },
  );

  it.each(fixture.domain.map((p, i) => [p.title, i] as const))(
    "clinical sense kept: %s",
    (_t, i) => {
      expect(ids(domain[i])).toContain("condition:stroke");
    },
  );

  it("reads SLAM as localization and mapping only beside a robotics cue (titles of real papers)", () => {
    const slam = "task:simultaneous-localization-and-mapping";
    const [language, robot] = run([
      {
        title: "SLAM: Towards Efficient Multilingual Reasoning via Selective Language Alignment",
        abstract: "We propose SLAM, which fine-tunes a few layers of a large language model.",
      },
      {
        title: "A Visual SLAM with Moving Object Trajectory Prediction",
        abstract: "SLAM lets a mobile robot build a map of a dynamic scene.",
      },
    ]);
    expect(ids(language)).not.toContain(slam);
    expect(ids(robot)).toContain(slam);
  });

  it("keeps a term written in an unambiguous form without any cue", () => {
    const [p] = run([{ title: "Ischemic stroke in a badminton player", abstract: "" }]);
    expect(ids(p)).toContain("condition:stroke");
  });

  it("takes the sense from the paper's other entities of the domain", () => {
    const [p] = run([{ title: "Stroke and sepsis outcomes", abstract: "" }]);
    expect(ids(p)).toEqual(expect.arrayContaining(["condition:stroke", "condition:sepsis"]));
  });
});

// Composition: a noun before a generic task head names a specific task with is-a to the generic
// one; a generic task listed in lexicon/subsumed-concepts.json ("forecasting") then leaves the paper.
describe.each([
  ["ShuttleNet", "task:stroke-forecasting", "task:forecasting", false],
  ["End-to-End Line Drawing", "task:stroke-segmentation", "task:image-segmentation", true],
])("extract: composed task in %s", (prefix, id, parent, keepsParent) => {
  const i = fixture.everyday.findIndex((p) => p.title.startsWith(prefix));
  const [p] = run([fixture.everyday[i]]);
  const e = p.entities.find((x) => x.id === id);

  it(`names ${id}, is-a ${parent}, by the noun-phrase rule`, () => {
    expect(e?.parents).toContain(parent);
    expect(e?.mentions[0].rule).toBe("noun-phrase");
  });

  it(`keeps the generic ${parent} beside it: ${keepsParent}`, () => {
    expect(ids(p).includes(parent)).toBe(keepsParent);
  });
});

describe("extract: words that make no composed task (head-nouns.json notTaskModifiers)", () => {
  it.each([
    ["Data classification on public benchmarks.", "task:data-classification"],
    ["We reach SOTA forecasting accuracy.", "task:sota-forecasting"],
    ["Supervised classification of cells.", "task:supervised-classification"],
  ])("%s has no %s", (title, id) => {
    const [p] = run([{ title, abstract: "" }]);
    expect(ids(p)).not.toContain(id);
    expect(p.entities.some((e) => e.type === "task")).toBe(true);
  });
});

describe("extract: a head that names no task alone takes no blocker as its one modifier", () => {
  it.each([
    ["Data analysis of clinical records", "task:data-analysis"],
    ["Costs of sequencing", "task:data-generation"],
  ])("%s has no %s", (title, id) => {
    const abstract = "Costs fall as data generation and data analysis grow.";
    const [p] = run([{ title, abstract }]);
    expect(ids(p)).not.toContain(id);
  });

  it("keeps a composed task whose blocker is not its only modifier", () => {
    const [p] = run([{ title: "Automated clinical data extraction from notes", abstract: "" }]);
    expect(ids(p)).toContain("task:clinical-data-extraction");
  });
});

describe("word-senses data", () => {
  it("names only ontology concepts and known domains", () => {
    expect(wordSenses.size).toBeGreaterThanOrEqual(4);
    const known = conceptIndex().byId;
    for (const [id, s] of wordSenses) {
      expect(known.has(id), id).toBe(true);
      for (const other of s.ids) expect(known.has(other), other).toBe(true);
    }
    expect(wordSenses.get("condition:stroke")?.forms.has("stroke")).toBe(true);
  });

  it.each([
    [
      "unknown domain",
      { domains: {}, terms: [{ id: "x:y", forms: ["y"], domain: "z", cues: [] }] },
    ],
    ["cue of two words", { domains: { d: { cues: ["a b"], types: [], ids: [] } }, terms: [] }],
    [
      "term without forms",
      { domains: {}, terms: [{ id: "x:y", forms: [], domain: "d", cues: [] }] },
    ],
  ])("rejects a file with %s", (_name, data) => {
    expect(() => parseWordSenses(data)).toThrow(/word-senses\.json/);
  });
});
