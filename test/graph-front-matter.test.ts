// Front matter makes no co-author edges (issue 15): the real PMLR volume entries, read through
// litgraph's BibTeX reader from test/fixtures/ingest-b (see ORIGIN.md there).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildGraph } from "../src/graph/build.ts";
import { isFrontMatter } from "../src/graph/front-matter.ts";
import { parseText } from "../src/ingest/index.ts";

const FILE = "test/fixtures/ingest-b/ml4h24-slice.bib";
const ml4h = parseText(readFileSync(FILE, "utf8"), FILE, { asOf: new Date("2026-01-01") });
const ML4H_VENUE = "Proceedings of the 4th Machine Learning for Health Symposium";

describe("front matter", () => {
  const table: { title: string; abstract: string; venue: string | null; expected: boolean }[] = [
    // PMLR ML4H 2024 (ml4h24_v259.bib zhou24): the volume's own entry, 32 organisers
    {
      title: "Machine Learning for Health (ML4H) 2024",
      abstract: "",
      venue: ML4H_VENUE,
      expected: true,
    },
    // PMLR CHIL 2023 (CHIL2023_v209.bib): the same for CHIL
    {
      title: "Conference on Health, Inference, and Learning (CHIL) 2022",
      abstract: "",
      venue: "Proceedings of the Conference on Health, Inference, and Learning",
      expected: true,
    },
    // a keynote with no abstract in the same volume is a paper
    {
      title: "The (lack of?) Science of Machine Learning for Healthcare",
      abstract: "",
      venue: ML4H_VENUE,
      expected: false,
    },
    {
      title: "The Human Values Project",
      abstract: "Alignment of AI models…",
      venue: ML4H_VENUE,
      expected: false,
    },
    { title: "Preface", abstract: "", venue: null, expected: true },
    {
      title: "Editorial: Machine learning in health",
      abstract: "",
      venue: "Some Journal",
      expected: true,
    },
    {
      title: "Editorial bias in peer review",
      abstract: "We measure…",
      venue: null,
      expected: false,
    },
    // two words in the venue are not enough
    { title: "Machine Learning", abstract: "", venue: ML4H_VENUE, expected: false },
  ];
  it.each(table)("$title → $expected", ({ expected, ...paper }) => {
    expect(isFrontMatter(paper)).toBe(expected);
  });

  it("the ML4H volume entry stays in the graph but makes no co-author edge", () => {
    const front = ml4h.papers.find((p) => p.title === "Machine Learning for Health (ML4H) 2024");
    expect(front?.authors.length).toBe(32);
    // maxCoauthors above its 32 authors: only the front-matter rule keeps it out
    const g = buildGraph(
      ml4h.papers.map((p) => ({ ...p, entities: [] })),
      { authors: { maxCoauthors: 100 } },
    );
    expect(g.graph.hasNode(`paper:${front?.id}`)).toBe(true);
    expect(g.graph.outDegree(`paper:${front?.id}`)).toBe(32);
    const coauthor = g.graph.filterEdges((_, a) => a.type === "coauthor");
    expect(coauthor.length).toBeGreaterThan(0);
    for (const e of coauthor)
      expect(g.graph.getEdgeAttribute(e, "papers")).not.toContain(`paper:${front?.id}`);
  });
});
