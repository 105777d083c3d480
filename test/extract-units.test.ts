// Abbreviations, spelling variants, contribution patterns and the ontology loader, on invented
// sentences and a small test ontology (so the results do not move with the curated data files).
import { describe, expect, it } from "vitest";
import { bestLongForm, findDefinitions } from "../src/extract/abbreviations.ts";
import { type ExtractOptions, extractPapers, loadOntology } from "../src/extract/index.ts";
import { normWord } from "../src/extract/text/normalise.ts";
import { splitSentences } from "../src/extract/text/sentences.ts";
import { record } from "./fixtures/extract/records.ts";

const ontology = {
  name: "test",
  concepts: [
    {
      id: "method:dataset-condensation",
      type: "method",
      label: "dataset condensation",
      abbreviations: [{ text: "DC" }],
    },
    {
      id: "task:relation-extraction",
      type: "task",
      label: "relation extraction",
      abbreviations: [{ text: "RE" }],
    },
    {
      id: "method:trajectory-matching",
      type: "method",
      label: "trajectory matching",
      abbreviations: [{ text: "TM" }],
      parents: ["method:dataset-condensation"],
    },
    {
      id: "method:large-language-model",
      type: "method",
      label: "large language model",
      abbreviations: [{ text: "LLM", safe: true }],
    },
    {
      id: "modality:ecg",
      type: "modality",
      label: "ECG",
      aliases: ["electrocardiogram", "electrocardiography"],
      abbreviations: [{ text: "ECG", safe: true }],
    },
    {
      id: "method:zero-order-optimisation",
      type: "method",
      label: "zero-order optimisation",
      aliases: ["derivative-free optimisation"],
    },
    { id: "method:semi-supervised-learning", type: "method", label: "semi-supervised learning" },
    { id: "method:supervised-learning", type: "method", label: "supervised learning" },
    {
      id: "method:pre-trained-language-model",
      type: "method",
      label: "pre-trained language model",
    },
    { id: "method:foundation-model", type: "method", label: "foundation model" },
    { id: "method:hypernetwork", type: "method", label: "hypernetwork" },
    { id: "task:risk-prediction", type: "task", label: "risk prediction" },
    { id: "task:mortality-prediction", type: "task", label: "mortality prediction" },
    { id: "condition:pulmonary-embolism", type: "condition", label: "pulmonary embolism" },
    { id: "dataset:code", type: "dataset", label: "CODE", caseSensitive: true },
    { id: "method:fine-tuning", type: "method", label: "fine-tuning", aliases: ["finetuning"] },
    { id: "method:pre-training", type: "method", label: "pre-training" },
    { id: "task:text-classification", type: "task", label: "text classification" },
    { id: "task:object-detection", type: "task", label: "object detection" },
    {
      id: "method:graph-convolutional-network",
      type: "method",
      label: "graph convolutional network",
    },
    { id: "task:dependency-parsing", type: "task", label: "dependency parsing" },
    { id: "method:knowledge-distillation", type: "method", label: "knowledge distillation" },
    { id: "method:feature-selection", type: "method", label: "feature selection" },
    { id: "method:adversarial-training", type: "method", label: "adversarial training" },
    {
      id: "task:fairness-assessment",
      type: "task",
      label: "fairness assessment",
      aliases: ["fairness evaluation"],
    },
  ],
};
const opts: ExtractOptions = {
  ontologies: [ontology],
  builtinOntology: false,
  topics: { enabled: false },
};

function entities(title: string, abstract: string, o: ExtractOptions = opts) {
  return extractPapers([record(title, abstract)], o)[0].entities;
}
const labelsOf = (title: string, abstract: string) =>
  entities(title, abstract).map((e) => `${e.type}:${e.label}`);

describe("extract: abbreviation definitions", () => {
  it.each([
    ["thanks to Knowledge Distillation (KD), it is", "KD", "Knowledge Distillation"],
    ["Large language models (LLMs), such as", "LLMs", "Large language models"],
    ["a multitasking network (MT-Net) for", "MT-Net", "multitasking network"],
    ["we propose Bezier Trajectory Matching (BTM), which", "BTM", "Bezier Trajectory Matching"],
    ["cardiovascular diseases (CVDs) detection", "CVDs", "cardiovascular diseases"],
    [
      "a computation-efficient semi-supervised learning paradigm (CE-SSL) for",
      "CE-SSL",
      "computation-efficient semi-supervised learning paradigm",
    ],
  ])("%s → %s = %s", (text, short, long) => {
    const d = findDefinitions(text);
    expect(d).toHaveLength(1);
    expect(text.slice(d[0].shortStart, d[0].shortEnd)).toBe(short);
    expect(text.slice(d[0].longStart, d[0].longEnd)).toBe(long);
  });

  it.each([
    ["results (p < 0.05) show"],
    ["in two settings (i) and (ii)"],
    ["the model (which is big)"],
    // Real: arXiv 2212.03721 ("Intent Recognition in Conversational Recommender Systems", in the
    // Semantic Scholar citations export of the shared corpora):
    // a clause is no long form of a name with small letters.
    [
      "we use transformer base models to evaluate the proposed approach using a labelled dialogue dataset (MSDialogue) of",
    ],
  ])("finds no definition in %s", (text) => expect(findDefinitions(text)).toEqual([]));

  it("rejects a short form whose letters the long form does not cover", () => {
    expect(bestLongForm("XYZ", "dataset condensation")).toBeNull();
  });

  it("resolves a defined short form to the concept, later uses included", () => {
    const es = entities("T", "Dataset condensation (DC) is studied. DC helps. Also DC.");
    const dc = es.find((e) => e.id === "method:dataset-condensation");
    expect(dc?.mentions.filter((m) => m.rule === "abbreviation").map((m) => m.text)).toEqual([
      "DC",
      "DC",
      "DC",
    ]);
  });

  it.each([
    ["RE is hard. We study RE on notes.", "task:relation-extraction"],
    ["TM works; DC too.", "method:trajectory-matching"],
    ["DC is great.", "method:dataset-condensation"],
  ])("never matches an undefined ambiguous abbreviation: %s", (abstract, id) => {
    expect(entities("A title", abstract).map((e) => e.id)).not.toContain(id);
  });

  // Real sentences: PubMed "Metformin Promotes Antitumor Immunity via Endoplasmic-Reticulum-
  // Associated Degradation of PD-L1" (shared corpora, pubmed_result.xml); the heldout DeepAD
  // abstract (test/fixtures/heldout/papers.json).
  const builtin: ExtractOptions = { topics: { enabled: false } };
  it.each([
    [
      "Metformin has been reported to possess antitumor activity and maintain high cytotoxic T lymphocyte (CTL) immune surveillance.",
      "method:temporal-logic",
      false,
    ],
    [
      "We verify the controller against properties in computation tree logic (CTL) with a model checker.",
      "method:temporal-logic",
      true,
    ],
    [
      "we used a convolutional neural network (CNN) to classify the scans. The CNN reached 90%.",
      "method:convolutional-neural-network",
      true,
    ],
  ])("a short form the paper defines means what it says: %s", (abstract, id, found) => {
    const ids = entities("A title", abstract, builtin).map((e) => e.id);
    expect(ids.includes(id)).toBe(found);
  });

  it("matches safe abbreviations on their own, plural included, case-sensitively", () => {
    const es = entities(
      "ECGs and LLMs",
      "We use ECG with an LLM. The ecg word in lower case is not the abbreviation.",
    );
    expect(es.find((e) => e.id === "modality:ecg")?.mentions.map((m) => m.text)).toEqual([
      "ECGs",
      "ECG",
    ]);
    expect(
      es.find((e) => e.id === "method:large-language-model")?.mentions.map((m) => m.text),
    ).toEqual(["LLMs", "LLM"]);
  });

  it("lets a paper define an ambiguous short form as something else", () => {
    const es = entities("T", "Renewable energy forecasting (RE) is studied. RE is important.");
    expect(es.map((e) => e.id)).not.toContain("task:relation-extraction");
  });
});

describe("extract: normalisation and spelling variants", () => {
  it.each([
    ["optimisation", "optimization"],
    ["characterise", "characterize"],
    ["modelling", "modeling"],
    ["generalisation", "generalization"],
    ["analyses", "analysis"],
    ["studies", "study"],
    ["tumours", "tumor"],
    ["Bézier", "bezier"],
    ["LLMs", "llm"],
    ["biases", "bias"],
  ])("%s folds like %s", (a, b) => expect(normWord(a)).toBe(normWord(b)));

  it.each([["bias"], ["diabetes"], ["analysis"], ["class"]])("keeps %s whole", (w) =>
    expect(normWord(w)).toBe(w),
  );

  it.each([
    ["zero-order optimization", "method:zero-order-optimisation"],
    ["Zero-Order Optimisations", "method:zero-order-optimisation"],
    ["derivative free optimization", "method:zero-order-optimisation"],
    ["semisupervised learning", "method:semi-supervised-learning"],
    ["semi supervised learning", "method:semi-supervised-learning"],
    ["pretrained language models", "method:pre-trained-language-model"],
    ["the prediction of mortality", "task:mortality-prediction"],
  ])("%s matches %s", (text, id) => {
    const es = entities("Title", `We use ${text} here.`);
    const e = es.find((x) => x.id === id);
    expect(e?.mentions[0].rule).toBe("ontology");
    expect(es.filter((x) => x.type === e?.type)).toHaveLength(1);
  });

  it.each([
    ["we fine-tuned BERT", "method:fine-tuning"],
    ["we finetune the encoder", "method:fine-tuning"],
    ["text classifiers", "task:text-classification"],
    ["an object detector", "task:object-detection"],
    ["a graph convolution network", "method:graph-convolutional-network"],
    ["a dependency parser", "task:dependency-parsing"],
    ["the student distills knowledge", "method:knowledge-distillation"],
    ["we select features", "method:feature-selection"],
    ["an adversarially trained encoder", "method:adversarial-training"],
  ])("word forms: %s matches %s", (text, id) => {
    const e = entities("Title", `Here ${text} work.`).find((x) => x.id === id);
    expect(e?.mentions[0].rule).toBe("ontology");
  });

  it.each([
    ["a fair evaluation of models", "task:fairness-assessment"],
    ["the pre-trained weights", "method:pre-training"],
    ["the fair split", "task:fairness-assessment"],
  ])("word forms: %s does not match %s", (text, id) => {
    expect(entities("Title", `Here ${text} work.`).map((x) => x.id)).not.toContain(id);
  });

  it("does not match across punctuation", () => {
    expect(
      entities("T", "We studied semi. Supervised learning came later.").map((e) => e.id),
    ).toEqual(["method:supervised-learning"]);
  });

  it("keeps the longest match, and a modality inside a method", () => {
    const ids = entities("T", "Semi-supervised learning of ECG foundation models.").map(
      (e) => e.id,
    );
    expect(ids).toEqual([
      "method:foundation-model",
      "method:semi-supervised-learning",
      "modality:ecg",
    ]);
  });

  it("splits sentences without breaking at e.g. or et al.", () => {
    const text = "We use e.g. ECG. Smith et al. agree. Done";
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual([
      "We use e.g. ECG.",
      "Smith et al. agree.",
      "Done",
    ]);
  });
});

describe("extract: contribution patterns", () => {
  it.each([
    [
      "T",
      "Motivated by this, we propose Bezier Trajectory Matching (BTM), which is fast.",
      "method:bezier trajectory matching",
      "pattern",
    ],
    [
      "T",
      "We propose a novel hypernetwork-based approach, called H-Learner, to solve it.",
      "method:H-Learner",
      "pattern",
    ],
    [
      "T",
      "To better understand LLMs, we construct a benchmark ClinicBench.",
      "dataset:ClinicBench",
      "pattern",
    ],
    ["T", "We evaluate on the PTB-XL dataset and report.", "dataset:PTB-XL", "pattern"],
    [
      "T",
      "This work describes CellCnn, a representation learning approach to detect cells.",
      "method:CellCnn",
      "pattern",
    ],
    [
      "T",
      "We introduce a graph attention network for sleep staging.",
      "method:graph attention network",
      "pattern",
    ],
    [
      "T",
      "We present the KNN-KDE method introducing observation-specific kernels for KDE.",
      "method:KNN-KDE",
      "name",
    ],
    [
      "T",
      "We present a wavelet scattering network (WSN) for it.",
      "method:wavelet scattering network",
      "pattern",
    ],
    [
      "T",
      "Here we study pulmonary embolism (PE) and PE prediction.",
      "task:pulmonary embolism prediction",
      "noun-phrase",
    ],
    [
      "T",
      "Experiments cover sepsis onset detection in ICUs.",
      "task:sepsis onset detection",
      "noun-phrase",
    ],
    [
      "Contrastive Graph Learning for Arrhythmia Subtyping",
      "Abstract.",
      "method:contrastive graph learning",
      "title",
    ],
    [
      "Sleep Staging Networks for Wearable Sensor Recordings",
      "Abstract.",
      "modality:wearable sensor recording",
      "title",
    ],
  ])("%s | %s → %s (%s)", (title, abstract, expected, rule) => {
    const es = entities(title, abstract);
    const e = es.find((x) => `${x.type}:${x.label}` === expected);
    expect(e, `${expected} in ${es.map((x) => `${x.type}:${x.label}`).join(", ")}`).toBeDefined();
    expect(e?.mentions.some((m) => m.rule === rule)).toBe(true);
    expect(Math.max(...(e?.mentions ?? []).map((m) => m.confidence))).toBeLessThan(0.95);
  });

  it.each([
    ["We propose a new research direction for this.", "research direction"],
    ["We present the RiskAgent system to do things.", "RiskAgent"],
    ["Our method makes accurate predictions and model predictions.", "prediction"],
    ["We then introduce a lightweight plug-in module.", "plug-in"],
    ["We used PyTorch, a popular library for research.", "PyTorch"],
  ])("finds nothing new in: %s", (abstract, word) => {
    expect(labelsOf("A title", abstract).filter((l) => l.includes(word))).toEqual([]);
  });

  it("names the title's system after the colon: NAME: X for Y", () => {
    const es = entities(
      "CE-SSL: Computation-Efficient Semi-Supervised Learning for ECG-based Disease Detection",
      "",
    );
    const ssl = es.find((e) => e.label === "computation-efficient semi-supervised learning");
    expect(ssl?.aliases).toContain("CE-SSL");
    expect(es.map((e) => e.id)).toContain("method:semi-supervised-learning");
  });

  it("gives a specialised contribution its ontology parent", () => {
    const es = entities(
      "T",
      "We propose Bezier Trajectory Matching (BTM), a variant of trajectory matching.",
    );
    expect(es.find((e) => e.label === "bezier trajectory matching")?.parents).toEqual([
      "method:trajectory-matching",
    ]);
  });
});

describe("extract: ontology loading", () => {
  it("merges a user concept over the built-in data by id", () => {
    const merged = loadOntology(
      [
        ontology,
        {
          name: "more",
          concepts: [
            {
              id: "method:hypernetwork",
              type: "method",
              label: "hypernetwork",
              aliases: ["HyperNet"],
            },
          ],
        },
      ],
      { builtin: false },
    );
    expect(merged.find((c) => c.id === "method:hypernetwork")?.aliases).toEqual(["HyperNet"]);
    expect(merged.map((c) => c.id)).toEqual([...merged.map((c) => c.id)].sort());
  });

  it.each([
    [
      {
        name: "bad",
        concepts: [
          { id: "method:ok", type: "method", label: "ok" },
          { id: "Bad Id", type: "method", label: "x" },
        ],
      },
      /user ontology #1 \(bad\): concept 1 "Bad Id", field id/,
    ],
    [
      { name: "bad", concepts: [{ id: "method:y", type: "topic", label: "y" }] },
      /concept 0 "method:y", field type/,
    ],
    [{ concepts: [] }, /user ontology #1: name/],
  ])("names the bad concept in the error", (doc, message) => {
    expect(() => extractPapers([record("T", "A")], { ontologies: [doc] })).toThrow(message);
  });

  it("uses a user concept in extraction", () => {
    const user = {
      name: "u",
      concepts: [{ id: "method:quantum-widget", type: "method", label: "quantum widget" }],
    };
    const es = extractPapers([record("Quantum widgets", "x")], {
      ontologies: [user],
      topics: { enabled: false },
    })[0].entities;
    expect(es.find((e) => e.id === "method:quantum-widget")?.mentions[0].text).toBe(
      "Quantum widgets",
    );
  });
});

describe("extract: hard-wrapped text", () => {
  it.each([
    ["We use semi-\nsupervised learning.", "semi-\nsupervised learning"],
    ["We use semi-supervised\nlearning.", "semi-supervised\nlearning"],
    ["We use semi- supervised learning.", "semi- supervised learning"],
  ])("matches across a line break: %j", (abstract, text) => {
    const e = entities("T", abstract).find((x) => x.id === "method:semi-supervised-learning");
    expect(e?.mentions.map((m) => m.text)).toEqual([text]);
  });
});
