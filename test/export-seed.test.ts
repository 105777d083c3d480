// Exports of the real seed graph (seeds/ through the whole pipeline): GEXF and GraphML read back
// by graphology's parsers with every node, edge and attribute; CSV by csv-parse; stable bytes.
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { toCsv, toGexf, toGraphML, toJson } from "../src/export/pure.ts";
import { edgeKey, type SerializedGraph } from "../src/graph/schema.ts";
import { runPipeline } from "../src/pipeline.ts";
import { expectRoundTrip, XML_FORMATS } from "./export-helpers.ts";

const AS_OF = new Date("2026-11-27T00:00:00Z");
let seed: SerializedGraph;

beforeAll(async () => {
  seed = (await runPipeline(["seeds"], { asOf: AS_OF })).serialized;
});

describe("seed graph exports", () => {
  it("is a graph with every kind of node and edge the exports must carry", () => {
    const nodeTypes = new Set(seed.nodes.map((n) => n.attributes.type));
    const edgeTypes = new Set(seed.edges.map((e) => e.attributes.type));
    for (const t of ["paper", "author", "method"]) expect(nodeTypes).toContain(t);
    for (const t of ["authored", "has", "is-a", "coauthor", "similar"])
      expect(edgeTypes).toContain(t);
  });

  describe.each(XML_FORMATS)("$name", ({ write, read }) => {
    it.each(["directed", "mixed"] as const)(
      "is read back by graphology with every node, edge and attribute (edgeMode %s)",
      (mode) => {
        expectRoundTrip(read(write(seed, mode)), seed, mode);
      },
    );
  });

  it.each([
    ["neo4j", "id:ID", ":START_ID", ":END_ID"],
    ["plain", "id", "src", "dst"],
  ] as const)("CSV (%s) parses back with every node and edge", (shape, id, src, dst) => {
    const files = toCsv(seed, { shape });
    const nodes: Record<string, string>[] = parse(files.nodes, { columns: true });
    const edges: Record<string, string>[] = parse(files.edges, { columns: true });
    expect(nodes.map((r) => r[id]).sort()).toEqual(seed.nodes.map((n) => n.key).sort());
    expect(edges).toHaveLength(seed.edges.length);
    const byKey = new Map(
      seed.edges.map((e) => [
        e.key ?? edgeKey(e.attributes.type, e.source, e.target, e.undirected),
        e,
      ]),
    );
    for (const row of edges) {
      const edge = byKey.get(row.key);
      expect([row[src], row[dst], row.type]).toEqual([
        edge?.source,
        edge?.target,
        edge?.attributes.type,
      ]);
    }
  });

  it("two builds give byte-identical files in every format", async () => {
    const again = (await runPipeline(["seeds"], { asOf: AS_OF })).serialized;
    expect(toJson(again)).toBe(toJson(seed));
    expect(toGexf(again)).toBe(toGexf(seed));
    expect(toGraphML(again)).toBe(toGraphML(seed));
    expect(toCsv(again)).toEqual(toCsv(seed));
  });
});
