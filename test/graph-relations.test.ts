// Relations over a graph and its tables: coauthor and similar edges read from the tables, and
// from the graph alike (an edge added to the graph afterwards is seen too); relations.ts.
import Graph from "graphology";
import { describe, expect, it } from "vitest";
import { relations } from "../src/graph/relations.ts";
import type { EdgeTables } from "../src/graph/tables.ts";

function sample(): Graph {
  const graph = new Graph({ type: "mixed" });
  for (const n of ["paper:a", "paper:b", "author:x", "author:y"]) graph.addNode(n);
  graph.addDirectedEdge("paper:a", "author:x", { type: "authored", position: 1, weight: 1 });
  graph.addDirectedEdge("paper:b", "author:y", { type: "authored", position: 1, weight: 1 });
  return graph;
}

const coauthor = (source: string, target: string, papers: string[]) => ({
  source,
  target,
  attributes: { papers, type: "coauthor" as const, weight: papers.length },
});

const tables: EdgeTables = {
  coauthor: [coauthor("author:x", "author:y", ["paper:a"])],
  similar: [],
};

const others = (rel: ReturnType<typeof relations>, node: string, type: "coauthor" | "authored") =>
  rel.neighbours(node, type).map((n) => n.node);

describe("relations", () => {
  it("reads a type held only in the tables from them, and graph types from the graph", () => {
    const rel = relations(sample(), tables);
    expect(others(rel, "author:x", "coauthor")).toEqual(["author:y"]);
    expect(others(rel, "author:x", "authored")).toEqual(["paper:a"]);
    expect(rel.neighbours("paper:a", "coauthor")).toEqual([]);
  });

  it("sees an edge of that type added to the graph after the relations were made", () => {
    const graph = sample();
    const rel = relations(graph, tables);
    expect(others(rel, "author:x", "coauthor")).toEqual(["author:y"]);
    graph.addUndirectedEdge("author:x", "paper:b", { type: "coauthor", papers: [], weight: 1 });
    expect(others(rel, "author:x", "coauthor")).toEqual(["paper:b", "author:y"]);
  });

  it("reads every edge from the graph when there are no tables (a loaded graph)", () => {
    const graph = sample();
    graph.addUndirectedEdge("author:x", "author:y", { type: "coauthor", papers: [], weight: 1 });
    const rel = relations(graph);
    expect(others(rel, "author:y", "coauthor")).toEqual(["author:x"]);
    expect(rel.degree("author:y")).toBe(2);
  });
});
