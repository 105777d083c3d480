// Use vs propose (issue 21, item 5): a method, model or dataset mention carries `role` "used" or
// "proposed" when its sentence says so (src/extract/roles.ts, cues in lexicon/roles.json).
import { describe, expect, it } from "vitest";
import { extractPapers } from "../src/extract/index.ts";
import { record } from "./fixtures/extract/records.ts";

const roles = (abstract: string) =>
  Object.fromEntries(
    extractPapers([record("Paper", abstract)])[0].entities.flatMap((e) =>
      e.mentions.filter((m) => m.field === "abstract").map((m) => [m.text, m.role ?? "none"]),
    ),
  );

describe("extract: use vs propose", () => {
  it.each([
    ["We propose a novel graph neural network for this.", "graph neural network", "proposed"],
    ["In this paper we introduce the MedBench dataset.", "MedBench", "proposed"],
    ["This paper presents a transformer for ECG.", "transformer", "proposed"],
    ["We fine-tune BERT on clinical notes.", "BERT", "used"],
    ["We use MIMIC-III and report AUROC.", "MIMIC-III", "used"],
    ["Using ResNet-50, we classify images.", "ResNet-50", "used"],
    ["Our classifier, based on contrastive learning, is fast.", "contrastive learning", "used"],
    ["Earlier metrics based on language models are slow.", "language models", "none"],
    ["We propose a method that outperforms random forests.", "random forests", "none"],
    ["Prior work used CNNs for this.", "CNNs", "none"],
    ["Our model, which uses LSTM, is fast.", "LSTM", "none"],
  ])("%s → %s is %s", (abstract, text, role) => {
    expect(roles(abstract)[text]).toBe(role);
  });

  it("gives no role to tasks, modalities or title mentions", () => {
    const p = extractPapers([
      record("We propose BERT for sepsis prediction", "We propose a method for sepsis prediction."),
    ])[0];
    const task = p.entities.find((e) => e.id === "task:sepsis-prediction");
    expect(task?.mentions.every((m) => m.role === undefined)).toBe(true);
    for (const e of p.entities)
      for (const m of e.mentions) if (m.field === "title") expect(m.role).toBeUndefined();
  });
});
