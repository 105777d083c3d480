// A direct citation between the two papers of a similar edge is a reason of its own ("cites it"
// / "cited by it"), not one of their shared references, on the graph of a real Web of Science
// slice whose papers cite each other (src/graph/similarity.ts materialize, reasons.ts fromPaper).
import { describe, expect, it } from "vitest";
import { formatReasons } from "../src/cli/commands/query.ts";
import { related } from "../src/graph/queries.ts";
import { CITED_BY_IT, CITES_IT, fromPaper } from "../src/graph/reasons.ts";
import type { ShareItem } from "../src/graph/schema.ts";
import { DIRECT_CITATION } from "../src/graph/similarity.ts";
import { built, cites, serialized } from "./wos-graph.ts";

const similar = serialized.edges.filter((e) => e.attributes.type === "similar");
const breakdownOf = (e: (typeof similar)[number]) =>
  e.attributes.type === "similar" ? e.attributes.breakdown : [];
const idOf = (node: string) => node.slice("paper:".length);

describe("a direct citation is a reason of its own (WoS slice)", () => {
  it("each similar edge between a citing and a cited paper names the citation, not a shared reference", () => {
    let checked = 0;
    for (const c of cites) {
      const e = similar.find(
        (s) =>
          (s.source === c.source && s.target === c.target) ||
          (s.source === c.target && s.target === c.source),
      );
      if (!e) continue;
      checked++;
      const direct = breakdownOf(e).filter((r) => r.kind === DIRECT_CITATION);
      expect(direct.map((r) => r.node)).toContain(`cites:${idOf(c.target)}`);
      for (const r of breakdownOf(e))
        if (r.kind === "citation")
          expect([`cites:${idOf(e.source)}`, `cites:${idOf(e.target)}`]).not.toContain(r.node);
    }
    // the slice's 10 citations between its papers: most of the pairs are related by them
    expect(cites).toHaveLength(10);
    expect(checked).toBeGreaterThanOrEqual(5);
  });

  it("no other edge has a direct-citation reason", () => {
    const citing = new Set(
      cites.flatMap((c) => [`${c.source} ${c.target}`, `${c.target} ${c.source}`]),
    );
    for (const e of similar)
      if (breakdownOf(e).some((r) => r.kind === DIRECT_CITATION))
        expect(citing.has(`${e.source} ${e.target}`)).toBe(true);
  });

  it("related: 'cites it' from the citing paper, 'cited by it' from the cited one", () => {
    let seen = 0;
    for (const c of cites) {
      const fromCiting = related(built, c.source, 50).find((r) => r.node === c.target);
      const fromCited = related(built, c.target, 50).find((r) => r.node === c.source);
      if (!fromCiting || !fromCited) continue;
      seen++;
      expect(fromCiting.reasons.map((r) => r.kind)).toContain(CITES_IT);
      expect(fromCiting.reasons.map((r) => r.kind)).not.toContain(CITED_BY_IT);
      expect(fromCited.reasons.map((r) => r.kind)).toContain(CITED_BY_IT);
      expect(formatReasons(fromCiting.reasons)).toMatch(/^cites it \(\d+%\)/);
      expect(formatReasons(fromCited.reasons)).toMatch(/^cited by it \(\d+%\)/);
      const sum = fromCiting.reasons.reduce((s, r) => s + r.share, 0);
      expect(sum).toBeCloseTo(1, 3);
    }
    expect(seen).toBeGreaterThanOrEqual(5);
  });

  it("fromPaper leaves the other reasons as they are", () => {
    const items: ShareItem[] = [
      { kind: DIRECT_CITATION, label: "B", node: "cites:b", share: 0.5 },
      { kind: "citation", label: "X", node: "cites:x", share: 0.5 },
    ];
    expect(fromPaper(items, "paper:a").map((r) => r.kind)).toEqual([CITES_IT, "citation"]);
    expect(fromPaper(items, "paper:b").map((r) => r.kind)).toEqual([CITED_BY_IT, "citation"]);
  });
});
