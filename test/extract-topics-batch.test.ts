// Corpus topics tag their candidates in batches (one nlp() document, one phrase a paragraph):
// each phrase must get the tags it gets alone, and the topics must not change.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractPapers } from "../src/extract/index.ts";
import { tagPhrases } from "../src/extract/topics.ts";
import { ingestPaths } from "../src/ingest/files.ts";

const FIXTURE = "test/fixtures/bench/paperlists-80.json";

/** Two- and three-word runs of the fixture's abstracts: phrases like the topic candidates. */
function phrasesOf(file: string, limit: number): string[] {
  const text = readFileSync(file, "utf8");
  const words = text.match(/[A-Za-z][A-Za-z-]*/g) ?? [];
  const out = new Set<string>();
  for (let i = 0; i + 3 <= words.length && out.size < limit; i += 2)
    out.add(words.slice(i, i + 2 + (i % 2)).join(" "));
  return [...out];
}

describe("tagPhrases", () => {
  const tagsOf = (terms: { tags: string[] }[]) => terms.map((t) => t.tags);
  const alone = (t: string) => tagsOf(tagPhrases([t])[0]);
  it.each([
    ["fixture phrases", phrasesOf(FIXTURE, 400)],
    [
      "awkward phrases (line breaks, spaces, punctuation, empty)",
      [
        "deep learning",
        "a\nb model",
        " leading space",
        "",
        "e.g. graph nets",
        "Dr. Smith's model",
        "U.S. data",
      ],
    ],
  ])("gives each phrase the tags it gets alone: %s", (_what, phrases) => {
    const batched = tagPhrases(phrases);
    expect(batched).toHaveLength(phrases.length);
    phrases.forEach((p, i) => {
      expect(tagsOf(batched[i])).toEqual(alone(p));
    });
  });
});

describe("findTopics with batched tagging", () => {
  it("finds topics, the same whatever the paper order", async () => {
    const asOf = new Date("2026-11-27T00:00:00Z");
    const { papers } = await ingestPaths([FIXTURE], { asOf });
    const topicsOf = (list: typeof papers) =>
      extractPapers(list)
        .map(
          (p) =>
            `${p.id} ${p.entities
              .filter((e) => e.type === "topic")
              .map((e) => `${e.id}@${e.relevance}`)
              .join(",")}`,
        )
        .sort();
    const forward = topicsOf(papers);
    expect(forward.join("\n")).toMatch(/topic:/);
    expect(topicsOf([...papers].reverse())).toEqual(forward);
  });
});
