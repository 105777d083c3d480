// Stage-1 parts as the extraction cache stores them (src/cache/parts.ts): mention text and
// sentences as offsets into the paper, filled back in exactly; anything malformed is refused.
import { describe, expect, it } from "vitest";
import { packPart, unpackPart } from "../src/cache/parts.ts";
import { extractParts, type PaperPart } from "../src/extract/staged.ts";
import type { Mention } from "../src/extract/types.ts";
import { seedExtracted } from "./seed-extracted.ts";

const paper = {
  title: "Knowledge distillation for ECG",
  abstract: "We study knowledge distillation. It compresses models for ECG.",
};
const mention = (over: Partial<Mention>): Mention => ({
  field: "abstract",
  start: 9,
  end: 31,
  text: "knowledge distillation",
  sentence: "We study knowledge distillation.",
  rule: "ontology",
  confidence: 0.95,
  ...over,
});
const partOf = (...mentions: Mention[]): PaperPart => ({
  entities: [{ type: "method", label: "knowledge distillation", id: "method:kd", mentions }],
});
const roundTrip = (part: PaperPart, p = paper) => {
  const stored = JSON.parse(JSON.stringify(packPart(part, p)));
  expect(unpackPart(stored, p)).toBe(true);
  return stored as PaperPart;
};

describe("extraction cache parts", () => {
  it.each([
    ["a mention in the abstract", mention({})],
    [
      "a mention in the title",
      mention({ field: "title", start: 0, end: 22, sentence: paper.title }),
    ],
    ["a sentence not in the field (kept as text)", mention({ sentence: "Elsewhere." })],
    [
      "a text that is not the field's slice (kept as text)",
      mention({ text: "Knowledge Distillation" }),
    ],
    ["a mention with a role (used / proposed)", mention({ role: "used" })],
  ])("%s comes back the same, keys in the same order", (_what, m) => {
    const back = roundTrip(partOf(m));
    expect(JSON.stringify(back)).toBe(JSON.stringify(partOf(m)));
  });

  it("stores offsets instead of the sentence and text where it can", () => {
    const stored = JSON.stringify(packPart(partOf(mention({})), paper));
    expect(stored).not.toContain("We study");
    expect(stored).toContain('"sentence":[0,32]');
  });

  it("every part of the seed papers comes back equal", () => {
    const papers = seedExtracted().map((p) => ({ id: p.id, title: p.title, abstract: p.abstract }));
    const parts = extractParts(papers);
    parts.forEach((part, i) => {
      expect(roundTrip(part, papers[i])).toEqual(part);
    });
  });

  it.each([
    ["no entities", {}],
    ["mentions that are not a list", { entities: [{ mentions: 3 }] }],
    ["a mention with an unknown field", { entities: [{ mentions: [{ field: "x", text: null }] }] }],
    [
      "a sentence that is neither text nor offsets",
      { entities: [{ mentions: [{ ...mention({}), sentence: 7 }] }] },
    ],
  ])("refuses %s", (_what, stored) => {
    expect(unpackPart(JSON.parse(JSON.stringify(stored)), paper)).toBe(false);
  });
});
