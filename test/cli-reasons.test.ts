// How `litgraph related` prints the reasons of a related paper: a direct citation first, then the
// shared items grouped by kind, largest first, the unnamed rest ("other") last, each group with
// its summed share.
import { describe, expect, it } from "vitest";
import { formatReasons } from "../src/cli/commands/query.ts";
import type { ShareItem } from "../src/graph/schema.ts";

const item = (kind: string, label: string, share: number): ShareItem => ({
  kind,
  label,
  node: kind === "other" ? "" : `${kind}:${label}`,
  share,
});

describe("formatReasons", () => {
  it.each([
    {
      name: "words, then authors, then the rest",
      reasons: [
        item("author", "Lei Clifton", 0.3),
        item("term", "retinopathy", 0.25),
        item("term", "fundus", 0.2),
        item("other", "4 more shared", 0.25),
      ],
      expected: "shared terms retinopathy, fundus (45%); authors Lei Clifton (30%); other (25%)",
    },
    {
      name: "an entity type keeps its name",
      reasons: [item("method", "transfer learning", 0.6), item("term", "graph", 0.4)],
      expected: "shared method transfer learning (60%); terms graph (40%)",
    },
    {
      name: "'other' stays last even when largest",
      reasons: [item("other", "9 more shared", 0.7), item("citation", "Paper x", 0.3)],
      expected: "shared references 1: Paper x (30%); other (70%)",
    },
    {
      name: "references counted, a few shown whole, the rest counted",
      reasons: ["A, 1997, J X, V1", "B, 1998", "C, 1999", "D, 2000"].map((l) =>
        item("citation", l, 0.1),
      ),
      expected: "shared references 4: A, 1997, J X, V1 | B, 1998 | C, 1999 | … 1 more (40%)",
    },
    {
      name: "a direct citation comes first, on its own",
      reasons: [
        item("term", "kriging", 0.5),
        item("cited-by", "Paper q", 0.3),
        item("other", "2 more shared", 0.2),
      ],
      expected: "cited by it (30%); shared terms kriging (50%); other (20%)",
    },
    {
      name: "a direct citation alone",
      reasons: [item("cites", "Paper q", 1)],
      expected: "cites it (100%)",
    },
  ])("$name", ({ reasons, expected }) => {
    expect(formatReasons(reasons)).toBe(expected);
  });
});
