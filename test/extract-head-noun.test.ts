// Head-noun typing of corpus topics: a recurring noun phrase the ontology does not know takes a
// type from its last word (lexicon/head-nouns.json `topicHeads`), at a lower confidence than an
// ontology hit and with rule "head-noun"; on real papers (ACL 2021 + AISTATS 2024, 80 papers).
import { describe, expect, it } from "vitest";
import { DEFAULTS, extractPapers } from "../src/extract/index.ts";
import { topicType } from "../src/extract/topic-types.ts";
import papers from "./fixtures/bench/paperlists-80.json" with { type: "json" };
import { record } from "./fixtures/extract/records.ts";

describe("topicType: the type a topic label's head noun gives", () => {
  it.each([
    ["graph contrastive learning", "method"],
    ["binary classifiers", "method"],
    ["spatial regularisation", "method"],
    ["discourse parsing", "task"],
    ["traffic prediction", "task"],
    ["EEG signals", "modality"],
    ["satellite images", "modality"],
    ["proposed model", null],
    ["wearable patch", null],
    ["learning", null],
    ["long sequences", null],
    // "received little attention" (Semantic Scholar export of the shared corpora): no method.
    ["little attention", null],
    ["more attention", null],
    // Issue 21's sixth session: more heads, and no task of words that never make one.
    ["dialogue understanding", "task"],
    ["lexical simplification", "task"],
    ["depth completion", "task"],
    ["feature fusion", "method"],
    ["multi-party conversations", "modality"],
    ["deeper understanding", null],
    ["model prediction", null],
  ])("%s → %s", (label, type) => {
    expect(topicType(label)).toBe(type);
  });
});

describe("extract: head-noun topics on ACL/AISTATS papers", () => {
  const recs = papers.map((p) => record(p.title, p.abstract, p.id));
  const typed = extractPapers(recs);
  const plain = extractPapers(recs, { topics: { typeByHead: false } });
  const withId = (xs: typeof typed, id: string) =>
    xs.filter((p) => p.entities.some((e) => e.id === id));

  it("types 'discourse parsing' as a task by its head, at the head-noun confidence", () => {
    const found = withId(typed, "task:discourse-parsing");
    expect(found.length).toBeGreaterThanOrEqual(2);
    for (const p of found) {
      const e = p.entities.find((x) => x.id === "task:discourse-parsing");
      expect(e?.mentions.every((m) => m.rule === "head-noun")).toBe(true);
      expect(e?.mentions[0].confidence).toBe(DEFAULTS.confidence.headNoun);
      expect(DEFAULTS.confidence.headNoun).toBeLessThan(DEFAULTS.confidence.ontology);
    }
    expect(withId(typed, "topic:discourse-parsing")).toEqual([]);
  });

  it("keeps it a topic with typeByHead off", () => {
    expect(withId(plain, "task:discourse-parsing")).toEqual([]);
    expect(withId(plain, "topic:discourse-parsing").length).toBe(
      withId(typed, "task:discourse-parsing").length,
    );
  });

  it("never gives a paper two entities with one id", () => {
    for (const p of typed) {
      const ids = p.entities.map((e) => e.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });
});
