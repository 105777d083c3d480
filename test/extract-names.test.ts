// The paper's own names and listed names (issue 21, paper-specific new names; rule "name",
// src/extract/patterns-names.ts). Sentences from AAAI 2022 and held-out abstracts, shortened.
import { describe, expect, it } from "vitest";
import { extractPapers } from "../src/extract/index.ts";
import type { Entity } from "../src/extract/types.ts";
import { record } from "./fixtures/extract/records.ts";

const entities = (abstract: string, title = "Paper"): Entity[] =>
  extractPapers([record(title, abstract)])[0].entities;
const find = (es: Entity[], label: string) => es.find((e) => e.label === label);

describe("extract: the paper's own names", () => {
  it.each([
    [
      "We present Mukayese, a set of NLP benchmarks for the Turkish language.",
      "Mukayese",
      "dataset",
    ],
    [
      "In this paper, we propose EDUCAT, an editing-based unsupervised approach.",
      "EDUCAT",
      "method",
    ],
    ["In this work, we propose TIME, a method to explain temporal models.", "TIME", "method"],
    ["In this paper, we propose BoxTE, a box embedding model for TKGC.", "BoxTE", "method"],
    ["Results show that the proposed Tobias significantly improves detection.", "Tobias", "method"],
    ["Our MedFuse framework fuses images and records.", "MedFuse", "method"],
    // ACL 2021 (tune set 5): a relative clause after the name.
    [
      "To address these issues, we propose MedWriter that incorporates retrieval.",
      "MedWriter",
      "method",
    ],
  ])("%s → %s (%s), proposed, rule name", (abstract, label, type) => {
    const e = find(entities(abstract), label);
    expect(e?.type).toBe(type);
    expect(e?.mentions[0].rule).toBe("name");
    expect(e?.mentions[0].confidence).toBeLessThan(0.7);
    expect(e?.mentions[0].role).toBe("proposed");
  });

  it("types a defined long form by the head noun after its short form", () => {
    const es = entities("To address this, we propose a Direct-Indirect Reasoning (DIR) method.");
    const dir = es.find((e) => e.aliases?.includes("DIR"));
    expect(dir?.label).toBe("direct-indirect reasoning");
    expect(dir?.type).toBe("method");
    // Lower-case long forms are not names: "a two-step (TS) method" names nothing new.
    const plain = entities("We propose a two-step (TS) method for this problem.");
    expect(plain.some((e) => e.aliases?.includes("TS"))).toBe(false);
  });

  it.each([
    [
      "We propose DIR (Direct-Indirect Reasoning) to merge paths.",
      "DIR",
      "method",
      "Direct-Indirect Reasoning",
    ],
    [
      "We introduce ILDC (Indian Legal Documents Corpus) for judgment prediction.",
      "ILDC",
      "dataset",
      "Indian Legal Documents Corpus",
    ],
    [
      "We propose NLSSum (Neural Label Search for Summarization) here.",
      "NLSSum",
      "method",
      "Neural Label Search for Summarization",
    ],
  ])("%s → %s (%s) with its expansion", (abstract, label, type, long) => {
    const e = find(entities(abstract), label);
    expect(e?.type).toBe(type);
    expect(e?.aliases).toContain(long);
    expect(e?.mentions[0].role).toBe("proposed");
  });

  it("takes no expansion that does not spell the name: 'We present CXR (chest radiographs) data.'", () => {
    const es = entities("We present XYZ (chest radiographs) data.");
    expect(es.some((e) => e.mentions.some((m) => m.rule === "name"))).toBe(false);
  });

  it("takes a name with a known part ('MAPF-LNS2'), not a known word with a suffix ('BERT-base')", () => {
    const es = entities(
      "Multi-Agent Path Finding (MAPF) is hard. We propose a novel algorithm MAPF-LNS2 based on search. We use the model BERT-base.",
    );
    expect(find(es, "MAPF-LNS2")?.type).toBe("method");
    expect(es.some((e) => e.label.startsWith("BERT-base"))).toBe(false);
  });

  it.each([
    "We present Harmony Search and Bayesian Optimization, a pair of baselines.",
    "Our proposed Modality Promotion Framework aligns modalities.",
    "In this work, we propose AD^2, a data augmentation approach.",
    "Our EHR cohort includes adults.",
    "We present results, a set of benchmarks.",
    // doi 10.3390/s23249731 (Semantic Scholar export of the shared corpora), shortened.
    "In contrast to already existing work, our GP-based approach operates in the time domain.",
  ])("names nothing from one word of a longer name or an ordinary word: %s", (abstract) => {
    expect(entities(abstract).filter((e) => e.mentions.some((m) => m.rule === "name"))).toEqual([]);
  });
});

describe("extract: a name after a method head", () => {
  it.each([
    ["We solve it with the framework DeepSignal on three datasets.", "DeepSignal", true],
    // PubMed (shared corpora, doi 10.1016/j.cellsig.2016.12.002): a cell line, no method.
    [
      "Here, we report the development of the breast cancer cell model MCF7::C1199 having Rac1 enhanced activity.",
      "MCF7",
      false,
    ],
  ])("%s → %s a method: %s", (abstract, label, found) => {
    expect(find(entities(abstract), label)?.type === "method").toBe(found);
  });
});

describe("extract: a title's opening name", () => {
  const paper = (title: string, abstract: string) =>
    extractPapers([record(title, abstract)])[0].entities;

  it("names the paper's method where the abstract uses the name again", () => {
    const es = paper(
      "AnchorFace: Boosting TAR@FAR for Practical Face Recognition",
      "Within the field of face recognition, AnchorFace bridges the gap between training and evaluation.",
    );
    expect(find(es, "AnchorFace")?.type).toBe("method");
    expect(find(es, "AnchorFace")?.mentions.map((m) => m.field)).toEqual(["title", "abstract"]);
  });

  it("types it a dataset where the subtitle's head is one ('A New Dataset for …')", () => {
    const es = paper(
      "ValueNet: A New Dataset for Human Value Driven Dialogue System",
      "ValueNet has 21,374 scenarios.",
    );
    expect(find(es, "ValueNet")?.type).toBe("dataset");
  });

  it.each([
    [
      "a name the abstract never writes",
      "PlanVerb: Verbalization of Task Plans",
      "We verbalise plans.",
    ],
    ["no name-like word", "Mukayese: Turkish NLP Strikes Back", "Mukayese is a benchmark."],
    ["a name only inside a longer word", "FINet: Feature Interaction", "FINet-v2 is faster."],
  ])("names nothing from %s", (_what, title, abstract) => {
    expect(paper(title, abstract).filter((e) => e.mentions.some((m) => m.rule === "name"))).toEqual(
      [],
    );
  });
});

describe("extract: names listed after a typed plural", () => {
  it("types each one-name item by the plural ('algorithms' → method), without a role", () => {
    const es = entities(
      "We compare against state-of-the-art MAPF algorithms, including Prioritized Planning with random restarts, EECBS, and PPS, and win.",
    );
    for (const label of ["EECBS", "PPS"]) {
      expect(find(es, label)?.type).toBe("method");
      expect(find(es, label)?.mentions[0].role).toBeUndefined();
    }
  });

  it("reads lists after 'such as', 'e.g.' and a dash, datasets by 'datasets'", () => {
    const es = entities(
      "We run on three available datasets, including CSG, DukeGroup and RoadGroup. It beats other dimension reduction approaches – PCA, ZIFA, UMAP and t-SNE.",
    );
    for (const label of ["CSG", "DukeGroup", "RoadGroup"])
      expect(find(es, label)?.type).toBe("dataset");
    expect(find(es, "ZIFA")?.type).toBe("method");
  });

  it("stops at the end of the list", () => {
    const es = entities("Methods such as LXMERT and UNITER help. Then NEWTHING appears.");
    expect(find(es, "UNITER")?.type).toBe("method");
    expect(find(es, "NEWTHING")).toBeUndefined();
  });
});

describe("extract: names of others and of the paper, issue 21's fourth session", () => {
  it("types the names listed after a plural head's first name (tune set 4, MHCnuggets)", () => {
    const es = entities(
      "The neural network methods NetMHC, NetMHCpan, MHCflurry, and MHCnuggets achieved similar performance.",
    );
    for (const label of ["NetMHC", "NetMHCpan", "MHCflurry", "MHCnuggets"])
      expect(find(es, label)?.type).toBe("method");
  });

  it("reads no list after a structured abstract's section label (PubMed: a cell line, a gene)", () => {
    const es = entities(
      "We used a human neuroblastoma cell line (NB-1). METHODS: NB-1s, NB-1s co-cultured with SCs, and a negative control group. Methods: LmABCB3, a new protein, was studied.",
    );
    expect(find(es, "NB-1s")).toBeUndefined();
    expect(find(es, "LmABCB3")).toBeUndefined();
  });

  it.each([
    // ACL 2022 (paperlists): the abstract says "dataset" after the name and its expansion.
    [
      "IMPLI: Investigating NLI Models' Performance on Figurative Language",
      "We introduce the IMPLI (Idiomatic and Metaphoric Paired Language Inference) dataset. We use IMPLI to evaluate models.",
      "IMPLI",
      "dataset",
    ],
    // ACL 2021: "a suite of functional tests" is a dataset by its quantity word.
    [
      "HateCheck: Functional Tests for Hate Speech Detection Models",
      "We introduce HateCheck, a suite of functional tests for hate speech detection models.",
      "HateCheck",
      "dataset",
    ],
    // ACL 2022 and AISTATS (paperlists): a determiner before the name, its head after it.
    [
      "Learning to Rank Visual Stories From Human Ranking Data",
      "In this paper, we present the VHED (VIST Human Evaluation Data) dataset, which re-purposes human evaluation results.",
      "VHED",
      "dataset",
    ],
    [
      "A Safe Bayesian Learning Algorithm for Constrained MDPs",
      "We propose the Safe-PSRL (posterior sampling-based RL) algorithm that does not need such assumptions.",
      "Safe-PSRL",
      "method",
    ],
    // COLING 2022 (tune set 4): a name before a spaced dash.
    [
      "JPG - Jointly Learn to Align: Automated Disease Prediction",
      "Results show the effectiveness of JPG on the IU X-RAY dataset.",
      "JPG",
      "method",
    ],
  ])("%s → %s (%s)", (title, abstract, label, type) => {
    expect(find(entities(abstract, title), label)?.type).toBe(type);
  });
});

describe("extract: the paper's own method in lower case, typed by its apposition", () => {
  it.each([
    // deep-review (tune set 5) and ACL 2022 (paperlists), shortened.
    [
      "We introduce deep survival analysis, a hierarchical generative approach to survival analysis.",
      "deep survival analysis",
    ],
    ["We propose metadata shaping, a method which inserts substrings.", "metadata shaping"],
  ])("%s → %s (method, proposed)", (abstract, label) => {
    const e = find(entities(abstract), label);
    expect(e?.type).toBe("method");
    expect(e?.mentions[0].role).toBe("proposed");
  });
  it.each([
    ["no apposition", "We propose label smoothing for the classifier.", "label smoothing"],
    [
      "a measure, no method",
      "We propose team fairness, a group-based fairness measure.",
      "team fairness",
    ],
    [
      "a function word inside",
      "We present results of the study, a method comparison.",
      "results of the study",
    ],
  ])("names nothing with %s", (_what, abstract, label) => {
    expect(find(entities(abstract), label)?.mentions.some((m) => m.rule === "name")).not.toBe(true);
  });
});
