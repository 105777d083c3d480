import Graph from "graphology";
import { describe, expect, it } from "vitest";
import { communityCards, communityLabel, type Scored, topTerms } from "../src/graph/cards.ts";
import { type CommunityOptions, DEFAULTS } from "../src/graph/options.ts";

const e = (label: string, count: number, spread: number, score: number, distinct = 0): Scored => ({
  node: `method:${label.replace(/ /g, "-")}`,
  label,
  type: "method",
  count,
  spread,
  score,
  tfidf: score,
  distinct,
});

/** Two terms, generic above a quarter of all papers, a first term in two papers at least. */
const RULES = { terms: 2, maxSpread: 0.25, minCount: 2 };

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
    expect(communityLabel(empty, scored, RULES)).toBe(expected);
  });

  it("prefers terms not used by an earlier community's label", () => {
    const used = new Set<string>();
    const scored = [
      e("machine translation", 30, 0.1, 9),
      e("summarization", 20, 0.1, 7),
      e("dialogue", 15, 0.1, 5),
    ];
    expect(communityLabel(empty, scored, RULES, used)).toBe("machine translation · summarization");
    expect(communityLabel(empty, scored, RULES, used)).toBe("dialogue · machine translation");
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
    expect(communityLabel(g, scored, RULES)).toBe("bezier curve · ecg");
  });

  it.each([
    {
      name: "a second term that goes with the first joins it",
      both: 2,
      expected: "video · action recognition",
    },
    { name: "an unrelated second term does not (one term)", both: 0, expected: "video" },
  ])("$name", ({ both, expected }) => {
    const scored = [e("video", 6, 0.1, 9), e("action recognition", 4, 0.1, 5)];
    // together: at least a quarter of the rarer term's papers hold both.
    const together = (a: Scored, b: Scored) => both >= 0.25 * Math.min(a.count, b.count);
    expect(communityLabel(empty, scored, { ...RULES, together }, new Set())).toBe(expected);
  });
});

describe("communityLabel: weak entities, the community's words", () => {
  const empty = new Graph();
  // A community of 88 papers (minCount 9 = 10%): the papers by and about Turing in the Semantic
  // Scholar export, whose best entities are in 5 and 4 of them and whose top word in 32.
  const weak = [e("gallup poll", 5, 0.01, 9), e("unambiguous word", 4, 0.01, 8)];
  it.each([
    {
      name: "a common word before weak entities",
      words: [{ label: "turing", count: 32, distinct: 0.4, spread: 0.04 }],
      expected: "turing",
    },
    {
      name: "weak entities when the word is rare too",
      words: [{ label: "complicated", count: 4, distinct: 0.1, spread: 0.01 }],
      expected: "gallup poll",
    },
    { name: "weak entities with no words", words: [], expected: "gallup poll" },
  ])("$name", ({ words, expected }) => {
    expect(communityLabel(empty, weak, { ...RULES, minCount: 9 }, new Set(), words)).toBe(expected);
  });

  // Figures from real communities (distinct: p_c · ln(p_c / p), cards.ts); wordOverEntity 3.
  const consciousness = [
    e("neural network", 22, 0.07, 9, 0.121),
    e("pattern recognition", 5, 0.01, 3, 0.047),
  ];
  it.each([
    {
      name: "an incidental entity gives way to a word 3.9 times as distinctive",
      // Semantic Scholar export, 142 papers on consciousness and cognition.
      scored: consciousness,
      word: { label: "cognitive", count: 43, distinct: 0.474, spread: 0.05 },
      expected: "cognitive",
    },
    {
      name: "never to a generic word (in more than maxSpread of all papers)",
      scored: consciousness,
      word: { label: "learning", count: 43, distinct: 0.474, spread: 0.3 },
      expected: "neural network · pattern recognition",
    },
    {
      name: "nor to a word the entity says (deep-review, 50 papers, 3.9 times)",
      scored: [
        e("protein structure prediction", 10, 0.02, 9, 0.5),
        e("deep learning", 8, 0.1, 3, 0.2),
      ],
      word: { label: "proteins", count: 42, distinct: 1.972, spread: 0.08 },
      expected: "protein structure prediction · deep learning",
    },
    {
      name: "an entity that fits keeps the label beside a word 2.6 times as distinctive",
      // Web of Science export, 93 papers on coronary surgery.
      scored: [e("stroke", 29, 0.05, 9, 0.481), e("coronary artery disease", 30, 0.05, 8, 0.473)],
      word: { label: "coronary", count: 78, distinct: 1.244, spread: 0.09 },
      expected: "stroke · coronary artery disease",
    },
  ])("$name", ({ scored, word, expected }) => {
    const rules = { ...RULES, minCount: 3, wordOverEntity: 3 };
    expect(communityLabel(empty, scored, rules, new Set(), [word])).toBe(expected);
    // With no wordOverEntity the entities always name it.
    const entities = communityLabel(empty, scored, { ...rules, wordOverEntity: undefined });
    expect(
      communityLabel(empty, scored, { ...rules, wordOverEntity: undefined }, new Set(), [word]),
    ).toBe(entities);
  });

  it.each([
    // 79 papers: "little attention" in 2 of them joins no label.
    {
      scored: [e("AI agent", 11, 0.02, 9), e("little attention", 2, 0.001, 8)],
      after: 8,
      expected: "AI agent",
    },
    // 2 papers: a second term of one of them still does.
    {
      scored: [e("text", 2, 0.2, 9), e("multiword expression identification", 1, 0.001, 8)],
      after: 1,
      expected: "text · multiword expression identification",
    },
  ])("a second term needs minCountAfter papers: $expected", ({ scored, after, expected }) => {
    expect(communityLabel(empty, scored, { ...RULES, minCountAfter: after })).toBe(expected);
  });
});

describe("topTerms (c-TF-IDF)", () => {
  const labels = ["datasets", "video", "frame", "rare"];
  // Papers p0..p9; the community is p0..p3. "datasets" is everywhere, "video" and "frame" mostly
  // in the community, "rare" in one of its papers only.
  const held: Record<string, number[]> = {
    p0: [0, 1, 2, 3],
    p1: [0, 1, 2],
    p2: [0, 1],
    p3: [0, 2],
    p4: [0],
    p5: [0],
    p6: [0, 1],
    p7: [0],
    p8: [0],
    p9: [0],
  };
  const terms = { labels, termsOf: (p: string) => Int32Array.from(held[p] ?? []) };
  const df = new Int32Array(labels.length);
  for (const list of Object.values(held)) for (const t of list) df[t]++;

  it("ranks words concentrated in the community first; leaves out words of one paper or everywhere", () => {
    const top = topTerms(["p0", "p1", "p2", "p3"], terms, df, 10, 5);
    expect(top.map(({ label, count }) => ({ label, count }))).toEqual([
      { label: "frame", count: 3 },
      { label: "video", count: 3 },
    ]);
    // 3 of the community's 4 papers: frame is in 3 of 10 in all, video in 4.
    expect(top[0]?.distinct).toBeCloseTo(0.75 * Math.log(0.75 / 0.3), 9);
    expect(top[1]?.distinct).toBeCloseTo(0.75 * Math.log(0.75 / 0.4), 9);
  });
});

describe("community labels weigh entity types (labelTypeWeights)", () => {
  // Community 0: 10 papers all holding the modality "point clouds" and 6 the task "object
  // detection"; community 1: 40 papers holding neither. Unweighted, the modality scores higher.
  function twoCommunities(): Graph {
    const g = new Graph({ multi: false, type: "mixed" });
    g.addNode("modality:point-clouds", { type: "modality", label: "point clouds" });
    g.addNode("task:object-detection", { type: "task", label: "object detection" });
    g.addNode("task:parsing", { type: "task", label: "parsing" });
    for (let i = 0; i < 50; i++) {
      const p = `paper:p${i}`;
      const community = i < 10 ? 0 : 1;
      g.addNode(p, {
        type: "paper",
        title: `p${i}`,
        year: 2022,
        community,
        x: 0,
        y: 0,
        mapX: 0,
        mapY: 0,
      });
      if (community === 0) {
        g.addDirectedEdge(p, "modality:point-clouds", { type: "has" });
        if (i < 6) g.addDirectedEdge(p, "task:object-detection", { type: "has" });
      } else g.addDirectedEdge(p, "task:parsing", { type: "has" });
    }
    return g;
  }
  const labelOf = (weights: CommunityOptions["labelTypeWeights"]) =>
    communityCards(twoCommunities(), {
      ...DEFAULTS.communities,
      labelTerms: 1,
      labelTypeWeights: weights,
    }).communities[0].label;
  it.each([
    [{}, "point clouds"],
    [{ modality: 0.5 }, "object detection"],
    [DEFAULTS.communities.labelTypeWeights, "object detection"],
  ])("weights %o → %s", (weights, expected) => {
    expect(labelOf(weights)).toBe(expected);
  });
});
