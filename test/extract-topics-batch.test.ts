// Corpus topics tag their candidates in batches (one nlp() document, one phrase a paragraph):
// each phrase must get the tags it gets alone, and the topics must not change.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractPapers } from "../src/extract/index.ts";
import { forgetTagResults, readAsNounPhrases } from "../src/extract/topic-tags.ts";
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

describe("corpus topics with batched tagging", () => {
  // A candidate is tagged in its first written form (first paper in order), so a reordered
  // corpus may tag other forms; what this process tagged before must not change a corpus's
  // topics (the tag memo is keyed by the written text, not by the candidate key).
  it("finds topics that do not depend on what this process tagged before", async () => {
    const asOf = new Date("2026-11-27T00:00:00Z");
    const { papers } = await ingestPaths([FIXTURE], { asOf });
    const reversed = [...papers].reverse();
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
    forgetTagResults();
    const forward = topicsOf(papers);
    expect(forward.join("\n")).toMatch(/topic:/);
    const reversedAfter = topicsOf(reversed);
    forgetTagResults();
    const reversedFresh = topicsOf(reversed);
    expect(reversedAfter).toEqual(reversedFresh);
    expect(topicsOf(papers)).toEqual(forward);
  });
});

describe("readAsNounPhrases with a lasting store", () => {
  it.each([
    ["a stored result is used as is (not tagged again)", "were quickly running", true],
    ["a stored result is used as is (either way)", "graph neural network", false],
  ])("%s", (_, text, stored) => {
    forgetTagResults();
    const store = new Map<string, boolean>([[text, stored]]);
    expect(readAsNounPhrases([text], store)).toEqual([stored]);
  });

  it("tags what the store lacks, records it, and agrees with tagging alone", () => {
    forgetTagResults();
    const store = new Map<string, boolean>();
    const texts = ["graph neural network", "were quickly running", "sleep apnea"];
    const got = readAsNounPhrases(texts, store);
    expect([...store.keys()]).toEqual(texts);
    expect(texts.map((t) => store.get(t))).toEqual(got);
    forgetTagResults();
    expect(texts.map((t) => readAsNounPhrases([t])[0])).toEqual(got);
    expect(got).toEqual([true, false, true]);
  });
});
