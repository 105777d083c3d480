// The per-paper extraction cache: keys, namespaces, torn lines, disabled mode.
import { appendFileSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  cacheNamespace,
  extractorVersion,
  openExtractCache,
  openTagStore,
  paperKey,
  tagFile,
} from "../src/cache/index.ts";
import type { PaperPart } from "../src/extract/staged.ts";
import { tempDirs } from "./temp-dirs.ts";

const tmp = tempDirs("cache");

const paper = { id: "slug:a-2021", title: "A title", abstract: "An abstract." };
const part: PaperPart = {
  entities: [
    {
      type: "method",
      label: "transformer",
      id: "method:transformer",
      mentions: [
        {
          field: "title",
          start: 0,
          end: 1,
          text: "A",
          sentence: "A title",
          rule: "ontology",
          confidence: 0.95,
        },
      ],
    },
  ],
};

describe("cache keys", () => {
  const ns = cacheNamespace({}, "v1");
  it.each([
    ["id", { ...paper, id: "slug:b-2021" }],
    ["title", { ...paper, title: "A title." }],
    ["abstract", { ...paper, abstract: "An abstract" }],
  ])("a different %s is a different key", (_, other) => {
    expect(paperKey(ns, other)).not.toBe(paperKey(ns, paper));
  });

  it.each([
    ["extractor version", cacheNamespace({}, "v2")],
    ["user ontology", cacheNamespace({ ontologies: [{ name: "x", concepts: [] }] }, "v1")],
    ["options", cacheNamespace({ patterns: false }, "v1")],
    ["compromise version", cacheNamespace({}, "v1", "0.0.1")],
  ])("a different %s is a different namespace", (_, other) => {
    expect(other).not.toBe(ns);
  });

  it("an empty list of user ontologies is the same namespace as none (the CLI passes [])", () => {
    expect(cacheNamespace({ ontologies: [] }, "v1")).toBe(ns);
  });

  it("option key order does not matter", () => {
    expect(cacheNamespace({ patterns: true, builtinOntology: true }, "v1")).toBe(
      cacheNamespace({ builtinOntology: true, patterns: true }, "v1"),
    );
  });

  it("the extractor version hashes src/extract", () => {
    expect(extractorVersion()).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("openExtractCache", () => {
  it("round-trips a part through the JSONL file", () => {
    const dir = tmp();
    const c = openExtractCache({ dir, extractorVersion: "v1" });
    expect(c.get(paper)).toBeUndefined();
    c.set(paper, part);
    c.flush();
    expect(c.stats).toMatchObject({ misses: 1, written: 1 });
    const again = openExtractCache({ dir, extractorVersion: "v1" });
    expect(again.get(paper)).toEqual(part);
    expect(again.stats).toMatchObject({ loaded: 1, hits: 1 });
    expect(openExtractCache({ dir, extractorVersion: "v2" }).get(paper)).toBeUndefined();
  });

  it("skips a torn last line and keeps appending on a fresh line", () => {
    const dir = tmp();
    const c = openExtractCache({ dir, extractorVersion: "v1" });
    c.set(paper, part);
    c.flush();
    appendFileSync(c.file as string, '{"k":"abc","v":{"ent');
    const d = openExtractCache({ dir, extractorVersion: "v1" });
    expect(d.stats).toMatchObject({ loaded: 1, skipped: 1 });
    const other = { ...paper, id: "slug:other" };
    d.set(other, part);
    d.flush();
    const e = openExtractCache({ dir, extractorVersion: "v1" });
    expect(e.stats).toMatchObject({ loaded: 2, skipped: 1 });
    expect(e.get(other)).toEqual(part);
  });

  it("disabled: never hits, never writes", () => {
    const dir = tmp();
    const c = openExtractCache({ dir, enabled: false });
    c.set(paper, part);
    c.flush();
    expect(c.get(paper)).toBeUndefined();
    expect(c.file).toBeNull();
    expect(() => readFileSync(join(dir, "x"))).toThrow();
  });

  it("keeps only the newest cache files (one per extractor version)", () => {
    const dir = tmp();
    for (const v of ["v1", "v2", "v3"]) {
      const c = openExtractCache({ dir, extractorVersion: v, keep: 2 });
      c.set(paper, part);
      c.flush();
    }
    const files = readdirSync(dir);
    expect(files).toHaveLength(2);
    expect(files).toContain(
      openExtractCache({ dir, extractorVersion: "v3" }).file?.split("/").pop(),
    );
    expect(openExtractCache({ dir, extractorVersion: "v1" }).get(paper)).toBeUndefined();
  });

  it("setting a known key twice writes it once", () => {
    const dir = tmp();
    const c = openExtractCache({ dir, extractorVersion: "v1" });
    c.set(paper, part);
    c.set(paper, part);
    c.flush();
    expect(
      readFileSync(c.file as string, "utf8")
        .trim()
        .split("\n"),
    ).toHaveLength(1);
  });
});

describe("tag results (openTagStore)", () => {
  it("round-trip through their JSONL file, keyed by the exact written text", () => {
    const dir = tmp();
    const s = openTagStore({ dir, extractorVersion: "v1" });
    s.set("Deep learning", true);
    s.set("deep learning", false);
    s.set("deep learning", false);
    s.flush();
    expect(s.stats.written).toBe(2);
    const again = openTagStore({ dir, extractorVersion: "v1" });
    expect(again.stats.loaded).toBe(0);
    expect([again.get("Deep learning"), again.get("deep learning"), again.get("x")]).toEqual([
      true,
      false,
      undefined,
    ]);
    expect(again.stats.loaded).toBe(2);
  });

  it.each([
    ["extractor version", { extractorVersion: "v2" }],
    ["compromise version", { compromiseVersion: "0.0.1" }],
  ])("a different %s is a different file", (_, other) => {
    const dir = tmp();
    const s = openTagStore({ dir, extractorVersion: "v1" });
    s.set("graph neural network", true);
    s.flush();
    const o = openTagStore({ dir, extractorVersion: "v1", ...other });
    expect(o.file).not.toBe(s.file);
    expect(o.get("graph neural network")).toBeUndefined();
  });

  it("skips torn and malformed lines and appends on a fresh line", () => {
    const dir = tmp();
    const s = openTagStore({ dir, extractorVersion: "v1" });
    s.set("a model", true);
    s.flush();
    appendFileSync(s.file as string, '["b model",1]\n{"x":1}\n["c mod');
    const t = openTagStore({ dir, extractorVersion: "v1" });
    t.set("d model", true);
    t.flush();
    expect(t.stats).toMatchObject({ loaded: 1, skipped: 3, written: 1 });
    const u = openTagStore({ dir, extractorVersion: "v1" });
    expect([u.get("a model"), u.get("b model"), u.get("d model")]).toEqual([true, undefined, true]);
    expect(u.stats).toMatchObject({ loaded: 2, skipped: 3 });
  });

  it("the extraction cache flushes its tag results beside its parts; disabled, nothing", () => {
    const dir = tmp();
    const c = openExtractCache({ dir, extractorVersion: "v1" });
    c.tags.set("sleep apnea", true);
    c.flush();
    expect(c.tags.file && readdirSync(dir)).toContain(c.tags.file?.split("/").pop());
    expect(openExtractCache({ dir, extractorVersion: "v1" }).tags.get("sleep apnea")).toBe(true);
    const off = openExtractCache({ dir: tmp(), enabled: false });
    off.tags.set("sleep apnea", true);
    off.flush();
    expect([off.tags.file, off.tags.get("sleep apnea")]).toEqual([null, undefined]);
  });

  it("keeps only the newest tag files", () => {
    const dir = tmp();
    for (const v of ["v1", "v2", "v3"]) {
      const s = openTagStore({ dir, extractorVersion: v, keep: 2 });
      s.set(`phrase ${v}`, true);
      s.flush();
    }
    const files = readdirSync(dir).filter((f) => f.startsWith("tags-"));
    expect(files.sort()).toEqual(
      ["v2", "v3"].map((v) => tagFile({ dir, extractorVersion: v }).split("/").pop()).sort(),
    );
  });
});
