// paperItems (src/graph/similarity.ts): the entity items of the relatedness score and their
// weights, by how the entity was found.
import { describe, expect, it } from "vitest";
import { DEFAULTS } from "../src/graph/options.ts";
import { paperItems } from "../src/graph/similarity.ts";

const entity = (type: string, rules: string[]) => ({
  id: `${type}:discourse-parsing`,
  type,
  label: "discourse parsing",
  mentions: rules.map((rule) => ({ rule })),
});
const w = DEFAULTS.similarity.typeWeights;

describe("paperItems weights", () => {
  it.each([
    ["an ontology task", entity("task", ["ontology"]), w.task],
    [
      "a task typed by its head noun only: as the topic it was",
      entity("task", ["head-noun"]),
      w.topic,
    ],
    [
      "a head-noun task also found by the ontology",
      entity("task", ["head-noun", "ontology"]),
      w.task,
    ],
    ["a topic", entity("topic", ["noun-phrase"]), w.topic],
  ])("%s", (_name, e, factor) => {
    const [item] = paperItems([], [e], (n) => n, DEFAULTS.similarity);
    expect(item.factor).toBe(factor);
    expect(item.kind).toBe(e.type);
  });

  it("a head-noun guess weighs less than an ontology hit of the same type", () => {
    expect(w.topic).toBeLessThan(w.task);
  });
});
