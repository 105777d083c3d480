// "uses" / "proposes" in the web view's evidence: a has edge's role (src/graph/evidence.ts) is
// said beside the paper in the evidence of that edge and of a shared concept, and nothing is said
// where the paper's sentences say neither.
import { describe, expect, it } from "vitest";
import type { Mention } from "../src/extract/types.ts";
import { buildGraph } from "../src/graph/build.ts";
import { serialize } from "../src/graph/serialize.ts";
import { mentionEvidence, reasonEvidence } from "../web/src/evidence.ts";
import { validateGraph } from "../web/src/load.ts";
import { buildModel } from "../web/src/model.ts";
import { oneAuthorPaper } from "./one-author-paper.ts";

const paper = (id: string, abstract: string, role?: "used" | "proposed") => {
  const at = abstract.indexOf("CNN");
  const sentence = abstract.slice(0, abstract.indexOf(".") + 1);
  const m: Mention = {
    field: "abstract",
    start: at,
    end: at + 3,
    text: "CNN",
    sentence,
    rule: "ontology",
    confidence: 0.9,
    ...(role ? { role } : {}),
  };
  return oneAuthorPaper(id, `Paper ${id}`, abstract, [
    { type: "method", label: "CNN", id: "method:cnn", mentions: [m] },
  ]);
};

const papers = [
  paper("a", "We propose a CNN for scans. It is small.", "proposed"),
  paper("b", "We use a CNN on images. It works.", "used"),
  paper("c", "A CNN was trained elsewhere. Nothing else."),
];
const graph = buildModel(
  validateGraph(JSON.parse(JSON.stringify(serialize(buildGraph(papers as never)))), "graph.json"),
).graph;

describe("web/evidence: use and propose", () => {
  it.each([
    ["paper:a", "proposes"],
    ["paper:b", "uses"],
    ["paper:c", undefined],
  ])("the evidence of %s's has edge says %s", (key, role) => {
    const ev = mentionEvidence(graph, key, "method:cnn");
    if (ev.kind !== "sentences") throw new Error(ev.kind);
    expect(ev.sentences.map((s) => s.role)).toEqual([role]);
    expect(ev.sentences[0].text).toContain("CNN");
  });

  it("a shared concept's evidence says what each of the two papers does with it", () => {
    const ev = reasonEvidence(graph, "paper:a", "paper:b", {
      kind: "method",
      key: "method:cnn",
      name: "CNN",
    });
    if (ev.kind !== "sentences") throw new Error(ev.kind);
    expect(ev.sentences.map((s) => [s.paper, s.role])).toEqual([
      ["paper:a", "proposes"],
      ["paper:b", "uses"],
    ]);
  });
});
