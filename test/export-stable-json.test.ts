// stableStringify writes sorted keys without a deep copy: the same text as the copying form;
// roundDeep rounds like a deep copy would but shares what it does not change.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sortKeysDeep, stableStringify } from "../src/export/stable-json.ts";
import { roundDeep } from "../src/graph/serialize.ts";

/** The copying definition both functions must match. */
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

describe("stableStringify", () => {
  it.each([
    ["nested keys out of order", { b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } }],
    ["undefined in objects and arrays", { b: undefined, a: [undefined, 1] }],
    ["non-finite numbers and -0", { a: Number.NaN, b: -0, c: Number.POSITIVE_INFINITY }],
    ["a Date (read as a plain object, as sortKeysDeep does)", { when: new Date(0) }],
    ["integer-like keys", { b: 1, "10": 2, "2": 3, a: { "1": 0, "": 1 } }],
    ["strings needing escapes", { "\u2028k": 'q"\\\n\u0000' }],
    ["top-level primitives", "text"],
  ])("matches JSON.stringify(sortKeysDeep(v)): %s", (_what, value) => {
    expect(stableStringify(value)).toBe(JSON.stringify(sortKeysDeep(value)));
  });
  it("matches it on arbitrary JSON values", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(stableStringify(value)).toBe(JSON.stringify(sortKeysDeep(value)));
      }),
      { seed: 6, numRuns: 300 },
    );
  });
  it("keeps the indented form", () => {
    expect(stableStringify({ b: 1, a: 2 }, 2)).toBe('{\n  "a": 2,\n  "b": 1\n}');
  });
});

describe("roundDeep", () => {
  it.each([
    ["floats deep inside", { a: [{ x: 0.123456 }], b: 2 }],
    ["undefined values dropped", { a: undefined, b: { c: undefined, d: 1.00001 } }],
    ["nothing to change", { a: [1, 2, { s: "x", n: 0.5 }] }],
    ["NaN", { a: Number.NaN }],
  ])("gives what a deep copy would: %s", (_what, value) => {
    expect(roundDeep(value)).toEqual(copyingRound(value));
  });
  it("matches the copying form on arbitrary values", () => {
    fc.assert(
      // "__proto__" as a key: the copying form sets a prototype instead; graphs have no such key.
      fc.property(
        fc.jsonValue().filter((v) => !JSON.stringify(v).includes('"__proto__"')),
        (value) => {
          expect(roundDeep(value)).toEqual(copyingRound(value));
        },
      ),
      { seed: 7, numRuns: 300 },
    );
  });
  it("shares unchanged parts and copies changed ones, never touching the input", () => {
    const mentions = [{ start: 1, confidence: 0.85 }];
    const input = { x: 0.123456, mentions };
    const out = roundDeep(input);
    expect(out.mentions).toBe(mentions);
    expect(out).not.toBe(input);
    expect(input.x).toBe(0.123456);
    expect(out.x).toBe(0.1235);
  });
});
