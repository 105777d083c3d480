// compromise's tagging of topic candidates in a worker thread (src/extract/tagger-thread.ts): the
// same answers as in this thread, and a worker that fails or never answers falls back to it.
import { describe, expect, it } from "vitest";
import { openTaggerThread } from "../src/extract/tagger-thread.ts";
import { forgetTagResults, readAsNounPhrases, tagHere } from "../src/extract/topic-tags.ts";

const phrases = [
  "dataset condensation",
  "we propose",
  "electrocardiogram signals",
  "is trained",
  "Large Language Models",
  "knowledge distillation",
  "a line\nbreak",
];

describe("topic tagging in a worker thread", () => {
  it("answers as this thread does, and readAsNounPhrases takes its answers", async () => {
    const thread = openTaggerThread();
    try {
      const here = tagHere(phrases);
      expect(here).toContain(true);
      expect(here).toContain(false);
      expect(thread.tag(phrases)).toEqual(here);
      expect(thread.ranIn).toBe("worker");
      forgetTagResults();
      expect(readAsNounPhrases(phrases, undefined, thread.tag)).toEqual(here);
    } finally {
      await thread.close();
    }
  });

  it.each([
    ["a body that does not exist", "./fixtures/graph/no-such-worker.mjs"],
    ["a body that never answers", "./fixtures/extract/silent-worker.mjs"],
  ])("falls back to this thread with %s", async (_, body) => {
    const thread = openTaggerThread({
      workerUrl: new URL(body, import.meta.url),
      timeoutMs: () => 500,
    });
    try {
      expect(thread.tag(phrases)).toEqual(tagHere(phrases));
      expect(thread.ranIn).toBe("here");
    } finally {
      await thread.close();
    }
  });
});
