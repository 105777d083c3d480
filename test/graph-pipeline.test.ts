import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { GraphFile, SerializedGraph } from "../src/graph/schema.ts";
import { runPipeline } from "../src/pipeline.ts";
import { runMain } from "./run-main.ts";

const bib = "test/fixtures/graph/chil2023-slice.bib";
const csl = "test/fixtures/graph/deep-review-slice.json";
const asOf = new Date("2026-11-27T00:00:00Z");
const dir = mkdtempSync(join(tmpdir(), "litgraph-graph-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Run the CLI, capturing stdout and stderr. */
async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const r = await runMain(argv);
  return { code: r.code, out: r.stdout, err: r.stderr };
}

describe("runPipeline", () => {
  it("gives the same serialised graph whatever the order of the input files", async () => {
    const a = await runPipeline([bib, csl], { asOf });
    const b = await runPipeline([csl, bib], { asOf });
    expect(a.serialized.nodes.length).toBeGreaterThan(14);
    expect(JSON.stringify(b.serialized)).toBe(JSON.stringify(a.serialized));
  });

  it("records version, options, input hashes and counts in meta", async () => {
    const { serialized, ingest } = await runPipeline([bib], { asOf, resolution: 2 });
    expect(SerializedGraph.safeParse(serialized).success).toBe(true);
    expect(serialized.meta.inputs.map((i) => i.path)).toEqual([bib]);
    expect(serialized.meta.inputs[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(serialized.meta.options).toMatchObject({
      asOf: "2026-11-27",
      communities: { resolution: 2 },
    });
    expect(serialized.meta.counts["nodes.paper"]).toBe(ingest.summary.papers);
  });
});

describe("build and query commands", () => {
  const out = join(dir, "graph.json");

  it("build writes a graph.json that the queries read back", async () => {
    const r = await run(["build", bib, csl, "-o", out, "--as-of", "2026-11-27"]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/wrote .*graph\.json/);
    const parsed = GraphFile.safeParse(JSON.parse(readFileSync(out, "utf8")));
    expect(parsed.success).toBe(true);
  });

  it.each([
    [["build", "--format", "svg"], /--format wants one of/],
    [["build", "--resolution=0"], /--resolution wants a positive number/],
    [["related"], /give a paper id or title words/],
    [["related", "x", "--top", "0", "--graph", "g.json"], /--top wants a positive integer/],
    [["related", "dataset", "condensation"], /no such input 'condensation'/],
  ])("usage error for %j", async (argv, message) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it("related --json gives the paper and ranked related papers with reasons", async () => {
    const graph = GraphFile.parse(JSON.parse(readFileSync(out, "utf8")));
    const paper = graph.nodes.find((n) =>
      graph.edges.some((e) => e.attributes.type === "similar" && e.source === n.key),
    );
    if (!paper) throw new Error("no paper with a similar edge");
    const r = await run(["related", paper.key, "--graph", out, "--json", "--top", "2"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.paper.node).toBe(paper.key);
    expect(json.related.length).toBeGreaterThan(0);
    expect(json.related.length).toBeLessThanOrEqual(2);
    expect(json.related[0].reasons[0]).toHaveProperty("share");
    const human = await run(["related", paper.key, "--graph", out]);
    expect(human.out).toMatch(/because: shared /);
  });

  it("collaborators and clusters answer from --graph", async () => {
    const graph = GraphFile.parse(JSON.parse(readFileSync(out, "utf8")));
    const edge = graph.edges.find((e) => e.attributes.type === "coauthor");
    if (!edge) throw new Error("no coauthor edge");
    const r = await run(["collaborators", edge.source, "--graph", out, "--json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.author.node).toBe(edge.source);
    expect(json.collaborators.map((c: { node: string }) => c.node)).toContain(edge.target);
    const c = await run(["clusters", "--graph", out, "--json"]);
    // the stored cards, each with its per-year counts added (checked in export-records.test.ts)
    const cards = (JSON.parse(c.out).communities as Record<string, unknown>[]).map(
      ({ perYear: _p, undated: _u, ...card }) => card,
    );
    expect(cards).toEqual(graph.meta.communities);
  });

  it("a broken graph file fails with exit 1 naming it", async () => {
    const r = await run(["clusters", "--graph", bib]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(bib);
  });
});
