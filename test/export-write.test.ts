// writeGraph: validates, writes atomically where asked, the same text as the pure builders.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  checkedGraph,
  csvPaths,
  toCsv,
  toGexf,
  toGraphML,
  toJson,
  writeGraph,
} from "../src/export/index.ts";
import { loadFixture } from "./export-helpers.ts";

const fixture = loadFixture();
// A graph from a file: validated and made canonical before writeGraph takes it.
const checked = checkedGraph(fixture);
const dir = mkdtempSync(join(tmpdir(), "litgraph-export-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("writeGraph", () => {
  it.each([
    ["json", "g.json", () => toJson(fixture)],
    ["gexf", "g.gexf", () => toGexf(fixture)],
    ["graphml", "g.graphml", () => toGraphML(fixture)],
  ] as const)("writes %s to the given file", (format, name, expected) => {
    const out = join(dir, format, name);
    expect(writeGraph(checked, { format, out })).toEqual([out]);
    expect(readFileSync(out, "utf8")).toBe(expected());
    expect(readdirSync(join(dir, format))).toEqual([name]);
  });

  it("writes csv as nodes and edges files and returns both paths", () => {
    const out = join(dir, "csv");
    const written = writeGraph(checked, { format: "csv", out, csvShape: "plain" });
    expect(written).toEqual([join(out, "nodes.csv"), join(out, "edges.csv")]);
    const files = toCsv(fixture, { shape: "plain" });
    expect(readFileSync(written[0], "utf8")).toBe(files.nodes);
    expect(readFileSync(written[1], "utf8")).toBe(files.edges);
    expect(readdirSync(out).sort()).toEqual(["edges.csv", "nodes.csv"]);
  });

  it("passes edgeMode and jsonLayout through", () => {
    const gexf = join(dir, "opts", "m.gexf");
    writeGraph(checked, { format: "gexf", out: gexf, edgeMode: "mixed" });
    expect(readFileSync(gexf, "utf8")).toBe(toGexf(fixture, { edgeMode: "mixed" }));
    const json = join(dir, "opts", "p.json");
    writeGraph(checked, { format: "json", out: json, jsonLayout: "pretty" });
    expect(readFileSync(json, "utf8")).toBe(toJson(fixture, { layout: "pretty" }));
  });

  it.each([
    [
      "a node without a label",
      (g: ReturnType<typeof loadFixture>) => {
        (g.nodes[3].attributes as Record<string, unknown>).label = undefined;
      },
      /export: .*nodes\.3\.attributes\.label.*node "author:lei-clifton"/,
    ],
    [
      "an edge with a string weight",
      (g: ReturnType<typeof loadFixture>) => {
        (g.edges[0].attributes as Record<string, unknown>).weight = "1";
      },
      /export: .*edges\.0\.attributes.*edge "e-authored-1"/,
    ],
  ])("refuses %s and names it", (_what, mutate, message) => {
    const g = structuredClone(fixture);
    mutate(g);
    const out = join(dir, "bad", "g.json");
    expect(() => writeGraph(checkedGraph(g), { format: "json", out })).toThrow(message);
    expect(() => readFileSync(out)).toThrow();
  });

  it("refuses an unknown format", () => {
    const out = join(dir, "bad", "g.dot");
    expect(() => writeGraph(checked, { format: "dot" as "json", out })).toThrow(
      /export: unknown format "dot"/,
    );
  });
});

describe("csvPaths", () => {
  it.each([
    ["out", "out/nodes.csv", "out/edges.csv"],
    ["out/csv/", "out/csv/nodes.csv", "out/csv/edges.csv"],
    ["out/graph.csv", "out/graph-nodes.csv", "out/graph-edges.csv"],
    ["out/graph.json", "out/graph-nodes.csv", "out/graph-edges.csv"],
    ["kg.csv", "kg-nodes.csv", "kg-edges.csv"],
  ])("%s → %s, %s", (out, nodes, edges) => {
    expect(csvPaths(out)).toEqual({ nodes, edges });
  });
});
