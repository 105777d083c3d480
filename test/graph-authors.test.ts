import { describe, expect, it } from "vitest";
import { givenCompatible, resolveAuthors } from "../src/graph/authors.ts";
import { makeAuthor } from "../src/ingest/names.ts";
import type { Author } from "../src/ingest/types.ts";

const author = (name: string): Author => {
  const a = makeAuthor(name);
  if (!a) throw new Error(`not a name: ${name}`);
  return a;
};

/** Papers as lists of names → the groups of names that became one author (sorted). */
function groups(papers: string[][]): string[][] {
  const id = resolveAuthors(papers.map((p) => p.map(author)));
  return [...id.roots.values()].map((r) => r.variants).sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

describe("author identity", () => {
  const table: { name: string; papers: string[][]; expected: string[][] }[] = [
    {
      name: "full name, initial and inverted form are one author",
      papers: [["Lei Clifton"], ["L. Clifton"], ["Clifton, Lei"]],
      expected: [["L. Clifton", "Lei Clifton"]],
    },
    {
      name: "two full given names with the same initial stay apart; the initial stays alone",
      papers: [["Lei Clifton"], ["Lucy Clifton"], ["L. Clifton"]],
      expected: [["L. Clifton"], ["Lei Clifton"], ["Lucy Clifton"]],
    },
    {
      name: "a full first name never joins a root that adds a full given token",
      papers: [["Lei Clifton"], ["L. Kumar Clifton"], ["Anna Clifton"]],
      expected: [["Anna Clifton"], ["L. Kumar Clifton"], ["Lei Clifton"]],
    },
    {
      name: "an initial with a full middle name does not chain full names together",
      papers: [["H. Howie Huang"], ["Hao Huang"], ["Hui Huang"]],
      expected: [["H. Howie Huang"], ["Hao Huang"], ["Hui Huang"]],
    },
    {
      name: "a name joins an identity only when it fits every member, not just one",
      papers: [["Jing K. Wang"], ["Jing Wang"], ["J. L. Wang"]],
      expected: [["J. L. Wang"], ["Jing K. Wang", "Jing Wang"]],
    },
    {
      name: "an initial joins the one compatible fuller name among many with that surname",
      papers: [["J. Wang"], ["Jing Wang"], ["Li Wang"], ["Wei Wang"], ["Min Wang"]],
      expected: [["J. Wang", "Jing Wang"], ["Li Wang"], ["Min Wang"], ["Wei Wang"]],
    },
    {
      // ACL/COLING paperlists: Philip Yu and Philip S. Yu both wrote with Hao Peng
      name: "a name fitting several joins the only one it shares a co-author with",
      papers: [
        ["Zhongfen Deng", "Hao Peng", "Philip Yu"],
        ["Diandian Guo", "Hao Peng", "Philip S. Yu"],
        ["Jiahui Gao", "Philip L. H. Yu"],
      ],
      expected: [
        ["Diandian Guo"],
        ["Hao Peng"],
        ["Jiahui Gao"],
        ["Philip L. H. Yu"],
        ["Philip S. Yu", "Philip Yu"],
        ["Zhongfen Deng"],
      ],
    },
    {
      name: "a name fitting several, with no co-author in common, stays alone",
      papers: [["Philip Yu"], ["Philip S. Yu"], ["Philip L. H. Yu"]],
      expected: [["Philip L. H. Yu"], ["Philip S. Yu"], ["Philip Yu"]],
    },
    {
      // ACL/COLING paperlists write him all three ways
      name: "a family written with an umlaut, transliterated or stripped is one family",
      papers: [["Hinrich Schütze"], ["Hinrich Schuetze"], ["Hinrich Schutze"]],
      expected: [["Hinrich Schuetze", "Hinrich Schutze", "Hinrich Schütze"]],
    },
    {
      name: "…only with the same given name",
      papers: [["Hinrich Schütze"], ["Anna Schuetze"]],
      expected: [["Anna Schuetze"], ["Hinrich Schütze"]],
    },
    {
      name: "…and only when some record wrote the umlaut",
      papers: [["Thomas Mueller"], ["Thomas Muller"]],
      expected: [["Thomas Mueller"], ["Thomas Muller"]],
    },
    {
      name: "no merge on the surname alone",
      papers: [["David Clifton"], ["Lei Clifton"]],
      expected: [["David Clifton"], ["Lei Clifton"]],
    },
    {
      name: "a bare surname stays apart",
      papers: [["Clifton"], ["Lei Clifton"]],
      expected: [["Clifton"], ["Lei Clifton"]],
    },
    {
      name: "initials of two given names",
      papers: [["V. K. Chauhan"], ["Vinod Kumar Chauhan"]],
      expected: [["V. K. Chauhan", "Vinod Kumar Chauhan"]],
    },
    {
      name: "a contradicting middle initial stays apart",
      papers: [["V. J. Chauhan"], ["Vinod Kumar Chauhan"]],
      expected: [["V. J. Chauhan"], ["Vinod Kumar Chauhan"]],
    },
    {
      name: "two variants on one paper are two people",
      papers: [["L. Clifton", "Lei Clifton"]],
      expected: [["L. Clifton"], ["Lei Clifton"]],
    },
    {
      name: "hyphenated and joined given names stay apart by default",
      papers: [["Hong-Jian Zhou"], ["Hongjian Zhou"], ["Hongjian Zhou"]],
      expected: [["Hong-Jian Zhou"], ["Hongjian Zhou"]],
    },
    {
      name: "PubMed style without a comma",
      papers: [["Clifton DA"], ["David A. Clifton"]],
      expected: [["Clifton DA", "David A. Clifton"]],
    },
    {
      name: "middle initial added to a full name",
      papers: [["David Clifton"], ["David A. Clifton"]],
      expected: [["David A. Clifton", "David Clifton"]],
    },
  ];
  it.each(table)("$name", ({ papers, expected }) => {
    expect(groups(papers)).toEqual(expected);
  });

  it("labels the merged author with its most frequent written form", () => {
    const id = resolveAuthors([
      [author("L. Clifton")],
      [author("Lei Clifton")],
      [author("Lei Clifton")],
    ]);
    expect(id.rootOf.get("clifton|l")).toBe("clifton|lei");
    expect(id.roots.get("clifton|lei")?.label).toBe("Lei Clifton");
  });

  it.each([
    [["l"], ["lei"], true],
    [["alan"], ["alan", "w"], true],
    [["xiang"], ["xiang", "lisa"], false],
    [["min"], ["min", "ling"], false],
    [["h", "howie"], ["hao"], false],
    [["v", "k"], ["vinod", "kumar"], true],
    [["v", "j"], ["vinod", "kumar"], false],
    [["lei"], ["lucy"], false],
    [[], ["lei"], false],
  ])("givenCompatible(%j, %j) = %s", (a, b, expected) => {
    expect(givenCompatible(a, b)).toBe(expected);
  });
});
