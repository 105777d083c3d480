// Evidence on has edges: at most maxMentions mentions, strongest first, sentences as offsets
// into the paper's field (recoverable), mentionCount = all mentions; a mention's use/propose role
// and the edge's role over all mentions, with no key at all where there is none.
import { describe, expect, it } from "vitest";
import type { Mention } from "../src/extract/types.ts";
import { buildGraph } from "../src/graph/build.ts";
import { edgeMentions, locateSentence, paperRole } from "../src/graph/evidence.ts";
import { EdgeAttributes } from "../src/graph/schema.ts";
import { serialize } from "../src/graph/serialize.ts";
import { oneAuthorPaper } from "./one-author-paper.ts";

const abstract = "We use a CNN. The CNN is deep. A CNN again. We use a CNN.";
const title = "CNN for images";
const mention = (
  field: "title" | "abstract",
  start: number,
  sentence: string,
  confidence: number,
): Mention => {
  const text = (field === "title" ? title : abstract).slice(start, start + 3);
  return { field, start, end: start + 3, text, sentence, rule: "ontology", confidence };
};

describe("locateSentence", () => {
  it.each([
    ["the occurrence covering the mention, not the first", "We use a CNN.", 53, 56, 44],
    ["the only occurrence", "The CNN is deep.", 18, 21, 14],
    ["the first occurrence when none covers the span", "We use a CNN.", 20, 23, 0],
  ])("%s", (_what, sentence, start, end, expected) => {
    const at = locateSentence(abstract, sentence, start, end);
    expect(at?.sentenceStart).toBe(expected);
    expect(abstract.slice(at?.sentenceStart, at?.sentenceEnd)).toBe(sentence);
  });
  it("returns null for a sentence not in the field", () => {
    expect(locateSentence(abstract, "Elsewhere.", 0, 3)).toBeNull();
  });
});

describe("edgeMentions", () => {
  const all = [
    mention("abstract", 9, "We use a CNN.", 0.7),
    mention("abstract", 18, "The CNN is deep.", 0.9),
    mention("abstract", 33, "A CNN again.", 0.8),
    mention("abstract", 53, "We use a CNN.", 0.6),
    mention("title", 0, "CNN for images", 0.9),
  ];
  it.each([
    [1, ["title:0"]],
    [3, ["title:0", "abstract:18", "abstract:33"]],
    [10, ["title:0", "abstract:9", "abstract:18", "abstract:33", "abstract:53"]],
  ])("keeps the %i strongest, in text order", (max, expected) => {
    const kept = edgeMentions(all, { title, abstract }, max);
    expect(kept.map((m) => `${m.field}:${m.start}`)).toEqual(expected);
  });
  it("stores offsets that give back each sentence, and no sentence text", () => {
    const fields = { title, abstract };
    for (const m of edgeMentions(all, fields, 10)) {
      expect(m.sentence).toBeUndefined();
      const source = all.find((x) => x.field === m.field && x.start === m.start) as Mention;
      expect(fields[m.field].slice(m.sentenceStart, m.sentenceEnd)).toBe(source.sentence);
      expect(m.sentenceStart).toBeLessThanOrEqual(m.start);
      expect(m.sentenceEnd).toBeGreaterThanOrEqual(m.end);
    }
  });
  it("keeps the sentence text when it cannot be located", () => {
    const odd = { ...all[0], sentence: "Not in the abstract." };
    const [m] = edgeMentions([odd], { title, abstract }, 3);
    expect(m.sentence).toBe("Not in the abstract.");
    expect(m.sentenceStart).toBeUndefined();
  });
  it("keeps none when the maximum is 0", () => {
    expect(edgeMentions(all, { title, abstract }, 0)).toEqual([]);
  });
  it("builds each mention with its keys in sorted order (serialize shares it as it is)", () => {
    const odd = { ...all[0], sentence: "Not in the abstract." };
    for (const m of edgeMentions([...all, odd], { title, abstract }, 10))
      expect(Object.keys(m)).toEqual(Object.keys(m).sort());
  });
  it("is the same whatever the input order", () => {
    const fields = { title, abstract };
    expect(edgeMentions([...all].reverse(), fields, 3)).toEqual(edgeMentions(all, fields, 3));
  });
});

describe("has edges in the built graph", () => {
  const paper = oneAuthorPaper("p1", title, abstract, [
    { type: "method", label: "CNN", id: "method:cnn", mentions: [] as Mention[] },
  ]);
  it.each([1, 2, 3, 5])("keeps at most maxMentions = %i and counts them all", (max) => {
    const p = structuredClone(paper);
    p.entities[0].mentions = [
      mention("abstract", 9, "We use a CNN.", 0.7),
      mention("abstract", 18, "The CNN is deep.", 0.9),
      mention("abstract", 33, "A CNN again.", 0.8),
      mention("title", 0, "CNN for images", 0.9),
    ];
    const graph = buildGraph([p], { evidence: { maxMentions: max } });
    const edge = serialize(graph).edges.find((e) => e.attributes.type === "has");
    const attrs = EdgeAttributes.parse(edge?.attributes);
    if (attrs.type !== "has") throw new Error("not a has edge");
    expect(attrs.mentions).toHaveLength(Math.min(max, 4));
    expect(attrs.mentionCount).toBe(4);
    expect(attrs.confidence).toBe(0.9);
  });
});

describe("use/propose roles on has edges", () => {
  const withRoles = (roles: ("used" | "proposed" | undefined)[]) =>
    oneAuthorPaper("p1", title, abstract, [
      {
        type: "method",
        label: "CNN",
        id: "method:cnn",
        mentions: roles.map((role, i) => {
          const m = mention(
            "abstract",
            [9, 18, 33][i],
            ["We use a CNN.", "The CNN is deep.", "A CNN again."][i],
            0.9,
          );
          return role ? { ...m, role } : m;
        }),
      },
    ]);
  const hasEdge = (roles: ("used" | "proposed" | undefined)[]) => {
    const edge = serialize(buildGraph([withRoles(roles)])).edges.find(
      (e) => e.attributes.type === "has",
    );
    const attrs = EdgeAttributes.parse(edge?.attributes);
    if (attrs.type !== "has") throw new Error("not a has edge");
    return { raw: edge?.attributes as Record<string, unknown>, attrs };
  };

  it.each([
    [[undefined, undefined], undefined],
    [["used", undefined], "used"],
    [[undefined, "proposed"], "proposed"],
    [["used", "proposed"], "proposed"],
    [["proposed", "used"], "proposed"],
  ] as const)("paperRole(%j) is %s", (roles, expected) => {
    expect(paperRole(roles.map((role) => ({ role })))).toBe(expected);
  });

  it("a mention keeps its role, in sorted key order; one without has no role key", () => {
    const kept = edgeMentions(
      withRoles(["used", undefined]).entities[0].mentions,
      { title, abstract },
      3,
    );
    expect(kept.map((m) => m.role)).toEqual(["used", undefined]);
    expect("role" in kept[1]).toBe(false);
    for (const m of kept) expect(Object.keys(m)).toEqual(Object.keys(m).sort());
  });

  it("a mention whose sentence is not located keeps its sentence text and its role", () => {
    const [used] = withRoles(["used"]).entities[0].mentions;
    const [m] = edgeMentions([{ ...used, sentence: "Elsewhere." }], { title, abstract }, 3);
    expect(m).toEqual({
      confidence: used.confidence,
      end: used.end,
      field: used.field,
      role: "used",
      rule: used.rule,
      sentence: "Elsewhere.",
      start: used.start,
      text: used.text,
    });
    expect(Object.keys(m)).toEqual(Object.keys(m).sort());
  });

  it("the edge says what the paper does with the concept over all its mentions", () => {
    expect(hasEdge(["used", undefined, "proposed"]).attrs.role).toBe("proposed");
    expect(hasEdge(["used", undefined, undefined]).attrs.role).toBe("used");
    const { raw } = hasEdge(["used", undefined, undefined]);
    expect(Object.keys(raw)).toEqual(Object.keys(raw).sort());
  });

  it("without any role the edge and its mentions carry no role key (graph.json unchanged)", () => {
    const { raw } = hasEdge([undefined, undefined, undefined]);
    expect(JSON.stringify(raw)).not.toContain('"role"');
  });
});
