// The seed gold (test/fixtures/seed-related.json, a copy of shared/gold/seed-related.json):
// groups share a community, related papers within k, collaborators included; on a built graph
// and on a loaded one.
import { readFileSync } from "node:fs";
import type Graph from "graphology";
import { beforeAll, describe, expect, it } from "vitest";
import {
  buildGraph,
  collaborators,
  findPaper,
  loadGraph,
  type Queried,
  related,
} from "../src/graph/index.ts";
import { runPipeline } from "../src/pipeline.ts";
import { seedExtracted } from "./seed-extracted.ts";

interface Gold {
  groups: Record<string, string[]>;
  related: { paper: string; k: number; top: string[] }[];
  collaborators: { author: string; includes: string[] }[];
}
const gold: Gold = JSON.parse(
  readFileSync(new URL("./fixtures/seed-related.json", import.meta.url), "utf8"),
);

function nodeByTitle(graph: Graph, title: string): string {
  const found = graph.filterNodes((_, a) => a.type === "paper" && a.title === title);
  if (found.length !== 1) throw new Error(`${found.length} papers titled '${title}'`);
  return found[0];
}

function checkGold(name: string, load: () => Promise<Queried>) {
  describe(name, () => {
    let rel: Queried;
    let graph: Graph;
    beforeAll(async () => {
      rel = await load();
      graph = rel.graph;
    }, 60_000);

    it.each(Object.entries(gold.groups))("group '%s' shares one community", (_, titles) => {
      const communities = titles.map((t) =>
        graph.getNodeAttribute(nodeByTitle(graph, t), "community"),
      );
      expect(communities[0]).toBeGreaterThanOrEqual(0);
      expect(new Set(communities).size).toBe(1);
    });

    it("no two groups share a community", () => {
      const first = Object.values(gold.groups).map((titles) =>
        graph.getNodeAttribute(nodeByTitle(graph, titles[0]), "community"),
      );
      expect(new Set(first).size).toBe(first.length);
    });

    it.each(gold.related)("related to '$paper' within $k", ({ paper, k, top }) => {
      const got = related(rel, nodeByTitle(graph, paper), k).map((r) => r.title);
      for (const t of top) expect(got).toContain(t);
    });

    it.each(gold.collaborators)("collaborators of $author", ({ author, includes }) => {
      const names = collaborators(rel, author).map((c) => c.name);
      for (const n of includes) expect(names).toContain(n);
    });

    it("finds each gold paper by its title words", () => {
      for (const { paper } of gold.related)
        expect(findPaper(graph, paper)).toBe(nodeByTitle(graph, paper));
    });
  });
}

checkGold("seed gold on the hand-made extraction (test/fixtures/graph)", async () => {
  return buildGraph(seedExtracted());
});

checkGold("seed gold on the real pipeline (seeds/)", async () => {
  const { serialized } = await runPipeline(["seeds"], { asOf: new Date("2026-11-27T00:00:00Z") });
  return loadGraph(serialized);
});
