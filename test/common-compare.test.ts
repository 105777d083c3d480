// The one string order (src/common/compare.ts): UTF-16 code units, not the locale's.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareStrings } from "../src/common/compare.ts";

describe("compareStrings", () => {
  it("orders by code units: capitals before small letters, accents after z", () => {
    expect(["b", "é", "a", "B", "z"].sort(compareStrings)).toEqual(["B", "a", "b", "z", "é"]);
  });

  it("is 0 only for equal strings, and antisymmetric", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const ab = compareStrings(a, b);
        expect(ab === 0).toBe(a === b);
        expect(compareStrings(b, a) + ab).toBe(0);
      }),
    );
  });
});
