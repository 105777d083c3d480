// Incremental layout: known nodes keep their places, new ones go among their neighbours.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Graph from "graphology";
import { describe, expect, it } from "vitest";
import { buildGraph, serialize } from "../src/graph/index.ts";
import {
  assignIncrementally,
  INCREMENTAL_DEFAULTS,
  LayoutSnapshot,
  layoutSnapshot,
  placeIncrementally,
  viewPositions,
} from "../src/graph/layout-incremental.ts";
import { runPipeline } from "../src/pipeline.ts";
import { seedExtracted } from "./seed-extracted.ts";

const seed = seedExtracted();

/** A square of four known nodes a..d, and new nodes wired as each case says. */
function square(extra: [string, string, number][]): Graph {
  const g = new Graph({ type: "undirected" });
  for (const n of ["a", "b", "c", "d", "n", "m", "lonely"]) g.addNode(n);
  for (const [s, t, weight] of extra) g.addEdge(s, t, { type: "similar", weight });
  return g;
}
const known = new Map([
  ["a", { x: 0, y: 0 }],
  ["b", { x: 10, y: 0 }],
  ["c", { x: 0, y: 10 }],
  ["d", { x: 10, y: 10 }],
]);
const similar = new Set(["similar"]);

describe("placeIncrementally", () => {
  const g = square([
    ["n", "a", 1],
    ["n", "b", 3],
    ["m", "n", 1],
    ["a", "b", 1],
  ]);
  const nodes = ["a", "b", "c", "d", "n", "m", "lonely"];
  const opts = { ...INCREMENTAL_DEFAULTS, minKnownShare: 0.5 };
  const placed = placeIncrementally(g, nodes, similar, known, opts);

  it("keeps every known node exactly where it was", () => {
    for (const [k, p] of known) expect(placed?.get(k)).toEqual(p);
  });

  it("puts a new node near the weighted mean of its placed neighbours", () => {
    const p = placed?.get("n");
    // mean of a (weight 1) and b (weight 3): (7.5, 0); offset at most half the spacing (5)
    expect(p).toBeDefined();
    expect(Math.hypot((p?.x ?? 0) - 7.5, p?.y ?? 0)).toBeLessThanOrEqual(2.5 + 1e-9);
  });

  it("places a node whose only neighbour is new in a later pass, next to it", () => {
    const n = placed?.get("n");
    const m = placed?.get("m");
    expect(m).toBeDefined();
    expect(Math.hypot((m?.x ?? 0) - (n?.x ?? 0), (m?.y ?? 0) - (n?.y ?? 0))).toBeLessThanOrEqual(
      2.5 + 1e-9,
    );
  });

  it("puts a node with no placed neighbour outside the known layout", () => {
    const p = placed?.get("lonely");
    expect(p).toBeDefined();
    // on the ring: half the known extent (5) plus the mean spacing (√(100/4) = 5) from the centre
    expect(Math.hypot((p?.x ?? 0) - 5, (p?.y ?? 0) - 5)).toBeCloseTo(10, 3);
  });

  it("gives up (null) when too few nodes are known", () => {
    expect(placeIncrementally(g, nodes, similar, known, INCREMENTAL_DEFAULTS)).toBeNull();
    expect(placeIncrementally(g, nodes, similar, new Map(), opts)).toBeNull();
  });

  it("ignores edges of other types", () => {
    const h = square([["n", "a", 1]]);
    h.setEdgeAttribute(h.edges()[0], "type", "coauthor");
    const p = placeIncrementally(h, nodes, similar, known, opts)?.get("n");
    // no neighbour over a "similar" edge: on the ring, not beside a
    expect(Math.hypot((p?.x ?? 0) - 5, (p?.y ?? 0) - 5)).toBeCloseTo(10, 3);
  });
});

describe("assignIncrementally", () => {
  const g = square([
    ["n", "a", 1],
    ["n", "b", 1],
    ["n", "c", 3],
    ["m", "n", 1],
  ]);
  const nodes = ["a", "b", "c", "d", "n", "m", "lonely"];
  const communities = new Map([
    ["a", 0],
    ["b", 0],
    ["c", 1],
    ["d", 2],
  ]);
  const opts = { ...INCREMENTAL_DEFAULTS, minKnownShare: 0.5 };
  const got = assignIncrementally(g, nodes, similar, communities, opts);

  it("keeps known communities and gives a new node its neighbours' weighted majority", () => {
    for (const [k, c] of communities) expect(got?.get(k)).toBe(c);
    // a and b (weight 1 each) are community 0, c (weight 3) is community 1
    expect(got?.get("n")).toBe(1);
  });

  it("assigns in passes (m through n) and -1 where no neighbour has one", () => {
    expect(got?.get("m")).toBe(1);
    expect(got?.get("lonely")).toBe(-1);
  });

  it("gives up (null) when too few nodes are known", () => {
    expect(assignIncrementally(g, nodes, similar, communities)).toBeNull();
  });
});

describe("buildGraph with a previous layout", () => {
  const full = buildGraph(seed);
  const snapshot = LayoutSnapshot.parse(
    JSON.parse(JSON.stringify(layoutSnapshot(full.graph, full.options.layout))),
  );

  it("same papers: every position is the previous one, in every view", () => {
    const again = buildGraph(seed, {}, { previousLayout: snapshot });
    expect(again.incremental?.views).toEqual(["map", "kg", "collab"]);
    expect(JSON.stringify(serialize(again))).toBe(JSON.stringify(serialize(full)));
  });

  it("one paper added: the others keep their map positions, the new one is placed", () => {
    const base = buildGraph(seed.slice(1));
    const snap = layoutSnapshot(base.graph, base.options.layout);
    const { graph: grown, incremental } = buildGraph(seed, {}, { previousLayout: snap });
    expect(incremental?.views).toContain("map");
    const before = viewPositions(snap, "map");
    for (const [k, p] of before)
      expect({
        x: grown.getNodeAttribute(k, "mapX"),
        y: grown.getNodeAttribute(k, "mapY"),
      }).toEqual(p);
    const added = `paper:${seed[0].id}`;
    expect(before.has(added)).toBe(false);
    expect(Number.isFinite(grown.getNodeAttribute(added, "mapX"))).toBe(true);
  });

  it("one paper added: the others keep their communities, the new one joins its neighbours'", () => {
    const base = buildGraph(seed.slice(1));
    const o = base.options;
    const snap = layoutSnapshot(base.graph, o.layout, o.communities);
    const built = buildGraph(seed, {}, { previousLayout: snap });
    const grown = built.graph;
    expect(built.incremental?.communities).toEqual(["papers", "authors"]);
    base.graph.forEachNode((k, a) => {
      if (a.type === "paper") expect(grown.getNodeAttribute(k, "community")).toBe(a.community);
      if (a.type === "author")
        expect(grown.getNodeAttribute(k, "collabCommunity")).toBe(a.collabCommunity);
    });
    const added = `paper:${seed[0].id}`;
    const votes = new Map<number, number>();
    grown.forEachEdge(added, (_e, a, s, t) => {
      if (a.type !== "similar") return;
      const c = grown.getNodeAttribute(s === added ? t : s, "community") as number;
      if (c >= 0) votes.set(c, (votes.get(c) ?? 0) + a.weight);
    });
    expect(votes.size).toBeGreaterThan(0);
    const best = [...votes].sort((x, y) => y[1] - x[1] || x[0] - y[0])[0]?.[0] ?? -1;
    expect(grown.getNodeAttribute(added, "community")).toBe(best);
  });

  it("other community options: communities come from Louvain again", () => {
    const o = full.options;
    const snap = layoutSnapshot(full.graph, o.layout, o.communities);
    const other = buildGraph(seed, { communities: { resolution: 1.5 } }, { previousLayout: snap });
    expect(other.incremental?.communities).toEqual([]);
  });

  it("other layout options: the snapshot is not used", () => {
    const other = buildGraph(seed, { layout: { seed: 8 } }, { previousLayout: snapshot });
    expect(other.incremental?.views).toEqual([]);
  });
});

describe("runPipeline incremental", () => {
  it("writes layout.json to the cache dir and starts the next build from it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "litgraph-incr-"));
    try {
      const asOf = new Date("2026-11-27T00:00:00Z");
      const cache = { dir };
      const first = (await runPipeline(["seeds"], { asOf, cache, threads: 1 })).serialized;
      expect(existsSync(join(dir, "layout.json"))).toBe(true);
      expect(first.meta.options.incrementalViews).toBeUndefined();
      const again = (await runPipeline(["seeds"], { asOf, cache, threads: 1, incremental: true }))
        .serialized;
      expect(again.meta.options.incrementalViews).toEqual(["map", "kg", "collab"]);
      expect(again.meta.options.incrementalCommunities).toEqual(["papers", "authors"]);
      expect(again.nodes).toEqual(first.nodes);
      // a broken snapshot is ignored: a full layout, the same as the first build's
      writeFileSync(join(dir, "layout.json"), "{not json");
      const broken = (await runPipeline(["seeds"], { asOf, cache, threads: 1, incremental: true }))
        .serialized;
      expect(broken.meta.options.incrementalViews).toEqual([]);
      expect(broken.nodes).toEqual(first.nodes);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
