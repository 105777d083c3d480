// Every mention points at its text: text === field.slice(start, end), and its sentence contains it.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractPapers } from "../src/extract/index.ts";
import type { PaperRecord } from "../src/ingest/types.ts";
import {
  arxivOaiPapers,
  deepReviewPapers,
  paperlistsPapers,
  pmlrPapers,
  record,
  seedPapers,
} from "./fixtures/extract/records.ts";

const corpus = [
  ...seedPapers,
  ...pmlrPapers,
  ...deepReviewPapers,
  ...arxivOaiPapers,
  ...paperlistsPapers,
];

function checkOffsets(papers: PaperRecord[]): void {
  for (const p of extractPapers(papers)) {
    for (const e of p.entities) {
      expect(e.mentions.length).toBeGreaterThan(0);
      for (const m of e.mentions) {
        const field = m.field === "title" ? p.title : p.abstract;
        expect(m.start).toBeLessThan(m.end);
        expect(field.slice(m.start, m.end)).toBe(m.text);
        expect(m.sentence).toContain(m.text);
        expect(field).toContain(m.sentence);
        expect(m.confidence).toBeGreaterThan(0);
        expect(m.confidence).toBeLessThanOrEqual(1);
      }
    }
  }
}

describe("extract: mention offsets", () => {
  it.each([
    ["seed", seedPapers],
    ["pmlr-health slice", pmlrPapers],
    ["deep-review slice", deepReviewPapers],
    ["arXiv OAI-PMH slice", arxivOaiPapers],
    ["paperlists slice", paperlistsPapers],
  ])("hold on the %s fixtures", (_name, papers) => {
    checkOffsets(papers);
    expect(extractPapers(papers).some((p) => p.entities.length > 0)).toBe(true);
  });

  it("hold on abstracts cut, spliced and padded with arbitrary text", () => {
    const noise = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom(" (", ") ", "-", " – ", "é", "\u00a0", "\n", ". ", "’s ", " (DC) ", "LLMs"),
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            paper: fc.integer({ min: 0, max: corpus.length - 1 }),
            cut: fc.tuple(fc.nat(), fc.nat()),
            pad: noise,
            title: noise,
          }),
          { minLength: 1, maxLength: 4 },
        ),
        (picks) => {
          const papers = picks.map((x, i) => {
            const src = corpus[x.paper];
            const [a, b] = [
              x.cut[0] % (src.abstract.length + 1),
              x.cut[1] % (src.abstract.length + 1),
            ].sort((m, n) => m - n);
            const abstract = `${x.pad}${src.abstract.slice(a, b)}${x.pad}${src.abstract.slice(0, a)}`;
            return record(`${x.title}${src.title}`, abstract, String(i));
          });
          checkOffsets(papers);
        },
      ),
      { numRuns: 60, seed: 20261127 },
    );
  });
});
