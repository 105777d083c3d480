// Head-noun typing within one paper (src/extract/topic-own.ts): a noun phrase the paper writes
// twice, with a typing head, is typed even when no other paper has it; once is not enough, the
// longest of nested phrases wins, and `ownHeadOccurrences: 0` turns it off.
import { describe, expect, it } from "vitest";
import { DEFAULTS, extractPapers } from "../src/extract/index.ts";
import { ownHeadTyped } from "../src/extract/topic-own.ts";
import { record } from "./fixtures/extract/records.ts";

// The words of a real ACL 2022 title's phrase ("Sense Embeddings are also Biased – Evaluating
// Social Biases …"), in a short text of our own ("sentence embedding", used before, is now an
// ontology concept).
const TWICE = record(
  "Probing sense embeddings with generation",
  "We study what sense embeddings keep of the input. A decoder reads each vector back into words.",
  "twice",
);
const ONCE = record(
  "A study of inputs",
  "We study what sense embeddings keep of the input, and nothing else.",
  "once",
);

const ids = (p: { entities: { id: string; type: string }[] }) => p.entities.map((e) => e.id);

describe("extract: a paper's own recurring phrase typed by its head", () => {
  it("types a phrase written twice in one paper, rule head-noun", () => {
    const [p] = extractPapers([TWICE]);
    const e = p.entities.find((x) => x.id === "method:sense-embedding");
    expect(e?.type).toBe("method");
    expect(e?.mentions).toHaveLength(2);
    expect(e?.mentions.every((m) => m.rule === "head-noun")).toBe(true);
    expect(e?.mentions[0].confidence).toBe(DEFAULTS.confidence.headNoun);
    expect(e?.relevance).toBeUndefined();
  });

  it("leaves a phrase written once alone", () => {
    const [p] = extractPapers([ONCE]);
    expect(ids(p)).not.toContain("method:sense-embedding");
  });

  it("is off with ownHeadOccurrences 0 and with typeByHead off", () => {
    for (const topics of [{ ownHeadOccurrences: 0 }, { typeByHead: false }]) {
      const [p] = extractPapers([TWICE], { topics });
      expect(ids(p)).not.toContain("method:sense-embedding");
    }
  });

  it("gives the same output for the same input", () => {
    expect(JSON.stringify(extractPapers([TWICE, ONCE]))).toBe(
      JSON.stringify(extractPapers([TWICE, ONCE])),
    );
  });
});

describe("ownHeadTyped: which candidates", () => {
  // Two keys; occurrences (field 1, start, end): "graph attention network" twice, "attention
  // network" at the same places, and "attention network" once more on its own.
  const base = {
    keys: ["graph attention network", "attention network"],
    occ: [2, 1, 0, 23, 1, 40, 63, 3, 1, 6, 23, 1, 46, 63, 1, 80, 97],
    dup: [] as number[],
    handled: new Set<number>(),
    labelAt: () => "",
    minOccurrences: 2,
  };
  const labels = ["graph attention network", "attention network"];
  const labelAt = (q: number) => (q < 7 ? labels[0] : labels[1]);

  it("keeps the longer phrase and the shorter one where it stands alone", () => {
    const out = ownHeadTyped({ ...base, labelAt });
    expect(out.map((t) => t.label)).toEqual(["graph attention network", "attention network"]);
  });

  it("drops the shorter phrase when every occurrence lies inside the longer", () => {
    const occ = [2, 1, 0, 23, 1, 40, 63, 2, 1, 6, 23, 1, 46, 63];
    const out = ownHeadTyped({ ...base, occ, labelAt });
    expect(out.map((t) => t.label)).toEqual(["graph attention network"]);
  });

  it("skips duplicates of the paper's concepts, handled keys and too few occurrences", () => {
    expect(ownHeadTyped({ ...base, labelAt, dup: [0, 1] })).toEqual([]);
    expect(ownHeadTyped({ ...base, labelAt, handled: new Set([0, 1]) })).toEqual([]);
    expect(ownHeadTyped({ ...base, labelAt, minOccurrences: 4 })).toEqual([]);
  });
});
