// `litgraph extract` (text) says "(uses)" or "(proposes)" after an entity where the paper's
// sentences say so (src/graph/evidence.ts paperRole), and nothing where they say neither.
import { describe, expect, it } from "vitest";
import { entityText } from "../src/cli/commands/extract.ts";
import type { Entity, Mention } from "../src/extract/types.ts";
import { runMain } from "./run-main.ts";

const m = (role?: "used" | "proposed"): Mention => ({
  field: "abstract",
  start: 0,
  end: 3,
  text: "CNN",
  sentence: "CNN.",
  rule: "ontology",
  confidence: 0.9,
  ...(role ? { role } : {}),
});
const entity = (...roles: ("used" | "proposed" | undefined)[]): Entity => ({
  type: "method",
  label: "CNN",
  id: "method:cnn",
  mentions: roles.map(m),
});

describe("extract: use and propose in the text listing", () => {
  it.each([
    [entity(undefined), "CNN"],
    [entity("used", undefined), "CNN (uses)"],
    [entity("used", "proposed"), "CNN (proposes)"],
  ])("%#: %s", (e, expected) => {
    expect(entityText(e)).toBe(expected);
  });

  it("the seed listing marks some entities, and only after a label", async () => {
    const r = await runMain(["extract", "--as-of", "2026-11-26"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\w \(proposes\)/);
    expect(r.stdout).toMatch(/\w \(uses\)/);
    expect(r.stdout).not.toMatch(/\((?:uses|proposes)\) \((?:uses|proposes)\)/);
  });
});
