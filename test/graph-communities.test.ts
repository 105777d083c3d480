import Graph from "graphology";
import { describe, expect, it } from "vitest";
import { assignCommunities } from "../src/graph/communities.ts";
import { resolveOptions } from "../src/graph/options.ts";

/**
 * Two paper cliques (Louvain: communities 0 and 1, the larger first), and non-paper nodes whose
 * community is the majority of their papers' (a parent concept without papers: of its children's).
 */
function fixture(): Graph {
  const g = new Graph({ type: "mixed" });
  const papers = ["a1", "a2", "a3", "b1", "b2"];
  for (const p of papers) g.addNode(p, { type: "paper" });
  for (const [s, t] of [
    ["a1", "a2"],
    ["a1", "a3"],
    ["a2", "a3"],
    ["b1", "b2"],
  ])
    g.addUndirectedEdge(s, t, { type: "similar", weight: 1 });
  const link = (paper: string, node: string, type: string) => {
    if (!g.hasNode(node)) g.addNode(node, { type: type === "authored" ? "author" : "method" });
    g.addDirectedEdge(paper, node, { type, weight: 1 });
  };
  // author:x wrote two papers of A and one of B; author:y one of each (tie: the smaller id).
  for (const p of ["a1", "a2", "b1"]) link(p, "author:x", "authored");
  for (const p of ["a3", "b2"]) link(p, "author:y", "authored");
  link("b1", "method:child-b", "has");
  link("b2", "method:child-b", "has");
  link("a1", "method:child-a", "has");
  link("b1", "method:own-b", "has");
  g.addNode("method:parent", { type: "method" });
  g.addNode("method:lonely", { type: "method" });
  g.addDirectedEdge("method:child-b", "method:parent", { type: "is-a", weight: 1 });
  g.addDirectedEdge("method:child-a", "method:parent", { type: "is-a", weight: 1 });
  // A parent with papers of its own keeps to them, whatever its children's.
  g.addDirectedEdge("method:child-a", "method:own-b", { type: "is-a", weight: 1 });
  return g;
}

describe("assignCommunities: nodes other than papers", () => {
  const g = fixture();
  assignCommunities(g, resolveOptions({}).communities);
  it.each([
    ["a1", 0],
    ["b2", 1],
    ["author:x", 0],
    ["author:y", 0],
    ["method:child-b", 1],
    ["method:child-a", 0],
    ["method:parent", 1],
    ["method:own-b", 1],
    ["method:lonely", -1],
  ])("%s → %i", (node, community) => {
    expect(g.getNodeAttribute(node, "community")).toBe(community);
  });
});
