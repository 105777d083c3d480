// A phrase typed within its paper that the noun-phrase splitter cut from a longer term is taken
// whole (src/extract/topic-cut.ts): "least squares estimator", not "squares estimator".
import { describe, expect, it } from "vitest";
import { extractPapers } from "../src/extract/index.ts";
import { opensTerm } from "../src/extract/topic-cut.ts";
import { record } from "./fixtures/extract/records.ts";

const labels = (title: string, abstract: string) =>
  extractPapers([record(title, abstract, "x")])[0]
    .entities.filter((e) => e.type !== "topic")
    .map((e) => `${e.type}:${e.label}`);

describe("extract: cut phrases taken whole", () => {
  it("keeps the word that opens the term", () => {
    const l = labels(
      "Local Effects by Data Combination",
      "We study a least squares estimator. The least squares estimator is consistent. A single loop algorithm and the single loop algorithm converge.",
    );
    expect(l).toContain("method:least squares estimator");
    expect(l).not.toContain("method:squares estimator");
    expect(l).toContain("method:single loop algorithm");
  });

  it("takes an -ized participle with the term, and 'least' after 'we propose'", () => {
    const l = labels(
      "Asynchronous Randomized Trace Estimation",
      "We study randomized trace estimators. A randomized trace estimator is unbiased.",
    );
    expect(l).toContain("method:randomized trace estimator");
    expect(l).not.toContain("method:trace estimator");
    const p = labels("Paper", "We propose a least squares estimator for this.");
    expect(p).not.toContain("method:squares estimator");
  });

  it("leaves the phrase as it is when the word before differs or is no opener", () => {
    const l = labels(
      "Gradient Estimators",
      "A contemporary gradient estimator is slow. Our proposed gradient estimator is fast.",
    );
    expect(l).toContain("method:gradient estimator");
  });

  it("tells openers from adjectives, verbs and function words", () => {
    expect(opensTerm("least")).toBe(true);
    expect(opensTerm("policy")).toBe(true);
    expect(opensTerm("contemporary")).toBe(false);
    expect(opensTerm("randomized")).toBe(true);
    expect(opensTerm("normalised")).toBe(true);
    expect(opensTerm("used")).toBe(false);
    expect(opensTerm("give")).toBe(false);
    expect(opensTerm("the")).toBe(false);
    expect(opensTerm("few", true)).toBe(true);
    expect(opensTerm("graph", true)).toBe(true);
    expect(opensTerm("the", true)).toBe(false);
  });
});
