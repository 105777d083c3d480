import Graph from "graphology";
import noverlap from "graphology-layout-noverlap";
import { describe, expect, it } from "vitest";
import { createRng } from "../src/common/rng.ts";
import {
  type BuiltGraph,
  buildGraph,
  clusters,
  collaborators,
  type EdgeAttributes,
  findPaper,
  loadGraph,
  related,
  SerializedGraph,
  serialize,
} from "../src/graph/index.ts";
import { withSeededMathRandom } from "../src/graph/layout.ts";
import { layoutSnapshot } from "../src/graph/layout-incremental.ts";
import { roundDeep } from "../src/graph/serialize.ts";
import { seedExtracted } from "./seed-extracted.ts";

const seed = seedExtracted();

/** A built graph's similar edges' attributes, in graph order. */
const similarOf = (g: BuiltGraph) =>
  g.graph
    .filterEdges((_, a) => a.type === "similar")
    .map((e) => g.graph.getEdgeAttributes(e) as Extract<EdgeAttributes, { type: "similar" }>);
/** A built graph's edges of one type as [source, target], in graph order. */
const pairsOf = (g: BuiltGraph, type: string) =>
  g.graph.filterEdges((_, a) => a.type === type).map((e) => g.graph.extremities(e));

function shuffled<T>(xs: T[], s: number): T[] {
  const rng = createRng(s);
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const built = buildGraph(seed);
const { graph } = built;
const json = JSON.stringify(serialize(built));

describe("attributes stored canonical", () => {
  it.each([
    ["seed", () => buildGraph(seed)],
    [
      "seed, incremental",
      () => {
        const g = buildGraph(seed.slice(2));
        const o = g.options;
        return buildGraph(
          seed,
          {},
          { previousLayout: layoutSnapshot(g.graph, o.layout, o.communities) },
        );
      },
    ],
  ])("%s: roundDeep leaves every node and edge attribute object as it is", (_name, make) => {
    // serialize trusts buildGraph's graphs to be canonical and does not walk them
    const g = make();
    expect(g.canonicalAttributes).toBe(true);
    const bad: string[] = [];
    g.graph.forEachNode((k, a) => {
      if (roundDeep(a) !== a) bad.push(k);
    });
    g.graph.forEachEdge((k, a) => {
      if (roundDeep(a) !== a) bad.push(k);
    });
    expect(bad).toEqual([]);
    expect(similarOf(g).length).toBeGreaterThan(0);
  });
});

describe("edge keys in graph.json", () => {
  it("are left out where derived, and loadGraph gives back the keys the build gave", () => {
    const serialized = serialize(built);
    // a fifth of graph.json: none of litgraph's own edges needs its key written
    expect(serialized.edges.filter((e) => e.key !== undefined)).toEqual([]);
    const { graph } = loadGraph(JSON.parse(JSON.stringify(serialized)));
    expect(built.graph.edges()).toContain(
      "coauthor:author:chauhan|vinod-kumar--author:clifton|lei",
    );
    expect(graph.edges().sort()).toEqual(built.graph.edges().sort());
  });

  it("a key other than the derived one is kept and read back", () => {
    const fresh = buildGraph(seed);
    const [key] = fresh.graph.edges();
    const attrs = fresh.graph.getEdgeAttributes(key);
    const [s, t] = fresh.graph.extremities(key);
    fresh.graph.dropEdge(key);
    fresh.graph.addDirectedEdgeWithKey("custom-key", s, t, attrs);
    const serialized = serialize(fresh);
    expect(serialized.edges.filter((e) => e.key !== undefined).map((e) => e.key)).toEqual([
      "custom-key",
    ]);
    expect(loadGraph(JSON.parse(JSON.stringify(serialized))).graph.hasEdge("custom-key")).toBe(
      true,
    );
  });
});

describe("buildGraph on the hand-made seed extraction", () => {
  it("serialises to a graph the schema accepts", () => {
    const parsed = SerializedGraph.safeParse(JSON.parse(json));
    expect(parsed.success ? "ok" : parsed.error.issues.slice(0, 3)).toBe("ok");
  });

  it("has one node per paper, per resolved author and per concept", () => {
    const papers = graph.filterNodes((_, a) => a.type === "paper");
    expect(papers.length).toBe(seed.length);
    const entityIds = new Set(seed.flatMap((p) => p.entities.map((e) => e.id)));
    for (const id of entityIds) expect(graph.hasNode(id)).toBe(true);
    // Lei Clifton (3 papers) and David Clifton (1) stay two authors.
    expect(graph.getNodeAttribute("author:clifton|lei", "paperCount")).toBe(3);
    expect(graph.getNodeAttribute("author:clifton|david", "paperCount")).toBe(1);
  });

  it.each([
    ["authored", seed.reduce((n, p) => n + p.authors.length, 0)],
    ["has", seed.reduce((n, p) => n + p.entities.length, 0)],
    ["is-a", 3],
  ])("has every %s edge", (type, count) => {
    expect(graph.filterEdges((_, a) => a.type === type).length).toBe(count);
  });

  it("creates is-a parents the ontology names even when no paper holds them", () => {
    expect(graph.hasEdge("is-a:modality:ecg->modality:physiological-signal")).toBe(true);
    expect(graph.getNodeAttribute("modality:physiological-signal", "paperCount")).toBe(0);
  });

  it("weights co-authorship by shared papers and lists them, built and loaded", () => {
    const key = "coauthor:author:chauhan|vinod-kumar--author:clifton|lei";
    const { papers, weight } = graph.getEdgeAttributes(key);
    expect(papers).toHaveLength(2);
    expect(weight).toBe(2);
    const e = loadGraph(JSON.parse(json)).graph.getEdgeAttributes(key);
    expect(e.weight).toBe(2);
    expect(e.papers).toEqual(papers);
  });

  it("holds the coauthor edges in graphology, undirected, in key order", () => {
    const keys = graph.filterEdges((_, a) => a.type === "coauthor");
    expect(keys.length).toBeGreaterThan(0);
    // in key order, each pair once, between two author nodes, once per shared paper
    expect(keys).toEqual([...new Set(keys)].sort());
    for (const key of keys) {
      const [source, target] = graph.extremities(key);
      expect(graph.isUndirected(key)).toBe(true);
      expect(source < target).toBe(true);
      for (const n of [source, target]) expect(graph.getNodeAttribute(n, "type")).toBe("author");
      const { papers, weight } = graph.getEdgeAttributes(key);
      expect(weight).toBe(papers.length);
      for (const paper of papers) {
        expect(graph.hasDirectedEdge(paper, source)).toBe(true);
        expect(graph.hasDirectedEdge(paper, target)).toBe(true);
      }
    }
  });

  it("holds the similar edges in graphology, undirected, between paper nodes", () => {
    const similar = graph.filterEdges((_, a) => a.type === "similar");
    expect(similar.length).toBeGreaterThan(0);
    for (const key of similar) {
      expect(graph.isUndirected(key)).toBe(true);
      for (const n of graph.extremities(key))
        expect(graph.getNodeAttribute(n, "type")).toBe("paper");
    }
  });

  it("gives every similar edge a breakdown whose shares sum to 1", () => {
    const edges = similarOf(built);
    expect(edges.length).toBeGreaterThan(0);
    for (const { breakdown, weight } of edges) {
      expect(weight).toBeGreaterThan(0);
      const sum = breakdown.reduce((acc: number, s: { share: number }) => acc + s.share, 0);
      expect(sum).toBeCloseTo(1, 6);
    }
  });

  it("weights a rare shared item above a common one", () => {
    // Both pairs share one author; the Chauhan pair also shares Lei Clifton.
    const a = findPaper(graph, "Sample Selection Bias");
    const [first] = related(built, a, 1);
    expect(first.title).toMatch(/^Individualised Treatment Effects/);
    const authors = first.reasons.filter((r) => r.kind === "author");
    expect(authors.map((r) => r.label).sort()).toEqual(["Lei Clifton", "Vinod Kumar Chauhan"]);
  });

  it("keeps an edge when it is in the top k of either end (k = 1)", () => {
    const all = buildGraph(seed, { similarity: { topK: 100 } });
    const expected = new Set<string>();
    all.graph.forEachNode((n, a) => {
      if (a.type !== "paper") return;
      const [best] = related(all, n, 1);
      if (best) expected.add([n, best.node].sort().join(" "));
    });
    const g = buildGraph(seed, { similarity: { topK: 1 } });
    const kept = pairsOf(g, "similar").map((ends) => ends.sort().join(" "));
    expect(new Set(kept)).toEqual(expected);
    expect(kept.length).toBeLessThan(pairsOf(all, "similar").length);
  });

  it("ignores items held by too many papers", () => {
    const everyone = seed.map((p) => ({
      ...p,
      authors: [...p.authors, { name: "Ann Everyone", key: "everyone|ann" }],
    }));
    const capped = buildGraph(everyone, { similarity: { maxDfRatio: 0.5, minDfCap: 2 } });
    const reasons = similarOf(capped).flatMap((e) => e.breakdown.map((s) => s.node));
    expect(reasons).not.toContain("author:everyone|ann");
    const uncapped = buildGraph(everyone, { similarity: { maxDfRatio: 1, hardMaxDfRatio: 1 } });
    const all = similarOf(uncapped).flatMap((e) => e.breakdown.map((s) => s.node));
    expect(all).toContain("author:everyone|ann");
  });
});

describe("determinism", () => {
  it.each([1, 2, 3])("same JSON whatever the paper order (shuffle %i)", (s) => {
    expect(JSON.stringify(serialize(buildGraph(shuffled(seed, s))))).toBe(json);
  });

  it("same communities and layout on a rebuild, different layout with another seed", () => {
    const again = buildGraph(seed).graph;
    const pick = (g: typeof graph) =>
      g.mapNodes((n, a) => [n, a.community, a.x, a.y, a.mapX ?? null, a.collabX ?? null]);
    expect(pick(again)).toEqual(pick(graph));
    const other = buildGraph(seed, { layout: { seed: 99 } }).graph;
    expect(pick(other)).not.toEqual(pick(graph));
    graph.forEachNode((_, a) => {
      expect(Number.isFinite(a.x) && Number.isFinite(a.y)).toBe(true);
      expect(a.size).toBeGreaterThanOrEqual(2);
      expect(a.size).toBeLessThanOrEqual(20);
    });
  });

  it("same layout when many nodes start on one spot (noverlap's random jitter is seeded)", () => {
    const crowd = (): typeof graph => {
      const g = new Graph();
      for (let i = 0; i < 50; i++) g.addNode(`n${i}`, { x: 1, y: 1, size: 5 });
      withSeededMathRandom(7, () => noverlap.assign(g, { maxIterations: 20 }));
      return g;
    };
    const original = Math.random;
    const a = crowd().mapNodes((_, p) => [p.x, p.y]);
    const b = crowd().mapNodes((_, p) => [p.x, p.y]);
    expect(Math.random).toBe(original);
    expect(new Set(a.map((p) => p.join())).size).toBeGreaterThan(1);
    expect(b).toEqual(a);
  });

  it("same graph for a paper with very many authors", () => {
    const big = {
      ...seed[0],
      authors: Array.from({ length: 80 }, (_, i) => ({
        name: `Ann${i} Many`,
        key: `many|ann${i}`,
      })),
    };
    const input = [big, ...seed.slice(1)];
    expect(JSON.stringify(serialize(buildGraph(shuffled(input, 5))))).toBe(
      JSON.stringify(serialize(buildGraph(input))),
    );
  });

  it.each([
    [100, (80 * 79) / 2],
    [50, 0],
  ])("a paper of 80 authors adds co-author edges only up to maxCoauthors %i", (max, edges) => {
    const big = {
      ...seed[0],
      authors: Array.from({ length: 80 }, (_, i) => ({
        name: `Ann${i} Many`,
        key: `many|ann${i}`,
      })),
    };
    const g = buildGraph([big], { authors: { maxCoauthors: max } });
    expect(pairsOf(g, "coauthor").length).toBe(edges);
    expect(g.graph.filterEdges((_, e) => e.type === "authored").length).toBe(80);
    // one paper: no similar edge, and graph.size counts every edge there is
    expect(g.graph.size).toBe(80 + edges + g.graph.filterEdges((_, e) => e.type === "has").length);
  });

  it("resolution changes the communities", () => {
    const count = (r: number) =>
      clusters(buildGraph(seed, { communities: { resolution: r } })).length;
    expect(count(3)).toBeGreaterThan(count(0.2));
  });
});

describe("serialise and load", () => {
  it("round-trips through loadGraph", () => {
    const back = loadGraph(JSON.parse(json));
    expect(back.graph.order).toBe(graph.order);
    // the built graph holds every edge graph.json has, as the loaded one does
    const written = serialize(built);
    expect(graph.size).toBe(written.edges.length);
    expect(graph.size).toBe(written.meta.counts.edges);
    expect(back.graph.size).toBe(graph.size);
    for (const type of ["coauthor", "similar"])
      expect(pairsOf(built, type).length).toBe(written.meta.counts[`edges.${type}`]);
    expect(back.meta.communities).toEqual(clusters(built));
    expect(JSON.stringify(serialize(back))).toBe(json);
  });

  it("a loaded graph and the built one answer the same, edge by edge", () => {
    const back = loadGraph(JSON.parse(json)).graph;
    const around = (g: typeof graph, n: string) =>
      g
        .mapEdges(n, (key, a, s, t, _sa, _ta, undirected) => ({ key, a, s, t, undirected }))
        .sort((x, y) => (x.key < y.key ? -1 : 1));
    graph.forEachNode((n, a) => {
      expect(back.degree(n)).toBe(graph.degree(n));
      expect(around(back, n)).toEqual(around(graph, n));
      if (a.type === "paper")
        expect(related({ graph: back }, n, 100)).toEqual(related(built, n, 100));
      if (a.type === "author")
        expect(collaborators({ graph: back }, n)).toEqual(collaborators(built, n));
    });
  });

  type Json = { nodes: { attributes: { type?: string } }[]; meta?: unknown };
  it.each([
    ["a node without type", (g: Json) => delete g.nodes[0].attributes.type, "nodes.0.attributes"],
    ["no meta", (g: Json) => delete g.meta, "meta"],
  ])("rejects %s naming the place", (_, spoil, where) => {
    const bad = JSON.parse(json);
    spoil(bad);
    expect(() => loadGraph(bad, "x.json")).toThrow(new RegExp(`graph/load: x.json: ${where}`));
  });
});

describe("queries", () => {
  it.each([
    ["exact id", seed[0].id, `paper:${seed[0].id}`],
    ["node key", `paper:${seed[3].id}`, `paper:${seed[3].id}`],
    [
      "title words",
      "mode connectivity trajectory surrogates",
      `paper:${seed.find((p) => p.title.startsWith("Improving"))?.id}`,
    ],
    [
      "exact title, any case",
      "large language models in the clinic: a comprehensive benchmark",
      `paper:${seed.find((p) => p.title.startsWith("Large Language Models in the Clinic"))?.id}`,
    ],
  ])("findPaper by %s", (_, q, expected) => {
    expect(findPaper(graph, q)).toBe(expected);
  });

  it.each([
    ["dataset condensation", /matches 3 papers/],
    ["zzzz qqqq", /no paper matches/],
  ])("findPaper('%s') fails with the candidates", (q, message) => {
    expect(() => findPaper(graph, q)).toThrow(message);
  });

  it.each(["Lei Clifton", "Clifton, Lei", "L. Clifton", "author:clifton|lei"])(
    "collaborators of %s",
    (name) => {
      const list = collaborators(built, name);
      expect(list[0]).toMatchObject({ name: "Vinod Kumar Chauhan", count: 2 });
      expect(list.map((c) => c.name)).toContain("Rushuang Zhou");
    },
  );

  it("does not answer for a surname alone", () => {
    expect(() => collaborators(built, "Clifton")).toThrow(/clifton\|david/);
  });

  it("labels communities from distinctive entities", () => {
    const labels = clusters(built).map((c) => c.label);
    expect(labels.some((l) => l.includes("dataset condensation"))).toBe(true);
    expect(labels.some((l) => l.includes("large language model"))).toBe(true);
  });
});
