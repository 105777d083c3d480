// Identifiers beat names (issue 15): the readers keep S2 and Scopus author ids, and two
// different ids of one kind are two people whatever their names.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { idsClash } from "../src/graph/author-ids.ts";
import { resolveAuthors, slotKey } from "../src/graph/authors.ts";
import { parseText } from "../src/ingest/index.ts";
import { makeAuthor } from "../src/ingest/names.ts";
import type { Author, AuthorIds } from "../src/ingest/types.ts";

const read = (file: string) =>
  parseText(readFileSync(file, "utf8"), file, { asOf: new Date("2026-01-01") });

const author = (name: string, ids?: AuthorIds): Author => {
  const a = makeAuthor(name);
  if (!a) throw new Error(`not a name: ${name}`);
  return ids ? { ...a, ids } : a;
};

/** Papers of authors → the groups of slot keys that became one author, and the node keys. */
function resolve(papers: Author[][]): { groups: string[][]; nodes: string[] } {
  const id = resolveAuthors(papers);
  const byRoot = new Map<string, string[]>();
  for (const a of papers.flat()) {
    const r = id.rootOf.get(slotKey(a)) as string;
    const list = byRoot.get(r) ?? [];
    if (!list.includes(slotKey(a))) list.push(slotKey(a));
    byRoot.set(r, list);
  }
  return {
    groups: [...byRoot.values()].map((g) => g.sort()).sort((a, b) => (a[0] < b[0] ? -1 : 1)),
    nodes: [...id.roots.keys()],
  };
}

describe("author ids in the readers", () => {
  it("Semantic Scholar authors keep their authorId", () => {
    const r = read("test/fixtures/ingest-a/s2-author-slice.json");
    const turing = r.papers.flatMap((p) => p.authors).filter((a) => a.name === "A. Turing");
    expect(turing.length).toBeGreaterThan(1);
    for (const a of turing) expect(a.ids).toEqual({ s2: "2262347" });
  });

  it("Scopus authors keep their id from the Author(s) ID column", () => {
    const r = read("test/fixtures/ingest-b/scopus-slice.csv");
    const first = r.papers[0].authors;
    expect(first[0].name).toBe("K. Gutowska");
    expect(first[0].ids).toEqual({ scopus: "57204582693" });
    expect(r.papers.flatMap((p) => p.authors).every((a) => /^\d+$/.test(a.ids?.scopus ?? ""))).toBe(
      true,
    );
  });
});

describe("ids decide identity", () => {
  const table: { name: string; papers: Author[][]; groups: string[][]; nodes?: string[] }[] = [
    {
      name: "one name, two S2 ids: two people (the seven Yang Lius of the ACL lists)",
      papers: [[author("Yang Liu", { s2: "1" })], [author("Yang Liu", { s2: "2" })]],
      groups: [["liu|yang#s2:1"], ["liu|yang#s2:2"]],
      nodes: ["liu|yang#s2:1", "liu|yang#s2:2"],
    },
    {
      name: "one S2 id, two written names: one person, keyed by its name",
      papers: [
        [author("A. Turing", { s2: "2262347" })],
        [author("Alan Turing", { s2: "2262347" })],
      ],
      groups: [["turing|a#s2:2262347", "turing|alan#s2:2262347"]],
      nodes: ["turing|alan"],
    },
    {
      name: "different ids block a name merge",
      papers: [[author("L. Clifton", { s2: "1" })], [author("Lei Clifton", { s2: "2" })]],
      groups: [["clifton|l#s2:1"], ["clifton|lei#s2:2"]],
    },
    {
      name: "a name without an id joins the one id-bearing author of that name",
      papers: [[author("Yang Liu", { s2: "1" })], [author("Yang Liu")]],
      groups: [["liu|yang", "liu|yang#s2:1"]],
      nodes: ["liu|yang"],
    },
    {
      name: "a name without an id stays alone when two ids bear it",
      papers: [
        [author("Yang Liu", { s2: "1" })],
        [author("Yang Liu", { s2: "2" })],
        [author("Yang Liu")],
      ],
      groups: [["liu|yang"], ["liu|yang#s2:1"], ["liu|yang#s2:2"]],
    },
    {
      name: "ids of different kinds do not clash: names decide",
      papers: [
        [author("Lei Clifton", { orcid: "0000-0002-1825-0097" })],
        [author("L. Clifton", { scopus: "7" })],
      ],
      groups: [["clifton|l#scopus:7", "clifton|lei#orcid:0000-0002-1825-0097"]],
    },
  ];
  it.each(table)("$name", ({ papers, groups, nodes }) => {
    const r = resolve(papers);
    expect(r.groups).toEqual(groups);
    if (nodes) expect(r.nodes).toEqual(nodes);
  });

  it.each([
    [["s2:1"], ["s2:2"], true],
    [["s2:1"], ["s2:1", "orcid:x"], false],
    [["s2:1"], ["orcid:x"], false],
    [[], ["s2:2"], false],
  ])("idsClash(%j, %j) = %s", (a, b, expected) => {
    expect(idsClash(new Set(a), new Set(b))).toBe(expected);
  });
});
