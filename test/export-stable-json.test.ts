// Fewer copies on write: roundDeep rounds and sorts keys like a deep copy would but shares what
// it does not change, and the JSON of a graph serialize made (a CanonicalGraph, written as it
// is) gives the same bytes as the copying path that any other graph takes.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { canonicalGraph, canonicalJson, toJson } from "../src/export/json.ts";
import { sortKeysDeep } from "../src/export/stable-json.ts";
import type { CanonicalGraph } from "../src/graph/schema.ts";
import { roundDeep } from "../src/graph/serialize.ts";
import { runPipeline } from "../src/pipeline.ts";

/** The copying definition roundDeep must match. */
const copyingRound = (value: unknown): unknown => {
  if (typeof value === "number")
    return Number.isInteger(value) ? value : Math.round(value * 1e4) / 1e4;
  if (Array.isArray(value)) return value.map(copyingRound);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = copyingRound(v);
    return out;
  }
  return value;
};
const canonicalText = (v: unknown) => JSON.stringify(sortKeysDeep(copyingRound(v)));

describe("roundDeep", () => {
  it.each([
    ["floats deep inside", { a: [{ x: 0.123456 }], b: 2 }],
    ["undefined values dropped", { a: undefined, b: { c: undefined, d: 1.00001 } }],
    ["nothing to change", { a: [1, 2, { s: "x", n: 0.5 }] }],
    ["keys out of order, integer-like keys", { b: 1, "10": 2, "2": 3, a: { z: 0, "": 1 } }],
    ["NaN", { a: Number.NaN }],
  ])("gives what a deep copy would, keys sorted: %s", (_what, value) => {
    expect(roundDeep(value)).toEqual(copyingRound(value));
    expect(JSON.stringify(roundDeep(value))).toBe(canonicalText(value));
  });
  it("matches the copying form on arbitrary values", () => {
    fc.assert(
      // "__proto__" as a key: the copying form sets a prototype instead; graphs have no such key.
      fc.property(
        fc.jsonValue().filter((v) => !JSON.stringify(v).includes('"__proto__"')),
        (value) => {
          expect(roundDeep(value)).toEqual(copyingRound(value));
          expect(JSON.stringify(roundDeep(value))).toBe(canonicalText(value));
        },
      ),
      { seed: 7, numRuns: 300 },
    );
  });
  it("shares unchanged parts and copies changed ones, never touching the input", () => {
    const mentions = [{ confidence: 0.85, start: 1 }];
    const input = { x: 0.123456, mentions };
    const out = roundDeep(input);
    expect(out.mentions).toBe(mentions);
    expect(out).not.toBe(input);
    expect(input.x).toBe(0.123456);
    expect(out.x).toBe(0.1235);
  });
});

describe("toJson of a graph serialize made here", () => {
  let serialized: CanonicalGraph;
  beforeAll(async () => {
    const asOf = new Date("2026-11-27T00:00:00Z");
    // Its counts come after the graph's own (keys out of order): serialize must sort them.
    serialized = (await runPipeline(["seeds"], { asOf })).serialized;
  });
  it("is canonical as it is: canonicalGraph's sorted copy of it is equal", () => {
    expect(JSON.stringify(canonicalGraph(serialized))).toBe(JSON.stringify(serialized));
  });
  it.each(["lines", "pretty", "compact"] as const)(
    "gives the bytes of the copying path (%s)",
    (layout) => {
      const fast = canonicalJson(serialized, { layout });
      expect(fast).toBe(toJson(structuredClone(serialized), { layout }));
      expect(fast.length).toBeGreaterThan(1000);
    },
  );
});
