// Integrity of the curated ontology data in src/extract/ontology/data/: every file validates,
// ids are "<type>:<slug of label>", parents exist, is-a has no cycles, and no surface form
// (folded the way an extractor would) belongs to two concepts.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { slugify } from "../src/common/text.ts";
import { type Concept, OntologyFile } from "../src/extract/ontology/schema.ts";

const dataDir = fileURLToPath(new URL("../src/extract/ontology/data/", import.meta.url));

/** One row per data file: the type it holds and the floor on its concept count. */
const FILES = [
  { file: "methods.json", type: "method", floor: 370 },
  { file: "modalities.json", type: "modality", floor: 95 },
  { file: "tasks.json", type: "task", floor: 200 },
  { file: "datasets.json", type: "dataset", floor: 220 },
  { file: "conditions.json", type: "condition", floor: 110 },
  { file: "models.json", type: "model", floor: 130 },
] as const;

/** Words that must never be a concept's surface form on their own. */
const GENERIC = [
  "model",
  "data",
  "method",
  "analysis",
  "approach",
  "framework",
  "system",
  "network",
  "algorithm",
  "learning",
  "agent",
  "attention",
  "technique",
  "tool",
  "study",
  "task",
  "training",
  "dataset",
  "benchmark",
  "inference",
  "prediction",
  "detection",
  "performance",
  "evaluation",
  "feature",
  "signal",
  "disease",
  "patient",
  // adjectives and clinical words that an alias may fold into ("diagnostics" → "diagnostic")
  "diagnostic",
  "clinical",
  "medical",
  "health",
  "healthcare",
  "outcome",
  "risk",
  "result",
  "accuracy",
  "test",
];

/** British to American spellings an extractor folds (optimisation/optimization, tumour/tumor). */
const SPELLING: [RegExp, string][] = [
  [/isation/g, "ization"],
  [/ised\b/g, "ized"],
  [/ising\b/g, "izing"],
  [/yse\b/g, "yze"],
  [/our(s?)\b/g, "or$1"],
  [/aem/g, "em"],
  [/oe(?=[dsn])/g, "e"],
];

/** Regular plural of one word: "networks" → "network", "summaries" → "summary". */
function singular(word: string): string {
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith("s") && !/(ss|us|is)$/.test(word)) {
    return word.slice(0, -1);
  }
  return word;
}

/**
 * A strict fold for collision checks: accents stripped, lower case, British spellings and
 * regular plurals folded, and every space, hyphen and punctuation mark removed, so that
 * "pre-training", "pre training" and "pretraining" are one form.
 */
function fold(text: string): string {
  let s = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
  for (const [from, to] of SPELLING) s = s.replace(from, to);
  return s
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map(singular)
    .join("");
}

function load(file: string): OntologyFile {
  const raw: unknown = JSON.parse(readFileSync(dataDir + file, "utf8"));
  const parsed = OntologyFile.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`ontology-data: ${file}: ${parsed.error.message}`);
  }
  return parsed.data;
}

/** Surface forms that match on their own: label, aliases and safe abbreviations. */
function surfaceForms(c: Concept): string[] {
  return [c.label, ...c.aliases, ...c.abbreviations.filter((a) => a.safe).map((a) => a.text)];
}

const files = FILES.map((row) => ({ ...row, data: load(row.file) }));
const all = files.flatMap((f) => f.data.concepts);
const byId = new Map(all.map((c) => [c.id, c]));

describe("ontology data files", () => {
  it.each(FILES)("$file validates with the schema", ({ file }) => {
    const raw: unknown = JSON.parse(readFileSync(dataDir + file, "utf8"));
    const parsed = OntologyFile.safeParse(raw);
    expect(parsed.success ? "" : parsed.error.message).toBe("");
  });

  it.each(files)("$file holds only $type concepts, at least $floor", ({ data, type, floor }) => {
    expect(data.concepts.filter((c) => c.type !== type).map((c) => c.id)).toEqual([]);
    expect(data.concepts.length).toBeGreaterThanOrEqual(floor);
  });

  it.each(files)("$file: ids are <type>:<slug of label>", ({ data }) => {
    const bad = data.concepts.filter((c) => c.id !== `${c.type}:${slugify(c.label)}`);
    expect(bad.map((c) => `${c.id} (label ${c.label})`)).toEqual([]);
  });

  it.each(files)("$file: forms are trimmed, not repeated, and not generic words", ({ data }) => {
    const bad: string[] = [];
    for (const c of data.concepts) {
      // An abbreviation may repeat the label: "ECG" is then also matched case-sensitively alone.
      const names = [c.label, ...c.aliases];
      const abbrevs = c.abbreviations.map((a) => a.text);
      for (const f of [...names, ...abbrevs]) {
        if (f !== f.trim() || f === "") bad.push(`${c.id}: untrimmed "${f}"`);
        if (GENERIC.includes(fold(f))) bad.push(`${c.id}: generic "${f}"`);
      }
      if (new Set(names).size !== names.length) bad.push(`${c.id}: a name is listed twice`);
      if (new Set(abbrevs).size !== abbrevs.length) bad.push(`${c.id}: an abbreviation twice`);
      for (const a of c.aliases.filter((x) => abbrevs.includes(x))) {
        bad.push(`${c.id}: "${a}" is both an alias and an abbreviation`);
      }
    }
    expect(bad).toEqual([]);
  });

  it.each(files)("$file: short all-caps names are safe abbreviations too", ({ data }) => {
    // The engine matches a 2-4 letter all-caps name alone only as a safe abbreviation.
    const bad = data.concepts.flatMap((c) =>
      [c.label, ...c.aliases]
        .filter((f) => /^[A-Z]{2,4}$/.test(f))
        .filter((f) => !c.abbreviations.some((a) => a.text === f && a.safe))
        .map((f) => `${c.id}: ${f}`),
    );
    expect(bad).toEqual([]);
  });

  it.each(files)("$file: safe abbreviations are short and carry a capital or digit", ({ data }) => {
    const bad = data.concepts.flatMap((c) =>
      c.abbreviations
        .filter(
          (a) => a.safe && (a.text.length > 12 || /\s/.test(a.text) || !/[A-Z0-9]/.test(a.text)),
        )
        .map((a) => `${c.id}: ${a.text}`),
    );
    expect(bad).toEqual([]);
  });

  it("ids are unique across all files", () => {
    const ids = all.map((c) => c.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it("every parent exists, is not the concept itself, and is of the same type (models may name methods)", () => {
    const bad: string[] = [];
    for (const c of all) {
      for (const p of c.parents) {
        const parent = byId.get(p);
        if (!parent) bad.push(`${c.id} → missing ${p}`);
        else if (p === c.id) bad.push(`${c.id} is its own parent`);
        else if (parent.type !== c.type && !(c.type === "model" && parent.type === "method")) {
          bad.push(`${c.id} → ${p} crosses types`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it("is-a has no cycles", () => {
    const state = new Map<string, "open" | "done">();
    const cycles: string[] = [];
    const visit = (id: string, path: string[]): void => {
      if (state.get(id) === "done") return;
      if (state.get(id) === "open") {
        cycles.push([...path.slice(path.indexOf(id)), id].join(" → "));
        return;
      }
      state.set(id, "open");
      for (const p of byId.get(id)?.parents ?? []) visit(p, [...path, id]);
      state.set(id, "done");
    };
    for (const c of all) visit(c.id, []);
    expect(cycles).toEqual([]);
  });

  it("no folded surface form belongs to two concepts", () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const c of all) {
      for (const form of new Set(surfaceForms(c).map(fold))) {
        const other = owner.get(form);
        if (other && other !== c.id) clashes.push(`"${form}": ${other} and ${c.id}`);
        else owner.set(form, c.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it("prints the concept count per type", () => {
    const counts = Object.fromEntries(files.map((f) => [f.type, f.data.concepts.length]));
    console.log(`ontology concepts: ${JSON.stringify(counts)}, total ${all.length}`);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(all.length);
  });
});

describe("fold (the collision key)", () => {
  it.each([
    ["pre-training", "pretraining"],
    ["Pre training", "pretraining"],
    ["Bézier curves", "beziercurve"],
    ["optimisation", "optimization"],
    ["discharge summaries", "dischargesummary"],
    ["tumours", "tumor"],
    ["analysis", "analysis"],
  ])("%s → %s", (input, expected) => {
    expect(fold(input)).toBe(expected);
  });
});
