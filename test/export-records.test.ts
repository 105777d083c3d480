// `litgraph clusters --community N --format …` and `related … --format …` write papers that
// litgraph's own readers read back to the same papers: id, title, authors, year, venue, DOI,
// arXiv id and abstract, for every format, on the seed listing and on a PMLR BibTeX slice.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { RECORD_FILES, RECORD_FORMATS } from "../src/export/records/index.ts";
import type { SerializedGraph } from "../src/graph/schema.ts";
import { loadGraph } from "../src/graph/serialize.ts";
import { parseText } from "../src/ingest/index.ts";
import { runPipeline } from "../src/pipeline.ts";
import { CLI } from "./cli-bin.ts";
import { tempDirs } from "./temp-dirs.ts";

const temp = tempDirs("records");
const asOf = new Date("2026-06-01T00:00:00Z");
const CORPORA = {
  seed: ["seeds"],
  pmlr: ["test/fixtures/ingest-b/chil2023-slice.bib", "test/fixtures/ingest-b/ml4h24-slice.bib"],
};

const cli = (args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`litgraph ${args.join(" ")}: ${r.stderr}`);
  return r.stdout;
};

const squash = (s: string) => s.replace(/\s+/g, " ").trim();
/**
 * BibTeX is LaTeX: "--" reads back as an en dash, a literal "\\textit{x}" in an abstract as
 * "textitx", "10⁻⁸" as "10−8". Its abstracts are compared by their letters and digits.
 */
const letters = (s: string) => s.normalize("NFKC").replace(/[^\p{L}\p{Nd}]+/gu, "");

/** What "the same paper" means: these fields of a graph's paper node. */
function fromNode(a: Record<string, unknown>) {
  return {
    id: a.paperId,
    title: a.title,
    authors: a.authors,
    year: a.year,
    venue: a.venue,
    doi: a.doi,
    arxivId: a.arxivId,
    abstract: squash(a.abstract as string),
  };
}

function readBack(text: string, file: string, expected: ReturnType<typeof fromNode>[]) {
  const { papers, rejected } = parseText(text, file, { asOf });
  expect(rejected).toEqual([]);
  if (file.endsWith(".bib"))
    for (const p of papers) {
      const want = expected.find((e) => e.id === p.id);
      if (want && letters(want.abstract) === letters(p.abstract)) p.abstract = want.abstract;
    }
  return papers.map((p) => ({
    id: p.id,
    title: p.title,
    authors: p.authors.map((x) => x.name),
    year: p.date ? Number(p.date.iso.slice(0, 4)) : null,
    venue: p.venue,
    doi: p.doi,
    arxivId: p.arxivId,
    abstract: squash(p.abstract),
  }));
}

describe.each(Object.entries(CORPORA))("records round trip: %s", (_name, inputs) => {
  let file = "";
  let graph: SerializedGraph;
  beforeAll(async () => {
    const { serialized } = await runPipeline(inputs, { asOf, threads: 1 });
    graph = serialized as SerializedGraph;
    file = join(temp(), "graph.json");
    writeFileSync(file, JSON.stringify(serialized));
  }, 60_000);

  it.each(RECORD_FORMATS)("clusters --community N --format %s reads back", (format) => {
    const papers = graph.nodes.filter((n) => n.attributes.type === "paper");
    const ids = [...new Set(papers.map((p) => p.attributes.community))].filter((c) => c >= 0);
    expect(ids.length).toBeGreaterThan(1);
    let total = 0;
    for (const c of ids) {
      const out = cli(["clusters", "--graph", file, "--community", String(c), "--format", format]);
      const expected = papers
        .filter((p) => p.attributes.community === c)
        .map((p) => fromNode(p.attributes));
      const got = readBack(out, `c${c}.${RECORD_FILES[format].ext}`, expected);
      const byId = (x: { id: unknown }, y: { id: unknown }) =>
        String(x.id).localeCompare(String(y.id));
      expect(got.sort(byId)).toEqual(expected.sort(byId));
      total += got.length;
    }
    expect(total).toBe(papers.filter((p) => p.attributes.community >= 0).length);
  });

  it("clusters --json counts each community's papers per year", () => {
    const json = JSON.parse(cli(["clusters", "--graph", file, "--json"]));
    const papers = graph.nodes.filter((n) => n.attributes.type === "paper");
    for (const c of json.communities as {
      id: number;
      size: number;
      perYear: { year: number; count: number }[];
      undated: number;
    }[]) {
      const years = papers
        .filter((p) => p.attributes.community === c.id)
        .map((p) => (p.attributes.type === "paper" ? p.attributes.year : null));
      const want = [...new Set(years.filter((y): y is number => y !== null))]
        .sort((a, b) => a - b)
        .map((year) => ({ year, count: years.filter((y) => y === year).length }));
      expect(c.perYear).toEqual(want);
      expect(c.undated).toBe(years.filter((y) => y === null).length);
      expect(c.perYear.reduce((n, y) => n + y.count, c.undated)).toBe(c.size);
    }
  });

  it("related … --format writes the related papers in rank order", () => {
    const { graph: g } = loadGraph(graph, "test");
    const paper = graph.nodes.find((n) => n.attributes.type === "paper")?.key as string;
    const json = JSON.parse(cli(["related", paper, "--graph", file, "--json", "--top", "5"]));
    const listed = (json.related as { node: string }[]).map((r) => r.node);
    for (const format of RECORD_FORMATS) {
      const out = cli(["related", paper, "--graph", file, "--top", "5", "--format", format]);
      const expected = listed.map((n) => fromNode(g.getNodeAttributes(n)));
      const got = readBack(out, `r.${RECORD_FILES[format].ext}`, expected);
      expect(got.map((p) => `paper:${p.id}`)).toEqual(listed);
      expect(got).toEqual(expected);
    }
  });
});

describe("record options", () => {
  it("--format without --community is a usage error (exit 2)", () => {
    const r = spawnSync(process.execPath, [CLI, "clusters", "--format", "ris"], {
      encoding: "utf8",
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--community");
  });
});
