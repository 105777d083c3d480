import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseText } from "../src/ingest/index.ts";
import { parseHeader, reader } from "../src/ingest/readers/seed/index.ts";
import { nameScore, splitTitleAuthors } from "../src/ingest/readers/seed/split.ts";

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);
const SEED = readFileSync(fixture("ingest-a/seed-000.txt"), "utf8");
const GOLD = JSON.parse(readFileSync(fixture("seed-gold.json"), "utf8")) as {
  papers: {
    title: string;
    authors: string[];
    authorsTruncated: boolean;
    date: string;
    category: string;
    hasCode: boolean;
    score: number | null;
    tags: string[];
    links: string[];
  }[];
};
const AS_OF = { asOf: new Date("2026-11-26T00:00:00Z") };

describe("seed listing against the gold", () => {
  const result = parseText(SEED, "seeds/seed.txt", AS_OF);

  it("reads all 14 entries and rejects none", () => {
    expect(result.rejected).toEqual([]);
    expect(result.papers.map((p) => p.title)).toEqual(GOLD.papers.map((g) => g.title));
  });

  it.each(GOLD.papers.map((g, i) => [i, g.title.slice(0, 50), g] as const))(
    "entry %i (%s) matches the gold",
    (i, _t, g) => {
      const p = result.papers[i];
      expect(p).toBeDefined();
      if (!p) return;
      expect({
        title: p.title,
        authors: p.authors.map((a) => a.name),
        authorsTruncated: p.authorsTruncated,
        date: p.date?.iso,
        category: p.category,
        hasCode: p.hasCode,
        score: p.score,
        tags: p.tags,
        links: p.links,
      }).toEqual({
        title: g.title,
        authors: g.authors,
        authorsTruncated: g.authorsTruncated,
        date: g.date,
        category: g.category,
        hasCode: g.hasCode,
        score: g.score,
        tags: g.tags,
        links: g.links,
      });
    },
  );

  it("locates each record on its header line", () => {
    const lines = SEED.split("\n");
    for (const p of result.papers) {
      const line = p.sources[0]?.line ?? 0;
      expect(parseHeader(lines[line - 1] ?? "", AS_OF.asOf)).not.toBeNull();
      expect(lines[line]?.startsWith(p.title)).toBe(true);
    }
  });

  it("gives yearless dates the year of asOf", () => {
    const other = parseText(SEED, "s.txt", { asOf: new Date("2031-01-02T00:00:00Z") });
    const yearless = other.papers.filter((p) => p.score !== null).map((p) => p.date?.iso);
    expect(yearless).toEqual(["2031-03-10", "2031-05-16", "2031-04-23"]);
  });
});

describe("title/author split", () => {
  it.each([
    // [line 2, title, authors, truncated, tags]
    [
      "Deep Learning for NLPJohn Smith, Jane Doe",
      "Deep Learning for NLP",
      ["John Smith", "Jane Doe"],
      false,
      [],
    ],
    ["A Survey of LLMsAnna Karenina et al.", "A Survey of LLMs", ["Anna Karenina"], true, []],
    ["Benchmarking ECGJ. Smith, K. Lee", "Benchmarking ECG", ["J. Smith", "K. Lee"], false, []],
    [
      "RiskAgent: A CopilotFenglin Liu · oxford",
      "RiskAgent: A Copilot",
      ["Fenglin Liu"],
      false,
      ["oxford"],
    ],
    [
      "Causal Inference in HealthcareMihaela van der Schaar, Ahmed Alaa et al. · oxford · cam",
      "Causal Inference in Healthcare",
      ["Mihaela van der Schaar", "Ahmed Alaa"],
      true,
      ["oxford", "cam"],
    ],
    [
      "Fairness AuditsJohn McDonald, Jean-Pierre Dupont",
      "Fairness Audits",
      ["John McDonald", "Jean-Pierre Dupont"],
      false,
      [],
    ],
    ["Why Trust Models?Mary O'Brien", "Why Trust Models?", ["Mary O'Brien"], false, []],
    ["GPT-4Omid Rohanian", "GPT-4", ["Omid Rohanian"], false, []],
    [
      "Scaling HyperNetworks for ClinicBenchLi-Ming Zhan and Xiao-Ming Wu",
      "Scaling HyperNetworks for ClinicBench",
      ["Li-Ming Zhan", "Xiao-Ming Wu"],
      false,
      [],
    ],
    [
      "CE-SSL: Semi-Supervised ECGRushuang Zhou, Lei Clifton",
      "CE-SSL: Semi-Supervised ECG",
      ["Rushuang Zhou", "Lei Clifton"],
      false,
      [],
    ],
    [
      "Graph Models (GNNs)Achille Salaün, Martin Luther King Jr.",
      "Graph Models (GNNs)",
      ["Achille Salaün", "Martin Luther King Jr."],
      false,
      [],
    ],
    [
      "Deep LearningYann LeCun, Geoffrey Hinton",
      "Deep Learning",
      ["Yann LeCun", "Geoffrey Hinton"],
      false,
      [],
    ],
    ["Analysis of ReportsMcKenzie Smith", "Analysis of Reports", ["McKenzie Smith"], false, []],
    [
      "Visiting RomeDiCaprio Rossi, Ann Lee",
      "Visiting Rome",
      ["DiCaprio Rossi", "Ann Lee"],
      false,
      [],
    ],
    ["Repairing the Apple MacJohn Smith", "Repairing the Apple Mac", ["John Smith"], false, []],
  ])("%s", (line, title, authors, truncated, tags) => {
    expect(splitTitleAuthors(line)).toEqual({ title, authors, truncated, tags });
  });

  it.each([
    ["no author list at all", "A title with no capitals glued"],
    ["only camel case inside the title", "Using DeepMind Models for ECGs in practice"],
    ["empty", ""],
  ])("returns null: %s", (_why, line) => {
    expect(splitTitleAuthors(line)).toBeNull();
  });

  it.each([
    ["Vinod Kumar Chauhan", 0],
    ["Mihaela van der Schaar", 0],
    ["J.-P. Sartre", 0],
    ["Xiao GU", -1],
    ["Aristotle", -2],
    ["B", null],
    ["B.", null],
    ["Autonomous Medical AI Copilot for", null],
    ["Prediction2 Smith", null],
  ])("name score of %s is %s", (name, score) => {
    expect(nameScore(name)).toBe(score);
  });
});

describe("seed header and malformed entries", () => {
  it.each([
    ["CLFeb 9, 2023Code", { score: null, category: "CL", iso: "2023-02-09", hasCode: true }],
    ["42.0LGMar 10", { score: 42, category: "LG", iso: "2026-03-10", hasCode: false }],
    ["65.4 LG May 16 Code", { score: 65.4, category: "LG", iso: "2026-05-16", hasCode: true }],
    ["QMSeptember 2021", { score: null, category: "QM", iso: "2021-09", hasCode: false }],
  ])("header %s", (line, want) => {
    const h = parseHeader(line, AS_OF.asOf);
    expect(
      h && { score: h.score, category: h.category, iso: h.date?.iso, hasCode: h.hasCode },
    ).toEqual(want);
  });

  const good = SEED.split("\n").slice(0, 3).join("\n");
  it.each([
    ["an impossible date", "LGFeb 30, 2024\nSome TitleAnn Lee\nAbstract.", 1, /unparseable date/],
    ["a missing abstract", "LGFeb 3, 2024\nSome TitleAnn Lee\n", 1, /no abstract/],
    ["a header with nothing after it", "LGFeb 3, 2024\n", 1, /no title/],
    ["no author list", "LGFeb 3, 2024\nsome title without authors\nAbstract.", 2, /title ends/],
    ["stray text", "just some words\nand more words\n", 1, /expected a listing header/],
  ])("rejects %s with its line and still loads the rest", (_why, bad, line, reason) => {
    const text = `${good}\n\n${bad.replace(/\n/g, "  \n")}\n\n${good}\n`;
    const r = reader.parse(text, "x.txt", AS_OF);
    expect(r.papers).toHaveLength(2);
    expect(r.rejected).toHaveLength(1);
    expect(r.rejected[0]?.line).toBe(line + 4);
    expect(r.rejected[0]?.reason).toMatch(reason);
  });

  it("reads an abstract wrapped onto several lines as one abstract", () => {
    const [head, body, abstract] = SEED.split("\n");
    const text = `${head}\n${body}\n${abstract}\nA second paragraph.  \nAnd a third.\n${good}\n`;
    const r = reader.parse(text, "x.txt", AS_OF);
    expect(r.rejected).toEqual([]);
    // (the record builder folds the line breaks into spaces, as it does any run of whitespace)
    const plain = reader.parse(good, "x.txt", AS_OF).papers[0]?.abstract;
    expect(r.papers.map((p) => p.abstract)).toEqual([
      `${plain} A second paragraph. And a third.`,
      plain,
    ]);
  });

  it("tolerates CRLF, blank lines and trailing spaces", () => {
    const messy = `\r\n\r\n${SEED.replace(/\n/g, "   \r\n\r\n")}`;
    const r = reader.parse(messy, "x.txt", AS_OF);
    expect(r.rejected).toEqual([]);
    expect(r.papers.map((p) => p.title)).toEqual(GOLD.papers.map((g) => g.title));
  });

  it.each([
    ["BibTeX", "@article{x, title={A}}"],
    ["RIS", "TY  - JOUR\nTI  - A\nER  - \n"],
    ["CSV", "Authors,Title,Year\nA,B,2020\n"],
    ["JSON", '[{"title": "A", "author": "B"}]'],
    ["prose", "Feb 9, 2023 was a Thursday."],
  ])("does not claim %s", (_name, text) => {
    expect(reader.detect(text, "x.txt")).toBe(false);
  });

  it("claims the seed listing", () => {
    expect(reader.detect(SEED, "anything.dat")).toBe(true);
  });
});
