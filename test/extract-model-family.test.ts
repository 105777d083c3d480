// Type policy (issue 21, item 5; docs/ontology.md): a specific model stays a `model` with is-a to
// its method family, and its mentions count for that method too.
import { describe, expect, it } from "vitest";
import { extractPapers } from "../src/extract/index.ts";
import { record } from "./fixtures/extract/records.ts";

const entities = (abstract: string) => extractPapers([record("Paper", abstract)])[0].entities;

describe("extract: a model counts as its method family", () => {
  it("gives the paper the family with the model's mention ('Mamba' → state space model)", () => {
    const es = entities("We pretrain Mamba on electronic health records of 2 million patients.");
    const model = es.find((e) => e.id === "model:mamba");
    const family = es.find((e) => e.id === "method:state-space-model");
    expect(model?.mentions.map((m) => m.text)).toEqual(["Mamba"]);
    expect(family?.mentions.map((m) => m.text)).toEqual(["Mamba"]);
    expect(family?.mentions[0].start).toBe(model?.mentions[0].start);
  });

  it("walks up through model parents to the nearest method (BioBERT → BERT → its families)", () => {
    const es = entities("We fine-tune BioBERT on discharge summaries.");
    const ids = es.map((e) => e.id);
    expect(ids).toContain("model:biobert");
    const methods = es.filter(
      (e) => e.type === "method" && e.mentions.some((m) => m.text === "BioBERT"),
    );
    // BERT is-a both a pre-trained language model and a transformer: both families count.
    expect(methods.map((e) => e.id).sort()).toEqual([
      "method:pre-trained-language-model",
      "method:transformer",
    ]);
    // The mention keeps the sentence's role.
    expect(methods[0].mentions[0].role).toBe("used");
  });

  it("adds nothing where no model is named", () => {
    const es = entities("We train a random forest on tabular data.");
    expect(es.some((e) => e.type === "model")).toBe(false);
    expect(es.some((e) => e.id === "method:pre-trained-language-model")).toBe(false);
  });
});
