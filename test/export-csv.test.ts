// nodes.csv / edges.csv: RFC 4180 quoting, Neo4j and GraphFrames headers, every node and edge
// parses back with csv-parse, hostile strings intact.
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvField, flattenGraph, neo4jLabels, neo4jRelType, toCsv } from "../src/export/pure.ts";
import { loadFixture, scrambled } from "./export-helpers.ts";

const fixture = loadFixture();
const flat = flattenGraph(fixture);
type Row = Record<string, string>;
const read = (text: string): Row[] => parse(text, { columns: true, bom: false });
const noLone = (s: string) => s.replace(/[\ud800-\udfff]/gu, "");
const bare = (header: string) => header.replace(/:(long|double|boolean)$/, "");

describe.each([
  { shape: "neo4j" as const, id: "id:ID", src: ":START_ID", dst: ":END_ID" },
  { shape: "plain" as const, id: "id", src: "src", dst: "dst" },
])("toCsv shape $shape", ({ shape, id, src, dst }) => {
  const files = toCsv(fixture, { shape });
  const nodes = read(files.nodes);
  const edges = read(files.edges);

  it("has one row per node with every flattened attribute", () => {
    expect(nodes).toHaveLength(flat.nodes.length);
    nodes.forEach((row, i) => {
      const node = flat.nodes[i];
      expect(row[id]).toBe(node.key);
      const got = Object.fromEntries(
        Object.entries(row)
          .filter(([h, v]) => h !== id && h !== ":LABEL" && v !== "")
          .map(([h, v]) => [bare(h), v]),
      );
      const want = Object.fromEntries(
        Object.entries(node.attributes).map(([k, v]) => [k, noLone(String(v))]),
      );
      expect(got, node.key).toEqual(want);
    });
  });

  it("has one row per edge, with ends that are node ids", () => {
    expect(edges).toHaveLength(flat.edges.length);
    const ids = new Set(nodes.map((r) => r[id]));
    edges.forEach((row, i) => {
      const edge = flat.edges[i];
      expect([row[src], row[dst], row.key]).toEqual([edge.source, edge.target, edge.key]);
      expect(ids.has(row[src]) && ids.has(row[dst])).toBe(true);
      const got = Object.fromEntries(
        Object.entries(row)
          .filter(([h, v]) => ![src, dst, ":TYPE", "key"].includes(h) && v !== "")
          .map(([h, v]) => [bare(h), v]),
      );
      const want = Object.fromEntries(
        Object.entries(edge.attributes).map(([k, v]) => [k, noLone(String(v))]),
      );
      expect(got, edge.key).toEqual(want);
    });
  });

  it("keeps quotes, commas, newlines and control characters", () => {
    const paper = nodes.find((r) => r[id] === 'paper:doi:10.1000/a<b>&"c"');
    const source = fixture.nodes.find((n) => n.key === 'paper:doi:10.1000/a<b>&"c"');
    if (source?.attributes.type !== "paper") throw new Error("fixture changed");
    expect(paper?.abstract).toBe(source.attributes.abstract.replace("lone\ud800x", "lonex"));
    expect(paper?.abstract).toContain("\r\nwith tab\t");
    expect(paper?.abstract).toContain("\u0001");
    expect(paper?.label).toBe('Tabular "CTGAN" <vs> R&D: a, b; c');
  });

  it("gives the same bytes for scrambled input", () => {
    expect(toCsv(scrambled(fixture), { shape })).toEqual(files);
  });
});

describe("neo4j conventions", () => {
  const files = toCsv(fixture);
  const nodeHeader = files.nodes.split("\n")[0].split(",");
  const edgeHeader = files.edges.split("\n")[0].split(",");

  it("starts headers with the import id, label and type columns", () => {
    expect(nodeHeader.slice(0, 4)).toEqual(["id:ID", ":LABEL", "type", "label"]);
    expect(edgeHeader.slice(0, 7)).toEqual([
      ":START_ID",
      ":END_ID",
      ":TYPE",
      "key",
      "type",
      "weight:double",
      "undirected:boolean",
    ]);
  });

  it.each([
    ["x:double"],
    ["mapY:double"],
    ["community:long"],
    ["year:long"],
    ["paperCount:long"],
    ["title"],
  ])("types node column %s", (header) => {
    expect(nodeHeader).toContain(header);
  });

  it.each([
    ["paper", "Paper"],
    ["author", "Author"],
    ["method", "Concept;Method"],
    ["topic", "Concept;Topic"],
  ])("labels %s nodes %s", (type, labels) => {
    expect(neo4jLabels(type)).toBe(labels);
  });

  it.each([
    ["authored", "AUTHORED"],
    ["has", "HAS"],
    ["is-a", "IS_A"],
    ["coauthor", "COAUTHOR"],
    ["similar", "SIMILAR"],
  ])("names %s relationships %s", (type, rel) => {
    expect(neo4jRelType(type)).toBe(rel);
  });

  it("writes :LABEL and :TYPE from the node and edge types", () => {
    const nodes = read(files.nodes);
    const edges = read(files.edges);
    expect(nodes.find((r) => r["id:ID"] === "dataset:mimic-iii")?.[":LABEL"]).toBe(
      "Concept;Dataset",
    );
    expect(edges.find((r) => r.key === "e-isa-1")?.[":TYPE"]).toBe("IS_A");
  });
});

describe("csvField", () => {
  it.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["line\nbreak", '"line\nbreak"'],
    ["cr\ronly", '"cr\ronly"'],
    ["semi; colon <&>", "semi; colon <&>"],
    ["", ""],
    ["lone\ud800x \u{1F600}", "lonex \u{1F600}"],
  ])("%j → %j", (input, output) => {
    expect(csvField(input)).toBe(output);
  });
});
