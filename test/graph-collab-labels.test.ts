import { describe, expect, it } from "vitest";
import { buildGraph } from "../src/graph/build.ts";
import { collabLabel } from "../src/graph/collab-labels.ts";
import { makeAuthor } from "../src/ingest/names.ts";
import type { Author } from "../src/ingest/types.ts";
import { seedExtracted } from "./seed-extracted.ts";

const template = seedExtracted()[0];
const author = (name: string): Author => makeAuthor(name) as Author;
const paper = (i: number, names: string[]) => ({
  ...template,
  id: `slug:collab-${i}`,
  title: `Collaboration paper ${i}`,
  authors: names.map(author),
});

describe("collaboration community labels", () => {
  // Ann and Bob share three papers; Cid has the most papers, but only one with the group.
  const graph = buildGraph([
    paper(1, ["Ann Lee", "Bob Kim"]),
    paper(2, ["Ann Lee", "Bob Kim"]),
    paper(3, ["Ann Lee", "Bob Kim"]),
    paper(4, ["Ann Lee", "Cid Roe"]),
    ...[5, 6, 7, 8].map((i) => paper(i, ["Cid Roe"])),
  ]);
  const members = ["author:lee|ann", "author:kim|bob", "author:roe|cid"];

  it("the members exist with the papers the case needs", () => {
    expect(members.map((m) => graph.graph.getNodeAttribute(m, "paperCount"))).toEqual([4, 3, 5]);
  });

  it.each([
    [2, "Ann Lee · Bob Kim"],
    [3, "Ann Lee · Bob Kim · Cid Roe"],
    [1, "Ann Lee"],
  ])("the %i most central authors: %s", (n, label) => {
    expect(collabLabel(graph.graph, members, n)).toBe(label);
  });

  it("without co-authors inside, papers then the name decide", () => {
    expect(collabLabel(graph.graph, ["author:roe|cid", "author:kim|bob"])).toBe(
      "Cid Roe · Bob Kim",
    );
  });
});
