// --authors FILE (thesaurus) and --max-coauthors N on the real name pairs of
// test/fixtures/identity (see ORIGIN.md there).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { main } from "../src/cli/index.ts";
import { parseThesaurus, ThesaurusError } from "../src/graph/thesaurus.ts";

const input = "test/fixtures/identity/paperlists-names.json";
const thesaurus = "test/fixtures/identity/authors-thesaurus.csv";
const bad = "test/fixtures/identity/authors-thesaurus-bad.csv";
const dir = mkdtempSync(join(tmpdir(), "litgraph-authors-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[]): Promise<{ code: number; err: string }> {
  let err = "";
  const o = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  const e = vi.spyOn(process.stderr, "write").mockImplementation((s) => {
    err += String(s);
    return true;
  });
  try {
    return { code: await main(argv), err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

interface Graph {
  nodes: { key: string; attributes: { type: string; label: string } }[];
  edges: { attributes: { type: string; papers?: string[] } }[];
}

async function build(name: string, ...extra: string[]): Promise<Graph> {
  const out = join(dir, `${name}.json`);
  const r = await run(["build", input, "-o", out, "--no-cache", "--as-of", "2026-01-01", ...extra]);
  expect(r.code).toBe(0);
  return JSON.parse(readFileSync(out, "utf8"));
}

const authorLabels = (g: Graph) =>
  g.nodes.filter((n) => n.attributes.type === "author").map((n) => n.attributes.label);

describe("--authors thesaurus", () => {
  it("merges and splits the names it lists", async () => {
    const plain = authorLabels(await build("plain"));
    expect(plain).toContain("Haitao Zheng");
    expect(plain).toContain("Hai-Tao Zheng");
    expect(plain).not.toContain("Alan Black");
    const edited = authorLabels(await build("thesaurus", "--authors", thesaurus));
    expect(edited.filter((l) => /Zheng$/.test(l) && /Hai/.test(l))).toEqual(["Hai-Tao Zheng"]);
    expect(edited).toContain("Alan Black");
    expect(edited).toContain("Alan W Black");
    expect(edited.length).toBe(plain.length);
  });

  it("a bad row is an error naming the file and line (exit 1)", async () => {
    const r = await run(["build", input, "-o", join(dir, "bad.json"), "--authors", bad]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${bad}:3`);
  });

  it.each([
    ["name,author\nLei Clifton,\nLei Clifton,x\n", 3],
    ["who,what\n", 1],
    ["name,author\n123,x\n", 2],
  ])("parseThesaurus(%j) throws at line %i", (text, line) => {
    let caught: unknown;
    try {
      parseThesaurus(text, "t.csv");
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ThesaurusError);
    expect((caught as ThesaurusError).line).toBe(line);
  });

  it("reads VOSviewer's tab-separated header", () => {
    expect(parseThesaurus("label\treplace by\nL. Clifton\tLei Clifton\n", "v.txt")).toEqual([
      { name: "L. Clifton", author: "Lei Clifton" },
    ]);
  });
});

describe("--max-coauthors", () => {
  it("papers with more authors make no co-author edges but keep their authors", async () => {
    const all = await build("all");
    const few = await build("few", "--max-coauthors", "5");
    const coauthor = (g: Graph) => g.edges.filter((e) => e.attributes.type === "coauthor");
    const authored = (g: Graph) => g.edges.filter((e) => e.attributes.type === "authored");
    expect(coauthor(few).length).toBeLessThan(coauthor(all).length);
    expect(coauthor(few).length).toBeGreaterThan(0);
    expect(authored(few).length).toBe(authored(all).length);
  });

  it.each([
    ["collaborators", "Min Zhang", "--graph", "g.json", "--authors", thesaurus],
    ["site", "-o", "site-out", "--graph", "g.json", "--max-coauthors", "5"],
  ])("%s with --graph and an author option is a usage error (exit 2)", async (...argv) => {
    expect((await run(argv)).code).toBe(2);
  });

  it.each(["0", "2.5", "x"])("--max-coauthors %s is a usage error (exit 2)", async (v) => {
    expect((await run(["build", input, "--max-coauthors", v])).code).toBe(2);
  });
});
