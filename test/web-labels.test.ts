// Pure parts of the web view's label placement and focus: strongest neighbours, the overlap
// pass, and the part of the graph a panel leaves free.
import Graph from "graphology";
import { describe, expect, it } from "vitest";
import { communitiesToLabel } from "../web/src/community-labels.ts";
import { labelBox, placeLabels } from "../web/src/label-place.ts";
import { strongestNeighbours } from "../web/src/neighbourhood.ts";
import type { ViewGraph } from "../web/src/views.ts";
import { focusSpot, freeArea } from "../web/src/visible-area.ts";

/** A star: node "f" with `n` neighbours "n0".."n<n-1>", edge weight i, node size 10 - i % 10. */
function star(n: number): ViewGraph {
  const g: ViewGraph = new Graph({ type: "undirected" });
  const node = (key: string, size: number) => {
    // `papers`: an author's paper count, which the view graphs carry on main (0 for a paper)
    const attributes = {
      kind: "paper" as const,
      label: key,
      x: 0,
      y: 0,
      size,
      community: 0,
      papers: 0,
      yearMin: null,
      yearMax: null,
      year: null,
    };
    g.addNode(key, attributes);
  };
  node("f", 5);
  for (let i = 0; i < n; i++) {
    node(`n${i}`, 10 - (i % 10));
    g.addEdge("f", `n${i}`, { kind: "similar", size: 1, weight: i });
  }
  return g;
}

describe("strongestNeighbours", () => {
  it("ranks the focus first, then the heaviest edges, and keeps at most the limit", () => {
    const g = star(84);
    const near = new Set(g.nodes());
    const ranks = strongestNeighbours(g, "f", near, 24);
    expect(ranks.size).toBe(25);
    expect(ranks.get("f")).toBe(0);
    expect(ranks.get("n83")).toBe(1);
    expect(ranks.get("n60")).toBe(24);
    expect(ranks.has("n59")).toBe(false);
  });

  it("labels every member of a small neighbourhood, ties broken by size", () => {
    const g = star(5);
    g.forEachEdge((e) => {
      g.setEdgeAttribute(e, "weight", 1);
    });
    const ranks = strongestNeighbours(g, "f", new Set(g.nodes()), 24);
    expect([...ranks.keys()]).toEqual(["f", "n0", "n1", "n2", "n3", "n4"]);
  });

  it("only members of the neighbourhood given (filters, depth) are ranked", () => {
    const g = star(10);
    const ranks = strongestNeighbours(g, "f", new Set(["f", "n1", "n2"]), 24);
    expect([...ranks.keys()]).toEqual(["f", "n2", "n1"]);
  });
});

describe("placeLabels", () => {
  it("keeps, in order, each label that overlaps none kept before", () => {
    const boxes = {
      a: { x0: 0, y0: 0, x1: 100, y1: 12 },
      b: { x0: 50, y0: 5, x1: 150, y1: 17 },
      c: { x0: 0, y0: 20, x1: 100, y1: 32 },
      d: { x0: 99, y0: 11, x1: 120, y1: 21 },
    };
    expect(placeLabels(["a", "b", "c", "d"] as const, (k) => boxes[k])).toEqual(["a", "c"]);
    expect(placeLabels(["b", "a", "c", "d"] as const, (k) => boxes[k])).toEqual(["b", "c"]);
  });

  it("a label box lies right of its node, as sigma draws it", () => {
    const b = labelBox(100, 50, 4, 60, 12);
    expect(b.x0).toBeGreaterThan(100);
    expect(b.x1 - b.x0).toBeGreaterThanOrEqual(60);
    expect(b.y0).toBeLessThan(50);
    expect(b.y1).toBeGreaterThan(50);
  });
});

describe("freeArea", () => {
  const frame = { left: 0, top: 50, width: 900, height: 700 };
  it("is the whole frame when nothing covers it", () => {
    expect(freeArea(frame, null)).toEqual({ left: 0, top: 0, width: 900, height: 700 });
    expect(freeArea(frame, { left: 950, top: 50, width: 380, height: 700 })).toEqual({
      left: 0,
      top: 0,
      width: 900,
      height: 700,
    });
  });
  it("is left of a panel over the right side, above a sheet over the bottom", () => {
    expect(freeArea(frame, { left: 520, top: 50, width: 380, height: 700 })).toEqual({
      left: 0,
      top: 0,
      width: 520,
      height: 700,
    });
    const phone = { left: 0, top: 120, width: 420, height: 750 };
    expect(freeArea(phone, { left: 0, top: 460, width: 420, height: 410 })).toEqual({
      left: 0,
      top: 0,
      width: 420,
      height: 340,
    });
  });
  it("puts the focus a little left of the free area's centre", () => {
    const spot = focusSpot({ left: 0, top: 0, width: 500, height: 400 });
    expect(spot.x).toBeLessThan(250);
    expect(spot.x).toBeGreaterThan(100);
    expect(spot.y).toBe(200);
  });
});

describe("communitiesToLabel", () => {
  // The Semantic Scholar map's communities (papers of 1,073): 11 of 11+ papers, then 5, 3, 2, 2.
  const sizes = [178, 147, 144, 142, 121, 91, 85, 57, 33, 24, 12, 5, 3, 2, 2];
  const communities = sizes.map((size, id) => ({ id, label: `c${id}`, size, x: 0, y: 0 }));
  it.each([
    { name: "more groups than labels: none under 0.5% of the papers", limit: 14, ids: 11 },
    { name: "as many labels as groups: every one", limit: 15, ids: 15 },
  ])("$name", ({ limit, ids }) => {
    const shown = communitiesToLabel(communities, null, limit);
    expect(shown.map((c) => c.id)).toEqual(sizes.slice(0, ids).map((_, i) => i));
  });
  it("in a small map, groups of 3 at least (0.5% of 21 is less)", () => {
    const small = [10, 5, 3, 2, 1].map((size, id) => ({ id, label: "", size, x: 0, y: 0 }));
    expect(communitiesToLabel(small, null, 2).map((c) => c.id)).toEqual([0, 1, 2]);
  });
  it("a filtered community alone, whatever its size", () => {
    expect(communitiesToLabel(communities, 13, 14).map((c) => c.id)).toEqual([13]);
  });
  it("biggest first, ties by id", () => {
    const tied = [3, 1, 2].map((id) => ({ id, label: "", size: id === 3 ? 9 : 4, x: 0, y: 0 }));
    expect(communitiesToLabel(tied, null, 5).map((c) => c.id)).toEqual([3, 1, 2]);
  });
});
