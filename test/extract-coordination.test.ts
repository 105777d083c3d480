// Coordinations share a head or a modifier with a known term (src/extract/coordination.ts).
import { describe, expect, it } from "vitest";
import { extractPapers } from "../src/extract/index.ts";
import { record } from "./fixtures/extract/records.ts";

const ids = (title: string, abstract = "") =>
  extractPapers([record(title, abstract, "x")])[0].entities.map((e) => e.id);

describe("extract: coordinated modifiers", () => {
  it.each([
    ["Metric and preference learning from feedback", "method:metric-learning"],
    ["Supervised and self-supervised learning of ECG", "method:supervised-learning"],
    ["Mortality prediction on MIMIC III and IV", "dataset:mimic-iv"],
    ["Joint object detection and tracking", "task:object-tracking"],
    ["Patients imaged with MR or CT imaging", "modality:magnetic-resonance-imaging"],
  ])("%s names %s", (title, id) => {
    expect(ids(title)).toContain(id);
  });

  it.each([
    // a plural word is a conjunct of its own, not a modifier: features, and deep learning
    ["Features and deep learning for sepsis", "method:representation-learning"],
    // a comma before the conjunction: a list, not a shared head
    ["Textual, and tabular data", "modality:text"],
    // the same word again shares nothing
    ["Data and data augmentation", "method:data-augmentation"],
  ])("%s names no %s from the coordination", (title, id) => {
    const e = extractPapers([record(title, "", "x")])[0].entities.find((x) => x.id === id);
    expect(e?.mentions.every((m) => m.rule !== "ontology" || m.confidence > 0.6) ?? true).toBe(
      true,
    );
  });
});
