// A built graph holds every node and edge in graphology, as the graph it writes and a loaded
// one do: graph.size, degrees and each node's edges agree with graph.json, for a full and an
// incremental build; the knowledge-graph layout pulls only along the edges that view draws.
import { describe, expect, it } from "vitest";
import { type BuiltGraph, buildGraph, loadGraph, serialize } from "../src/graph/index.ts";
import { layoutView } from "../src/graph/layout.ts";
import { layoutSnapshot } from "../src/graph/layout-incremental.ts";
import { resolveOptions } from "../src/graph/options.ts";
import { seedExtracted } from "./seed-extracted.ts";

const seed = seedExtracted();
const full = buildGraph(seed);
const incremental = (() => {
  const base = buildGraph(seed.slice(3));
  const o = base.options;
  const previousLayout = layoutSnapshot(base.graph, o.layout, o.communities);
  return buildGraph(seed, {}, { previousLayout });
})();

describe.each([
  ["full build", full],
  ["incremental build", incremental],
])("%s", (_name, built: BuiltGraph) => {
  const written = serialize(built);
  const loaded = loadGraph(JSON.parse(JSON.stringify(written))).graph;
  const { graph } = built;

  it("counts every edge graph.json holds, coauthor and similar included", () => {
    expect(graph.size).toBe(written.edges.length);
    expect(graph.size).toBe(written.meta.counts.edges);
    for (const type of ["authored", "has", "coauthor", "similar"]) {
      const n = graph.filterEdges((_, a) => a.type === type).length;
      expect(n).toBeGreaterThan(0);
      expect(n).toBe(written.meta.counts[`edges.${type}`]);
    }
  });

  it("gives each node the degree and edges of the loaded graph", () => {
    const ends = (g: typeof graph, n: string) =>
      g.mapEdges(n, (key, a) => `${key} ${a.weight}`).sort();
    expect(loaded.order).toBe(graph.order);
    graph.forEachNode((n) => {
      expect(graph.degree(n)).toBe(loaded.degree(n));
      expect(ends(graph, n)).toEqual(ends(loaded, n));
    });
    // a paper's similar neighbours and an author's co-authors, as graphology walks them
    const neighbours = (g: typeof graph, n: string, type: string) => {
      const out: string[] = [];
      g.forEachEdge(n, (_e, a, s, t) => {
        if (a.type === type) out.push(s === n ? t : s);
      });
      return out.sort();
    };
    graph.forEachNode((n, a) => {
      const type = a.type === "paper" ? "similar" : a.type === "author" ? "coauthor" : undefined;
      if (type) expect(neighbours(graph, n, type)).toEqual(neighbours(loaded, n, type));
    });
  });
});

describe("the knowledge-graph layout in place", () => {
  it("pulls along the types it is given: other edges change no position", () => {
    const drawn = new Set(["authored", "has", "is-a", "cites"]);
    const opts = resolveOptions({}).layout;
    const withAll = full.graph.copy();
    const withDrawn = full.graph.copy();
    for (const e of withDrawn.filterEdges((_, a) => !drawn.has(a.type))) withDrawn.dropEdge(e);
    expect(withDrawn.size).toBeLessThan(withAll.size);
    const a = layoutView(withAll, withAll.nodes(), drawn, "community", opts);
    const b = layoutView(withDrawn, withDrawn.nodes(), drawn, "community", opts);
    expect([...a]).toEqual([...b]);
    // and with the similar edges pulling too, the layout differs
    const pulled = layoutView(
      full.graph.copy(),
      withAll.nodes(),
      new Set([...drawn, "similar"]),
      "community",
      opts,
    );
    expect([...pulled]).not.toEqual([...a]);
  });
});
