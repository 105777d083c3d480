import Graph from "graphology";
import { describe, expect, it } from "vitest";
import { communityLabel, type Scored } from "../src/graph/cards.ts";

const e = (label: string, count: number, spread: number, score: number): Scored => ({
  node: `method:${label.replace(/ /g, "-")}`,
  label,
  type: "method",
  count,
  spread,
  score,
  tfidf: score,
});

describe("communityLabel", () => {
  const empty = new Graph();
  it.each([
    {
      name: "the two best scores",
      scored: [e("dataset condensation", 3, 0.2, 9), e("trajectory matching", 2, 0.1, 5)],
      expected: "dataset condensation · trajectory matching",
    },
    {
      name: "skips a label contained in a chosen one",
      scored: [
        e("trajectory matching", 3, 0.2, 9),
        e("bezier trajectory matching", 2, 0.1, 8),
        e("mode connectivity", 2, 0.1, 5),
      ],
      expected: "trajectory matching · mode connectivity",
    },
    {
      name: "avoids generic entities while others exist",
      scored: [e("machine learning", 4, 0.6, 9), e("ecg", 3, 0.2, 5), e("ppg", 2, 0.1, 4)],
      expected: "ecg · ppg",
    },
    {
      name: "prefers entities of several papers to a single-paper rarity",
      scored: [
        e("clinicbench", 1, 0.05, 9),
        e("large language model", 3, 0.2, 5),
        e("diagnosis", 2, 0.2, 3),
      ],
      expected: "large language model · diagnosis",
    },
    {
      name: "falls back to whatever there is",
      scored: [e("machine learning", 1, 0.9, 1)],
      expected: "machine learning",
    },
  ])("$name", ({ scored, expected }) => {
    expect(communityLabel(empty, scored, 2, 0.25, 2)).toBe(expected);
  });

  it("prefers terms not used by an earlier community's label", () => {
    const used = new Set<string>();
    const scored = [
      e("machine translation", 30, 0.1, 9),
      e("summarization", 20, 0.1, 7),
      e("dialogue", 15, 0.1, 5),
    ];
    expect(communityLabel(empty, scored, 2, 0.25, 2, used)).toBe(
      "machine translation · summarization",
    );
    expect(communityLabel(empty, scored, 2, 0.25, 2, used)).toBe("dialogue · machine translation");
  });

  it("skips an is-a parent of a chosen term", () => {
    const g = new Graph();
    g.addNode("method:bezier-curve");
    g.addNode("method:curve-fitting");
    g.addDirectedEdge("method:bezier-curve", "method:curve-fitting");
    const scored = [
      e("bezier curve", 3, 0.1, 9),
      e("curve fitting", 3, 0.1, 8),
      e("ecg", 2, 0.1, 1),
    ];
    expect(communityLabel(g, scored, 2, 0.25, 2)).toBe("bezier curve · ecg");
  });
});
