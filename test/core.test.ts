// The browser-safe core (src/core.ts) that the web view's worker runs on dropped files gives the
// graph the CLI's pipeline gives on the same files: one pipeline, not two copies.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { graphFromTexts } from "../src/core.ts";
import { runPipeline } from "../src/pipeline.ts";

const asOf = new Date("2026-01-15T00:00:00Z");

describe("graphFromTexts (the web worker's pipeline)", () => {
  it.each(["ingest-a", "ingest-b"])("gives the CLI pipeline's graph on %s", async (name) => {
    const dir = join(import.meta.dirname, "fixtures", name);
    const files = readdirSync(dir)
      .sort()
      .map((f) => ({ file: f, bytes: new Uint8Array(readFileSync(join(dir, f))) }));
    const stages: string[] = [];
    const web = graphFromTexts(files, { asOf }, (stage) => stages.push(stage));
    const cli = await runPipeline([dir], { asOf, threads: 1 });
    expect(stages).toEqual(["extract", "graph", "serialise"]);
    expect(web.serialized?.nodes.length).toBeGreaterThan(20);
    expect(web.serialized?.meta.counts).toEqual(cli.serialized.meta.counts);
    expect(web.serialized?.meta.options.source).toBe("browser");
    expect(JSON.stringify(web.serialized?.edges)).toBe(JSON.stringify(cli.serialized.edges));
    expect(JSON.stringify(web.serialized?.nodes.map((n) => n.key))).toBe(
      JSON.stringify(cli.serialized.nodes.map((n) => n.key)),
    );
  });

  it("no readable paper: no graph, and the rejects say why", () => {
    const bytes = new TextEncoder().encode("@article{x, title = }");
    const r = graphFromTexts([{ file: "bad.bib", bytes }], { asOf });
    expect(r.serialized).toBeNull();
    expect(r.ingest.rejected.length).toBeGreaterThan(0);
  });
});
