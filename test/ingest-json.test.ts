import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseText } from "../src/ingest/index.ts";
import { locateValues, parseJson } from "../src/ingest/json.ts";
import { stripTags } from "../src/ingest/markup.ts";
import { reader as csl, cslAuthor, cslDate } from "../src/ingest/readers/csl.ts";
import {
  reader as paperlists,
  splitAuthors,
  venueFromFileName,
} from "../src/ingest/readers/paperlists.ts";
import { collectPapers, reader as s2 } from "../src/ingest/readers/semanticscholar.ts";
import type { PaperRecord } from "../src/ingest/types.ts";

const DIR = "test/fixtures/ingest-a";
const read = (name: string) =>
  readFileSync(new URL(`./fixtures/ingest-a/${name}`, import.meta.url), "utf8");
const OPTS = { asOf: new Date("2026-11-26T00:00:00Z") };
const byEntry = (papers: PaperRecord[], entry: string) =>
  papers.find((p) => p.sources.some((s) => s.entry === entry));

describe("CSL-JSON (deep-review slice)", () => {
  const text = read("deep-review-slice.json");
  const items = JSON.parse(text) as Record<string, unknown>[];
  const r = parseText(text, `${DIR}/deep-review-slice.json`, OPTS);

  it("is detected as CSL and accounts for every item", () => {
    expect(r.papers.every((p) => p.sources[0]?.format === "csl")).toBe(true);
    expect(r.papers.length + r.rejected.length).toBe(items.length);
  });

  it("rejects the item with no title, with its entry key and line", () => {
    expect(r.rejected).toHaveLength(1);
    const bad = r.rejected[0];
    expect(bad?.entry).toBe("SqhJCztH");
    const lines = text.split("\n");
    expect(lines[(bad?.line ?? 0) - 1]?.trim()).toBe("{");
    expect(lines[bad?.line ?? 0]).toContain("blogs.nature.com");
    expect(bad?.reason).toMatch(/^ingest\/csl: .*no title/);
  });

  it.each([
    // entry, field, expected
    ["3qm8sXnB", "arxivId", "1106.5730"],
    ["3qm8sXnB", "date", { iso: "2011-11-14", precision: "day" }],
    ["3qm8sXnB", "venue", "arXiv"],
    ["ir7ElHha", "date", { iso: "2016-11-22", precision: "day" }],
    ["ir7ElHha", "doi", "10.1093/bib/bbw110"],
    ["9SnNyc8Y", "date", null],
    ["jV2YerUS", "date", { iso: "2016-12", precision: "month" }],
    ["T2lbgFlY", "date", { iso: "2017", precision: "year" }],
  ])("%s has %s", (entry, field, want) => {
    expect(byEntry(r.papers, entry)?.[field as keyof PaperRecord]).toEqual(want);
  });

  it("reads {family, given}, {literal}, particles and family-only names", () => {
    const names = (e: string) => byEntry(r.papers, e)?.authors.map((a) => a.name);
    expect(names("3qm8sXnB")).toEqual([
      "Feng Niu",
      "Benjamin Recht",
      "Christopher Re",
      "Stephen J. Wright",
    ]);
    expect(names("U0ySdznJ")).toContain("Blaise Aguera y Arcas");
    expect(names("jV2YerUS")?.[0]).toBe("Xu Min");
    const literal = items.find((i) => i.id === "7yE9K08a")?.author as Record<string, string>[];
    expect(names("7yE9K08a")).toEqual(literal.map((a) => a.literal ?? `${a.given} ${a.family}`));
  });

  it("keeps abstracts as plain text, with the links from URL", () => {
    const p = byEntry(r.papers, "3qm8sXnB");
    expect(p?.abstract.startsWith("Stochastic Gradient Descent (SGD) is a popular")).toBe(true);
    expect(p?.links).toEqual(["https://arxiv.org/abs/1106.5730"]);
  });

  it.each([
    [{ "date-parts": [[2019, 3, 7]] }, { iso: "2019-03-07", precision: "day" }],
    [{ "date-parts": [["2014"]] }, { iso: "2014", precision: "year" }],
    [{ raw: "2020-05" }, { iso: "2020-05", precision: "month" }],
    [{ literal: "Spring 1998" }, { iso: "1998", precision: "year" }],
    [undefined, null],
  ])("issued %j → %j", (issued, want) => {
    expect(cslDate(issued)).toEqual({ ok: true, date: want });
  });

  it.each([
    [{ "date-parts": [[2019, 13]] }],
    [{ "date-parts": [[2019, 2, 30]] }],
    [{ raw: "soon" }],
  ])("issued %j is unparseable and the item is rejected", (issued) => {
    expect(cslDate(issued).ok).toBe(false);
    const text = JSON.stringify([
      { id: "a", type: "book", title: "T", issued },
      { id: "b", type: "book", title: "U", issued: { "date-parts": [[2001]] } },
    ]);
    const out = csl.parse(text, "x.json", OPTS);
    expect(out.papers.map((p) => p.title)).toEqual(["U"]);
    expect(out.rejected[0]).toMatchObject({ entry: "a", line: 1 });
    expect(out.rejected[0]?.reason).toMatch(/unparseable issued date/);
  });

  it.each([
    [
      { family: "Maaten", given: "Laurens", "dropping-particle": "van der" },
      "Laurens van der Maaten",
      "van-der-maaten|laurens",
    ],
    [
      { literal: "World Health Organization" },
      "World Health Organization",
      "organization|world-health",
    ],
    [{ family: "NIH" }, "NIH", "nih|"],
  ])("name %j", (input, name, key) => {
    expect(cslAuthor(input)).toMatchObject({ name, key });
  });

  it.each([
    [
      "<jats:p>Deep <jats:italic>learning</jats:italic> works.</jats:p><jats:p>Really.</jats:p>",
      "Deep learning works. Really.",
    ],
    ["A &amp; B &lt; C &#233;t&#xE9;", "A & B < C été"],
    ["x < y and y > z", "x < y and y > z"],
  ])("strips markup from %s", (input, want) => {
    expect(stripTags(input)).toBe(want);
  });
});

describe("Semantic Scholar Graph API JSON", () => {
  const paperText = read("s2-paper-slice.json");
  const authorText = read("s2-author-slice.json");
  const paper = JSON.parse(paperText);
  const author = JSON.parse(authorText);

  it("makes a record of the main paper, each citation and each reference", () => {
    const r = s2.parse(paperText, "p.json", OPTS);
    const want = 1 + paper.citations.length + paper.references.length;
    expect(r.papers.length + r.rejected.length).toBe(want);
    expect(r.rejected).toEqual([]);
    const main = byEntry(r.papers, paper.paperId);
    expect(main).toMatchObject({
      title: "Computing Machinery and Intelligence",
      doi: "10.1093/mind/lix.236.433",
      date: { iso: "1950-10-01", precision: "day" },
      venue: "The Philosophy of Artificial Intelligence",
    });
    expect(main?.authors.map((a) => a.name)).toEqual(["A. Turing"]);
  });

  it("reads arXiv ids, year-only dates and references without a paperId", () => {
    const r = s2.parse(paperText, "p.json", OPTS);
    const withArxiv = paper.citations.find(
      (c: { externalIds: { ArXiv?: string } }) => c.externalIds?.ArXiv,
    );
    expect(byEntry(r.papers, withArxiv.paperId)?.arxivId).toBe(withArxiv.externalIds.ArXiv);
    const orphan = r.papers.find((p) => p.title === "London Math. Soc");
    expect(orphan?.sources[0]?.entry).toBe("/references/2");
    expect(orphan?.date).toEqual({ iso: "1937", precision: "year" });
  });

  it("makes a record of each of an author's papers", () => {
    const r = s2.parse(authorText, "a.json", OPTS);
    expect(r.papers.length).toBe(author.papers.length);
    const undated = author.papers.find((p: { year: number | null }) => p.year === null);
    expect(byEntry(r.papers, undated.paperId)?.date).toBeNull();
  });

  it("walks the wrapped /citations shape and search responses", () => {
    const wrapped = {
      data: [
        { citingPaper: { paperId: "x1", title: "A" } },
        { citedPaper: { paperId: "x2", title: "B" } },
      ],
    };
    expect(collectPapers(wrapped).map((p) => p.ptr)).toEqual([
      "/data/0/citingPaper",
      "/data/1/citedPaper",
    ]);
    const r = s2.parse(
      JSON.stringify([
        { paperId: "y", title: null },
        { paperId: "z", title: "Z", year: "twenty" },
      ]),
      "b.json",
      OPTS,
    );
    expect(r.papers).toEqual([]);
    expect(r.rejected.map((x) => [x.entry, /no title|unparseable date/.test(x.reason)])).toEqual([
      ["y", true],
      ["z", true],
    ]);
  });

  it.each([
    ["CSL", false, read("deep-review-slice.json")],
    ["paperlists", false, read("acl2021.json")],
    ["S2 paper", true, paperText],
    ["S2 author", true, authorText],
  ])("detect on %s is %s", (_n, want, text) => {
    expect(s2.detect(text, "x.json")).toBe(want);
  });
});

describe("paperlists JSON arrays", () => {
  it.each([
    ["acl2021.json", 3, "ACL 2021", "2021"],
    ["aistats2025.json", 2, "AISTATS 2025", "2025"],
    ["coling2020.json", 2, "COLING 2020", "2020"],
  ])("%s: %i papers, venue %s, year %s", (name, count, venue, year) => {
    const text = read(name);
    const items = JSON.parse(text) as { title: string; author: string; id: string }[];
    const r = parseText(text, `${DIR}/${name}`, OPTS);
    expect(r.rejected).toEqual([]);
    expect(r.papers).toHaveLength(count);
    for (const item of items) {
      const p = byEntry(r.papers, item.id);
      expect(p?.sources[0]?.format).toBe("paperlists");
      expect(p?.venue).toBe(venue);
      expect(p?.date?.iso).toBe(year);
      const names = item.author
        .split(";")
        .map((s) => s.trim())
        .filter(Boolean);
      expect(p?.authors.map((a) => a.name)).toEqual(names);
      const line = text.split("\n")[(p?.sources[0]?.line ?? 0) - 1];
      expect(line?.trim()).toBe("{");
    }
  });

  it("keeps track/status as tags and github as code link", () => {
    const r = paperlists.parse(read("acl2021.json"), "acl2021.json", OPTS);
    const withCode = r.papers.filter((p) => p.hasCode);
    expect(withCode.length).toBeGreaterThan(0);
    for (const p of withCode) expect(p.links.some((l) => l.includes("github.com"))).toBe(true);
    expect(r.papers[0]?.tags).toEqual(["main", "long"]);
  });

  it.each([
    ["acl2021.json", { venue: "ACL 2021", year: 2021 }],
    ["dir/iclr_2024.json", { venue: "ICLR 2024", year: 2024 }],
    ["papers.json", { venue: null, year: null }],
  ])("venue from file name %s", (file, want) => {
    expect(venueFromFileName(file)).toEqual(want);
  });

  it.each([
    ["Anna Rogers; Isabelle Augenstein;", ["Anna Rogers", "Isabelle Augenstein"]],
    ["Sanjeeb Dash;Joao Goncalves", ["Sanjeeb Dash", "Joao Goncalves"]],
    ["Ann Lee and Bo Ray", ["Ann Lee", "Bo Ray"]],
    ["Lee, Ann", ["Lee, Ann"]],
  ])("author string %j", (raw, want) => {
    expect(splitAuthors(raw)).toEqual(want);
  });

  it("rejects items without a title by index and line", () => {
    const text = '[\n  {"title": "A", "author": "B C"},\n  {"title": "", "author": "D E"}\n]';
    const r = paperlists.parse(text, "x.json", OPTS);
    expect(r.papers).toHaveLength(1);
    expect(r.rejected[0]).toMatchObject({ entry: "#1", line: 3 });
  });
});

describe("JSON helpers", () => {
  it("locates nested objects by pointer", () => {
    const text = '{\n "a": [\n  {"x": "}"},\n  {\n   "b\\"c": {}\n  }\n ]\n}';
    const at = locateValues(text);
    expect(Object.fromEntries(at)).toEqual({ "": 1, "/a": 2, "/a/0": 3, "/a/1": 4, '/a/1/b"c': 5 });
  });

  it.each([
    [0, { "": 1 }],
    [1, { "": 1, "/a": 2 }],
    [2, { "": 1, "/a": 2, "/a/0": 3, "/a/1": 4 }],
  ])("stops recording below maxDepth %d, with the same lines above it", (depth, want) => {
    const text = '{\n "a": [\n  {"x": "}"},\n  {\n   "b\\"c": {"d\\n": []}\n  }\n ]\n}';
    expect(Object.fromEntries(locateValues(text, depth))).toEqual(want);
    const all = locateValues(text);
    for (const [ptr, line] of Object.entries(want)) expect(all.get(ptr)).toBe(line);
  });

  it.each([
    ['[\n{"a": 1},\n{"a": 2\n', 4],
    ['{\n  "a": tru\n}', 2],
  ])("reports the line of a syntax error", (text, line) => {
    const r = parseJson(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.line).toBe(line);
  });
});
