// The built-in concept index's snapshot (src/extract/concept-snapshot.ts): restoring it gives the
// index building gives, and a snapshot of other data, of another format or of another shape is
// refused (conceptIndex then builds the index).
import { describe, expect, it } from "vitest";
import {
  BUILTIN_INPUTS,
  type ConceptInputs,
  conceptInputsKey,
  restoreIndex,
  SNAPSHOT_FORMAT,
  snapshotIndex,
  takeBuiltinSnapshot,
} from "../src/extract/concept-snapshot.ts";
import { buildIndex, matchTokens } from "../src/extract/matcher.ts";
import { loadOntology } from "../src/extract/ontology/load.ts";
import { tokenize } from "../src/extract/text/tokenize.ts";

const built = buildIndex(loadOntology([]));
const snapshot = takeBuiltinSnapshot();

/** BUILTIN_INPUTS with one alias added to the first concept of methods.json. */
function withExtraAlias(): ConceptInputs {
  const methods = structuredClone(BUILTIN_INPUTS.ontology["methods.json"]) as {
    concepts: { aliases?: string[] }[];
  };
  const first = methods.concepts[0];
  first.aliases = [...(first.aliases ?? []), "an alias nobody wrote"];
  return {
    ...BUILTIN_INPUTS,
    ontology: { ...BUILTIN_INPUTS.ontology, "methods.json": methods },
  };
}

describe("concept index snapshot", () => {
  it("restores the index buildIndex makes: same concepts, tries (in order) and matches", () => {
    const restored = restoreIndex(snapshot);
    expect(restored).toBeDefined();
    if (!restored) return;
    expect(JSON.stringify(snapshotIndex(restored, BUILTIN_INPUTS))).toBe(snapshot);
    expect(restored.byId.size).toBe(built.byId.size);
    expect(restored.byId.get("method:transformer")).toEqual(built.byId.get("method:transformer"));
    const text =
      "We fine-tune a Transformer with LSTM baselines on ImageNet and MIMIC-IV for ECG classification.";
    const tokens = tokenize(text);
    const matches = matchTokens(built, tokens);
    expect(matches.length).toBeGreaterThan(2);
    expect(matchTokens(restored, tokens)).toEqual(matches);
  });

  it("is refused when the data it was taken from changed", () => {
    const changed = withExtraAlias();
    expect(conceptInputsKey(changed)).not.toBe(conceptInputsKey(BUILTIN_INPUTS));
    expect(restoreIndex(snapshot, changed)).toBeUndefined();
    const spelling = { ...(BUILTIN_INPUTS.spelling as object), splitPrefixes: ["re"] };
    expect(conceptInputsKey({ ...BUILTIN_INPUTS, spelling })).not.toBe(
      conceptInputsKey(BUILTIN_INPUTS),
    );
    // A snapshot taken from the changed data is that data's, not the built-in one's.
    const other = JSON.stringify(snapshotIndex(buildIndex(loadOntology([])), changed));
    expect(restoreIndex(other, changed)).toBeDefined();
    expect(restoreIndex(other)).toBeUndefined();
  });

  it("is refused when of another format or shape, or not JSON", () => {
    const s = JSON.parse(snapshot) as Record<string, unknown>;
    expect(s.format).toBe(SNAPSHOT_FORMAT);
    expect(restoreIndex(JSON.stringify({ ...s, format: SNAPSHOT_FORMAT + 1 }))).toBeUndefined();
    expect(restoreIndex(JSON.stringify({ ...s, norm: {} }))).toBeUndefined();
    expect(restoreIndex(JSON.stringify({ ...s, concepts: undefined }))).toBeUndefined();
    expect(restoreIndex(snapshot.slice(0, -10))).toBeUndefined();
    expect(restoreIndex("null")).toBeUndefined();
  });
});
