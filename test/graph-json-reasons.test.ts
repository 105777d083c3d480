// graph.json's packed form of the similar edges' reasons (src/graph/reasons.ts): tuples that
// leave out what the node key and the graph's nodes give, loading back to the same graph, on the
// graph of a real Web of Science slice (its papers cite each other and share references).
import { describe, expect, it } from "vitest";
import { canonicalJson, jsonLineChunks } from "../src/export/json.ts";
import {
  nodeLabels,
  PackedReason,
  packReason,
  ReasonPacker,
  unpackReason,
  unpackReasons,
} from "../src/graph/reasons.ts";
import type { ShareItem } from "../src/graph/schema.ts";
import { loadGraph, serialize } from "../src/graph/serialize.ts";
import { cites, serialized, records as wos } from "./wos-graph.ts";

describe("graph.json's packed reasons", () => {
  const labels = new Map([
    ["paper:p1", "Title one"],
    ["method:svm", "support vector machine"],
  ]);
  it.each([
    [{ kind: "term", label: "graph", node: "term:graph", share: 0.5 }, ["term:graph", 0.5]],
    [
      { kind: "term", label: "graphs", node: "term:graph", share: 0.5 },
      ["term:graph", 0.5, "graphs"],
    ],
    [
      { kind: "method", label: "support vector machine", node: "method:svm", share: 0.1 },
      ["method:svm", 0.1],
    ],
    [{ kind: "citation", label: "Title one", node: "cites:p1", share: 0.2 }, ["cites:p1", 0.2]],
    [
      { kind: "direct-citation", label: "Title one", node: "cites:p1", share: 0.2 },
      ["cites:p1", 0.2, "Title one", "direct-citation"],
    ],
    [
      { kind: "citation", label: "Smith 1966", node: "cites:ref:smith|1966", share: 0.2 },
      ["cites:ref:smith|1966", 0.2, "Smith 1966"],
    ],
    [{ kind: "other", label: "3 more shared", node: "", share: 0.3 }, ["", 0.3, "3 more shared"]],
    [
      { kind: "venue", label: "Nature", node: "venue:nature", share: 0.3 },
      ["venue:nature", 0.3, "Nature"],
    ],
  ] as [ShareItem, PackedReason][])("%o packs as %o and back", (item, packed) => {
    expect(packReason(item, labels)).toEqual(packed);
    expect(PackedReason.safeParse(packed).success).toBe(true);
    expect(unpackReason(packed, labels)).toEqual(item);
    expect(new ReasonPacker(labels).json([item, item])).toBe(JSON.stringify([packed, packed]));
  });

  it("a packed reason that names no label and has no node to take it from stays unread", () => {
    expect(unpackReason(["method:unknown", 0.5], labels)).toBeNull();
    expect(unpackReason(["", 0.5], labels)).toBeNull();
  });

  const text = [...jsonLineChunks(serialized)].join("");

  it("the file is smaller and loads back to the same graph as the object form", () => {
    const objectForm = JSON.stringify(serialized);
    expect(text.length).toBeLessThan(objectForm.length);
    expect(text).not.toContain('"kind":');
    const fromPacked = serialize(loadGraph(JSON.parse(text)));
    const fromObjects = serialize(loadGraph(JSON.parse(objectForm)));
    expect(JSON.stringify(fromPacked)).toBe(JSON.stringify(serialized));
    expect(JSON.stringify(fromObjects)).toBe(JSON.stringify(serialized));
  });

  it("every layout packs the same reasons", () => {
    const lines = JSON.parse(text);
    expect(JSON.parse(canonicalJson(serialized, { layout: "compact" }))).toEqual(lines);
    expect(JSON.parse(canonicalJson(serialized, { layout: "pretty" }))).toEqual(lines);
  });

  it("unpackReasons gives the object form, and leaves what is not a packed reason alone", () => {
    const json = JSON.parse(text);
    expect(unpackReasons(json)).toEqual(JSON.parse(JSON.stringify(serialized)));
    const odd = { nodes: [], edges: [{ attributes: { type: "similar", breakdown: [[1, "x"]] } }] };
    expect(unpackReasons(structuredClone(odd))).toEqual(odd);
    expect(nodeLabels(serialized.nodes).get(cites[0].target)).toBe(
      wos.find((p) => `paper:${p.id}` === cites[0].target)?.title,
    );
  });
});
