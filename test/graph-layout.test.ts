// Layout packing: connected components brought to one density and packed around the biggest, so
// an isolated paper sits near the rest and co-authors of one paper are not a tight clump.
import fc from "fast-check";
import Graph from "graphology";
import { describe, expect, it } from "vitest";
import { createRng } from "../src/common/rng.ts";
import { layoutView } from "../src/graph/layout.ts";
import {
  components,
  PACK_DEFAULTS,
  packCircles,
  packComponents,
} from "../src/graph/layout-pack.ts";
import { DEFAULTS } from "../src/graph/options.ts";

type Pt = { x: number; y: number };
const dist = (a: Pt, b: Pt) => Math.hypot(a.x - b.x, a.y - b.y);
const centroid = (ps: Pt[]) => ({
  x: ps.reduce((s, p) => s + p.x, 0) / ps.length,
  y: ps.reduce((s, p) => s + p.y, 0) / ps.length,
});
/** Smallest distance between two different points. */
const minGap = (ps: Pt[]) => {
  let m = Number.POSITIVE_INFINITY;
  for (let i = 0; i < ps.length; i++)
    for (let j = i + 1; j < ps.length; j++) m = Math.min(m, dist(ps[i], ps[j]));
  return m;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function overlaps(radii: number[], centres: Pt[]): string[] {
  const bad: string[] = [];
  for (let i = 0; i < radii.length; i++)
    for (let j = i + 1; j < radii.length; j++)
      if (dist(centres[i], centres[j]) < (radii[i] + radii[j]) * (1 - 1e-6)) bad.push(`${i}-${j}`);
  return bad;
}

describe("packCircles", () => {
  const cases: [string, number[]][] = [
    ["one circle", [3]],
    ["a big one and an isolate", [40, 1]],
    ["equal circles", Array.from({ length: 30 }, () => 2)],
    ["one big, many small", [25, ...Array.from({ length: 60 }, (_, i) => 1 + (i % 4) / 2)]],
    ["decreasing", Array.from({ length: 20 }, (_, i) => 20 - i)],
  ];
  it.each(cases)("%s: no overlap, the first at the origin, compact", (_name, radii) => {
    const centres = packCircles(radii);
    expect(centres).toHaveLength(radii.length);
    expect(centres[0]).toEqual({ x: 0, y: 0 });
    expect(overlaps(radii, centres)).toEqual([]);
    // everything within a disc of a few times the area the circles need
    const extent = Math.max(...centres.map((c, i) => Math.hypot(c.x, c.y) + radii[i]));
    const needed = Math.sqrt(radii.reduce((s, r) => s + r * r, 0));
    expect(extent).toBeLessThanOrEqual(3 * needed + 2 * Math.max(...radii));
  });

  it("an isolate beside a big circle touches its rim, not far off", () => {
    const [big, small] = packCircles([40, 1]);
    expect(dist(big, small)).toBeGreaterThanOrEqual(41 - 1e-6);
    expect(dist(big, small)).toBeLessThanOrEqual(41 + 4);
  });

  it("random radii never overlap", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.1, max: 30, noNaN: true }), { maxLength: 40 }),
        (rs) => {
          const radii = [...rs].sort((a, b) => b - a);
          expect(overlaps(radii, packCircles(radii))).toEqual([]);
        },
      ),
      { seed: 11, numRuns: 60 },
    );
  });
});

describe("components", () => {
  const cases: [string, number, [number, number][], number[]][] = [
    ["no edges", 4, [], [1, 1, 1, 1]],
    [
      "a path",
      4,
      [
        [0, 1],
        [1, 2],
        [2, 3],
      ],
      [4],
    ],
    [
      "two pairs and an isolate",
      5,
      [
        [0, 1],
        [3, 4],
      ],
      [2, 2, 1],
    ],
    [
      "a triangle and a pair joined late",
      5,
      [
        [0, 1],
        [1, 2],
        [3, 4],
        [2, 0],
      ],
      [3, 2],
    ],
  ];
  it.each(cases)("%s", (_name, n, edges, sizes) => {
    const g = new Graph({ type: "undirected" });
    for (let i = 0; i < n; i++) g.addNode(`n${i}`);
    for (const [s, t] of edges) g.addEdge(`n${s}`, `n${t}`);
    const comps = components(g);
    expect(comps.map((c) => c.length)).toEqual(sizes);
    expect(comps.flat().sort()).toEqual(g.nodes().sort());
  });
});

/** A 40-paper connected body, a far-away isolate and a tight 5-clique (co-authors of one paper). */
function fixture(): { graph: Graph; body: string[]; clump: string[]; isolate: string } {
  const rng = createRng(3);
  const graph = new Graph({ type: "mixed" });
  const body = Array.from({ length: 40 }, (_, i) => `b${i}`);
  const clump = Array.from({ length: 5 }, (_, i) => `c${i}`);
  const isolate = "far";
  // the isolate is in no community (-1), as a paper without similar papers is
  for (const n of [...body, ...clump, isolate])
    graph.addNode(n, {
      size: 4 + (n.length % 3),
      community: n === isolate ? -1 : n.startsWith("b") ? 0 : 1,
    });
  for (let i = 1; i < body.length; i++) {
    graph.mergeUndirectedEdge(body[i], body[Math.floor(rng() * i)], { type: "similar", weight: 1 });
    const j = Math.floor(rng() * body.length);
    if (j !== i && !graph.hasEdge(body[i], body[j]))
      graph.addUndirectedEdge(body[i], body[j], { type: "similar", weight: 1 });
  }
  for (let i = 0; i < clump.length; i++)
    for (let j = i + 1; j < clump.length; j++)
      graph.addUndirectedEdge(clump[i], clump[j], { type: "similar", weight: 3 });
  return { graph, body, clump, isolate };
}

describe("layoutView packs components", () => {
  const { graph, body, clump, isolate } = fixture();
  const run = () =>
    layoutView(graph, graph.nodes(), new Set(["similar"]), "community", DEFAULTS.layout);
  const pos = run();
  const at = (ns: string[]) => ns.map((n) => pos.get(n) as Pt);
  const c = centroid(at(body));
  const bodyRadius = Math.max(...at(body).map((p) => dist(p, c)));
  const nn = body.map((n) => {
    const p = pos.get(n) as Pt;
    return Math.min(...body.filter((m) => m !== n).map((m) => dist(p, pos.get(m) as Pt)));
  });

  it("gives every node a finite position, the same on a second run", () => {
    expect([...pos.values()].every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
    expect([...run()]).toEqual([...pos]);
  });

  it("puts the isolated node just outside the main body, not far off", () => {
    const d = dist(pos.get(isolate) as Pt, c);
    expect(d).toBeGreaterThan(0.5 * bodyRadius);
    // ForceAtlas2 alone leaves it about 7 node spacings off the rim here
    expect(d - bodyRadius).toBeLessThan(5 * median(nn));
  });

  it("spreads a clique as wide as the main body's node spacing", () => {
    expect(minGap(at(clump))).toBeGreaterThan(0.5 * median(nn));
    // and keeps it in one piece beside the body
    expect(dist(centroid(at(clump)), c)).toBeLessThan(bodyRadius + 8 * median(nn));
  });
});

describe("layoutView on a collaboration-like view: many separate cliques", () => {
  const graph = new Graph({ type: "mixed" });
  const cliques: string[][] = [];
  for (let c = 0; c < 30; c++) {
    const members = Array.from({ length: 3 + (c % 4) }, (_, i) => `a${c}-${i}`);
    cliques.push(members);
    for (const m of members) graph.addNode(m, { size: 3, community: c });
    for (let i = 0; i < members.length; i++)
      for (let j = i + 1; j < members.length; j++)
        graph.addUndirectedEdge(members[i], members[j], { type: "coauthor", weight: 1 });
  }
  graph.addNode("alone", { size: 3, community: -1 });
  const pos = layoutView(graph, graph.nodes(), new Set(["coauthor"]), "community", DEFAULTS.layout);

  it("co-authors sit about as far apart as nodes of an even spread over the whole view", () => {
    const ps = [...pos.values()];
    const span = (k: "x" | "y") =>
      Math.max(...ps.map((p) => p[k])) - Math.min(...ps.map((p) => p[k]));
    const diameter = Math.max(span("x"), span("y"));
    // an even spread of N nodes over a disc of that diameter: spacing ≈ 0.89·diameter/√N
    const even = diameter / Math.sqrt(graph.order);
    const tightest = Math.min(...cliques.map((ms) => minGap(ms.map((m) => pos.get(m) as Pt))));
    expect(tightest / even).toBeGreaterThan(0.3);
  });
});

/** `n` nodes r0… on an arc of radius 10 (angle i/step), each linked to the next, closing the loop. */
function addRing(g: Graph, n: number, step: number): string[] {
  const ring = Array.from({ length: n }, (_, i) => `r${i}`);
  ring.forEach((node, i) => {
    g.addNode(node, { x: 10 * Math.cos(i / step), y: 10 * Math.sin(i / step), size: 2 });
  });
  ring.forEach((node, i) => {
    g.addEdge(node, ring[(i + 1) % ring.length]);
  });
  return ring;
}

describe("packComponents", () => {
  it("brings a far component in and a clump out, keeping each component's shape", () => {
    const g = new Graph({ type: "undirected" });
    const ring = addRing(g, 12, 2);
    g.addNode("a", { x: 1e6, y: 1e6, size: 2 });
    g.addNode("b", { x: 1e6 + 1e-3, y: 1e6, size: 2 });
    g.addEdge("a", "b");
    const before = ring.map((n) => g.getNodeAttributes(n) as Pt).map((p) => ({ ...p }));
    packComponents(g);
    const after = ring.map((n) => g.getNodeAttributes(n) as Pt);
    // one uniform scale: ratios of distances survive
    const ratio = dist(after[0], after[3]) / dist(before[0], before[3]);
    expect(dist(after[2], after[7]) / dist(before[2], before[7])).toBeCloseTo(ratio, 6);
    const a = g.getNodeAttributes("a") as Pt;
    const b = g.getNodeAttributes("b") as Pt;
    const unit = PACK_DEFAULTS.spacing * 2;
    expect(dist(a, b)).toBeGreaterThan(0.5 * unit);
    const c = centroid(after);
    const radius = Math.max(...after.map((p) => dist(p, c)));
    expect(dist(a, c)).toBeLessThan(radius + 3 * unit);
  });
});

describe("packComponents pulls in far-hanging nodes", () => {
  it.each([200, 5_000])(
    "a node hanging %i units off a ring of radius 10 ends up near it, still the farthest",
    (far) => {
      const g = new Graph({ type: "undirected" });
      const ring = addRing(g, 16, 2.5);
      g.addNode("tail", { x: far, y: 0, size: 2 });
      g.addEdge("tail", "r0");
      g.addNode("alone", { x: -far, y: far, size: 2 });
      packComponents(g);
      const pts = ring.map((n) => g.getNodeAttributes(n) as Pt);
      const c = centroid(pts);
      const ringRadius = Math.max(...pts.map((p) => dist(p, c)));
      const tail = dist(g.getNodeAttributes("tail") as Pt, c);
      expect(tail).toBeGreaterThan(ringRadius);
      expect(tail).toBeLessThan(5 * ringRadius);
      // the isolate sits beside the component's circle, not beyond where the tail was
      expect(dist(g.getNodeAttributes("alone") as Pt, c)).toBeLessThan(tail + 3 * ringRadius);
    },
  );
});

describe("layoutView of a view above startOnlyAbove with start positions", () => {
  // 60 nodes in a ring with chords, all in the view (laid out in place, like the knowledge graph)
  const graph = new Graph({ type: "mixed" });
  const rng = createRng(5);
  for (let i = 0; i < 60; i++) graph.addNode(`n${i}`, { community: i % 3, size: 2 });
  const link = (a: string, b: string) => {
    if (a !== b && !graph.hasEdge(a, b))
      graph.addUndirectedEdge(a, b, { type: "similar", weight: 1 });
  };
  for (let i = 0; i < 60; i++) {
    link(`n${i}`, `n${(i + 1) % 60}`);
    link(`n${i}`, `n${Math.floor(rng() * 60)}`);
  }
  const start = new Map(graph.nodes().map((n, i) => [n, { x: i % 8, y: Math.floor(i / 8) }]));
  const run = (over: Partial<typeof DEFAULTS.layout>) => {
    const g = graph.copy();
    return [
      ...layoutView(
        g,
        g.nodes(),
        new Set(["similar"]),
        "community",
        { ...DEFAULTS.layout, ...over },
        start,
      ),
    ];
  };

  it("keeps its start positions: ForceAtlas2's settings no longer matter", () => {
    const keep = { startOnlyAbove: 10 };
    expect(run({ ...keep, iterations: 5, budget: 1e6 })).toEqual(
      run({ ...keep, iterations: 150, budget: 1e6 }),
    );
  });

  it("at or below it, ForceAtlas2 runs (its iterations change the result)", () => {
    expect(run({ iterations: 5, budget: 1e6 })).not.toEqual(run({ iterations: 150, budget: 1e6 }));
  });
});
