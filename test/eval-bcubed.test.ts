import { describe, expect, it } from "vitest";
import { bcubed } from "../bench/eval/bcubed.ts";

describe("B-cubed", () => {
  // Worked by hand: items a1 a2 b1 with gold A A B.
  const table: { name: string; predicted: string[]; gold: string[]; p: number; r: number }[] = [
    { name: "perfect", predicted: ["x", "x", "y"], gold: ["A", "A", "B"], p: 1, r: 1 },
    // one cluster: precision per item 2/3, 2/3, 1/3 → 5/9; recall 1.
    {
      name: "everything merged",
      predicted: ["x", "x", "x"],
      gold: ["A", "A", "B"],
      p: 5 / 9,
      r: 1,
    },
    // singletons: precision 1; recall per item 1/2, 1/2, 1 → 2/3.
    { name: "everything split", predicted: ["x", "y", "z"], gold: ["A", "A", "B"], p: 1, r: 2 / 3 },
  ];
  it.each(table)("$name", ({ predicted, gold, p, r }) => {
    const s = bcubed(predicted, gold);
    expect(s.precision).toBeCloseTo(p, 12);
    expect(s.recall).toBeCloseTo(r, 12);
    expect(s.f1).toBeCloseTo((2 * p * r) / (p + r), 12);
  });

  it("refuses label lists of different lengths", () => {
    expect(() => bcubed(["x"], ["A", "B"])).toThrow(RangeError);
  });
});
