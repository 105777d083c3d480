// graph.json: same graph in, same bytes out, whatever the order; parses back to the same graph.
import { describe, expect, it } from "vitest";
import { toJson } from "../src/export/pure.ts";
import { edgeKey, GraphFile, isEdgeKey } from "../src/graph/schema.ts";
import { loadFixture, scrambled } from "./export-helpers.ts";

const fixture = loadFixture();
const byKey = <T extends { key?: string }>(xs: T[]) =>
  [...xs].sort((a, b) => ((a.key ?? "") < (b.key ?? "") ? -1 : 1));

describe.each(["lines", "pretty", "compact"] as const)("toJson layout %s", (layout) => {
  const text = toJson(fixture, { layout });

  it("parses back to the same graph and validates against the schema", () => {
    const back = JSON.parse(text);
    expect(GraphFile.safeParse(back).success).toBe(true);
    expect(byKey(back.nodes)).toEqual(byKey(fixture.nodes));
    expect(byKey(back.edges)).toEqual(byKey(fixture.edges));
    expect(back.meta).toEqual(fixture.meta);
    expect(back.options).toEqual(fixture.options);
  });

  it("gives the same bytes for scrambled input and ends with one newline", () => {
    expect(toJson(scrambled(fixture), { layout })).toBe(text);
    expect(text.endsWith("}\n")).toBe(true);
    expect(text.endsWith("\n\n")).toBe(false);
  });

  it("sorts nodes by key and object keys at every depth", () => {
    const back = JSON.parse(text);
    const keys = back.nodes.map((n: { key: string }) => n.key);
    expect(keys).toEqual([...keys].sort());
    expect(Object.keys(back)).toEqual(["attributes", "edges", "meta", "nodes", "options"]);
    const attrs = Object.keys(back.nodes[0].attributes);
    expect(attrs).toEqual([...attrs].sort());
    const mention = Object.keys(
      back.edges.find((e: { key?: string }) => e.key === "e-has-1").attributes.mentions[0],
    );
    expect(mention).toEqual([...mention].sort());
  });
});

describe("toJson shapes", () => {
  it.each([
    ["lines", fixture.nodes.length + fixture.edges.length + 9],
    ["pretty", 300],
    ["compact", 1],
  ] as const)("layout %s has the expected number of lines", (layout, lines) => {
    const count = toJson(fixture, { layout }).trimEnd().split("\n").length;
    if (layout === "pretty") expect(count).toBeGreaterThan(lines);
    else expect(count).toBe(lines);
  });

  it("lines layout puts exactly one node or edge on each item line", () => {
    const items = toJson(fixture)
      .split("\n")
      .filter((l) => l.startsWith("    {"));
    expect(items).toHaveLength(fixture.nodes.length + fixture.edges.length);
    for (const line of items) expect(() => JSON.parse(line.replace(/,$/, ""))).not.toThrow();
  });

  it("keeps edges in key order, an edge without a key at its derived key's place", () => {
    const back = JSON.parse(toJson(fixture));
    type E = { key?: string; source: string; target: string; undirected?: boolean };
    const edges: (E & { attributes: { type: string } })[] = back.edges;
    expect(edges.some((e) => e.key === undefined)).toBe(true);
    const keys = edges.map(
      (e) => e.key ?? edgeKey(e.attributes.type, e.source, e.target, e.undirected),
    );
    expect(keys).toEqual([...keys].sort());
  });
});

describe("isEdgeKey", () => {
  // [key, type, source, target, undirected]
  const rows: [string, string, string, string, string, boolean][] = [
    ["derived directed", "has:paper:a->task:b", "has", "paper:a", "task:b", false],
    ["derived undirected", "similar:paper:a--paper:b", "similar", "paper:a", "paper:b", true],
    ["wrong arrow", "similar:paper:a->paper:b", "similar", "paper:a", "paper:b", true],
    ["other type", "has:paper:a->task:b", "is-a", "paper:a", "task:b", false],
    ["type prefix", "hash:paper:a->task:b", "has", "paper:a", "task:b", false],
    ["source split differently", "has:paper:a->b->c", "has", "paper:a->b", "c", false],
    ["same length, other target", "has:paper:a->task:c", "has", "paper:a", "task:b", false],
    ["custom key", "e1", "has", "paper:a", "task:b", false],
    ["empty source", "has:->x", "has", "", "x", false],
  ];
  it.each(rows)("%s", (_, key, type, source, target, undirected) => {
    expect(isEdgeKey(key, type, source, target, undirected)).toBe(
      key === edgeKey(type, source, target, undirected),
    );
  });
  it("the table holds both answers", () => {
    const answers = rows.map(([, key, type, s, t, u]) => key === edgeKey(type, s, t, u));
    expect(answers).toContain(true);
    expect(answers).toContain(false);
  });
});
