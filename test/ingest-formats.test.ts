// Five bibliographic readers (BibTeX, RIS, Scopus CSV, arXiv Atom, arXiv OAI-PMH) on small real
// slices of the corpora (test/fixtures/ingest-b/ORIGIN.md), plus broken/variant inputs built here.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { reader as atom } from "../src/ingest/readers/atom.ts";
import { reader as bibtex } from "../src/ingest/readers/bibtex/index.ts";
import { reader as oaipmh } from "../src/ingest/readers/oaipmh.ts";
import { reader as ris } from "../src/ingest/readers/ris.ts";
import { reader as scopus } from "../src/ingest/readers/scopus/index.ts";
import {
  type FormatReader,
  type PaperRecord,
  PaperRecord as PaperRecordSchema,
  type ParseResult,
  Rejected as RejectedSchema,
} from "../src/ingest/types.ts";

const DIR = join(import.meta.dirname, "fixtures", "ingest-b");
const read = (name: string) => readFileSync(join(DIR, name), "utf8");
const OPTS = { asOf: new Date("2026-01-01T00:00:00Z") };
const parse = (r: FormatReader, text: string, file = "f") => r.parse(text, file, OPTS);

/** 1-based line of the first occurrence of `needle` in `text` (any line ending). */
function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`test: "${needle}" not in fixture`);
  return text.slice(0, at).split(/\r\n|\r|\n/).length;
}

const byEntry = (res: ParseResult, entry: string): PaperRecord => {
  const p = res.papers.find((x) => x.sources.some((s) => s.entry === entry));
  if (!p) throw new Error(`test: no paper from entry ${entry}`);
  return p;
};

interface Expect {
  entry?: string;
  index?: number;
  title: string;
  firstAuthorKey: string | null;
  date: string | null;
  doi?: string | null;
  arxivId?: string | null;
  lineNeedle: string;
}

interface Case {
  name: string;
  reader: FormatReader;
  fixture: string;
  papers: number;
  withAbstract: number;
  samples: Expect[];
}

const CASES: Case[] = [
  {
    name: "bibtex CHIL 2023",
    reader: bibtex,
    fixture: "chil2023-slice.bib",
    papers: 8,
    withAbstract: 8,
    samples: [
      {
        entry: "Wu23a",
        title: "Token Imbalance Adaptation for Radiology Report Generation",
        firstAuthorKey: "wu|yuexin",
        date: "2023",
        lineNeedle: "@InProceedings{Wu23a",
      },
      {
        entry: "Lehman23",
        title: "Do We Still Need Clinical Language Models?",
        firstAuthorKey: "lehman|eric",
        date: "2023",
        lineNeedle: "@InProceedings{Lehman23",
      },
    ],
  },
  {
    name: "bibtex ML4H 2024",
    reader: bibtex,
    fixture: "ml4h24-slice.bib",
    papers: 7,
    withAbstract: 5,
    samples: [
      {
        entry: "zhou24",
        title: "Machine Learning for Health (ML4H) 2024",
        firstAuthorKey: "zhou|helen",
        date: "2024",
        lineNeedle: "@InProceedings{zhou24",
      },
    ],
  },
  {
    name: "ris IEEE Xplore",
    reader: ris,
    fixture: "ieee-exascale-slice.ris",
    papers: 3,
    withAbstract: 3,
    samples: [
      {
        index: 0,
        title: "The European Approach to the Exascale Challenge",
        firstAuthorKey: "kalbe|g",
        date: "2019-01",
        doi: "10.1109/mcse.2018.2884139",
        lineNeedle: "TY  - JOUR",
      },
      {
        index: 1,
        title: "Reference Exascale Architecture",
        firstAuthorKey: "bobak|m",
        date: "2019-09-24",
        doi: "10.1109/escience.2019.00063",
        lineNeedle: "TY  - CONF",
      },
    ],
  },
  {
    name: "scopus CSV",
    reader: scopus,
    fixture: "scopus-slice.csv",
    papers: 5,
    withAbstract: 4,
    samples: [
      {
        entry: "2-s2.0-85123480963",
        title:
          "Petri nets and ODEs as complementary methods for comprehensive analysis on an example of the ATM–p53–NF- κ B signaling pathways",
        firstAuthorKey: "gutowska|k",
        date: "2022",
        doi: "10.1038/s41598-022-04849-0",
        lineNeedle: '"Gutowska K.',
      },
      {
        index: 3,
        title: "A logic computational framework to query dynamics on complex biological pathways",
        firstAuthorKey: "santos-garcia|g",
        date: "2014",
        lineNeedle: '"Santos-García G.',
      },
      {
        index: 1,
        title:
          "11th International Conference on Bioinformatics and Computational Biology, BICOB 2019",
        firstAuthorKey: null,
        date: "2019",
        lineNeedle: "[No author name available]",
      },
    ],
  },
  {
    name: "atom 2026 layout",
    reader: atom,
    fixture: "atom-2026-slice.xml",
    papers: 3,
    withAbstract: 3,
    samples: [
      {
        entry: "2202.12139",
        title:
          "Testing Deep Learning Models: A First Comparative Study of Multiple Testing Techniques",
        firstAuthorKey: "ahuja|mohit-kumar",
        date: "2022-02-24",
        doi: "10.1109/icstw55395.2022.00035",
        arxivId: "2202.12139",
        lineNeedle: "<id>http://arxiv.org/abs/2202.12139v1",
      },
      {
        entry: "2405.13786",
        title: "Towards Explainable Test Case Prioritisation with Learning-to-Rank Models",
        firstAuthorKey: "ramirez|aurora",
        date: "2024-05-22",
        arxivId: "2405.13786",
        lineNeedle: "<id>http://arxiv.org/abs/2405.13786v1",
      },
    ],
  },
  {
    name: "atom 2016 layout",
    reader: atom,
    fixture: "atom-legacy-1111.2011v2.xml",
    papers: 1,
    withAbstract: 1,
    samples: [
      {
        entry: "1111.2011",
        title:
          "Quantum Criticality for Extended Nodes on a Bethe Lattice in the Large Connectivity Limit",
        firstAuthorKey: "murray|james-m",
        date: "2011-11-08",
        doi: "10.1103/physrevb.85.115117",
        arxivId: "1111.2011",
        lineNeedle: "<id>http://arxiv.org/abs/1111.2011v2",
      },
    ],
  },
  {
    name: "oai-pmh ListRecords",
    reader: oaipmh,
    fixture: "oai-pmh-slice.xml",
    papers: 3,
    withAbstract: 3,
    samples: [
      {
        entry: "oai:arXiv.org:0806.4410",
        title: "Summing the curious series of Kempner and Irwin",
        firstAuthorKey: "baillie|robert",
        date: "2008-06-27",
        arxivId: "0806.4410",
        lineNeedle: "<identifier>oai:arXiv.org:0806.4410",
      },
    ],
  },
];

describe("ingest readers on real slices", () => {
  it.each(CASES)("$name: record count, abstracts, schema", (c) => {
    const res = parse(c.reader, read(c.fixture), c.fixture);
    expect(res.rejected).toEqual([]);
    expect(res.papers).toHaveLength(c.papers);
    expect(res.papers.filter((p) => p.abstract !== "")).toHaveLength(c.withAbstract);
    for (const p of res.papers) expect(PaperRecordSchema.safeParse(p).success).toBe(true);
    for (const p of res.papers) expect(p.sources[0]?.format).toBe(c.reader.format);
  });

  const samples = CASES.flatMap((c) =>
    c.samples.map((s) => ({ ...s, c, label: `${c.name}: ${s.title.slice(0, 40)}` })),
  );
  it.each(samples)("$label", (s) => {
    const text = read(s.c.fixture);
    const res = parse(s.c.reader, text, s.c.fixture);
    const p = s.entry ? byEntry(res, s.entry) : res.papers[s.index ?? 0];
    expect(p).toBeDefined();
    if (!p) return;
    expect(p.title).toBe(s.title);
    expect(p.authors[0]?.key ?? null).toBe(s.firstAuthorKey);
    expect(p.date?.iso ?? null).toBe(s.date);
    if (s.doi !== undefined) expect(p.doi).toBe(s.doi);
    if (s.arxivId !== undefined) expect(p.arxivId).toBe(s.arxivId);
    const line = lineOf(text, s.lineNeedle);
    // The XML readers point at the record's opening tag, a few lines above the needle.
    const src = p.sources[0]?.line ?? 0;
    expect(src).toBeGreaterThan(0);
    expect(src).toBeLessThanOrEqual(line);
    expect(line - src).toBeLessThan(4);
  });

  it("each reader detects its own fixtures and no other fixture", () => {
    const readers = [oaipmh, atom, bibtex, ris, scopus];
    for (const c of CASES) {
      const text = read(c.fixture);
      const claimed = readers.filter((r) => r.detect(text, c.fixture)).map((r) => r.format);
      expect(claimed, c.fixture).toEqual([c.reader.format]);
    }
  });
});

describe("bibtex specifics", () => {
  const text = read("chil2023-slice.bib");
  const res = parse(bibtex, text);

  it("inherits year and venue from the file's single @Proceedings and does not count it", () => {
    expect(res.papers.every((p) => p.date?.iso === "2023")).toBe(true);
    expect(
      res.papers.every(
        (p) => p.venue === "Proceedings of the Conference on Health, Inference, and Learning",
      ),
    ).toBe(true);
    expect(res.papers.some((p) => p.sources[0]?.entry === "CHIL-2023")).toBe(false);
  });

  it.each([
    ["Wu23a", 1, "huang|i-chan"], // "Huang, I-Chan," (comma before "and")
    ["Lehman23", 0, "lehman|eric"], // "Lehman< eric" (typo for a comma)
    ["Hardy23", 0, "hardy|hardy"], // "First Last" order
    ["Merrill23b", 2, "kolbeinsson|arinbjorn"], // Arinbj\"orn
  ])("author repair in %s: author %i is %s", (entry, i, key) => {
    expect(byEntry(res, entry).authors[i]?.key).toBe(key);
  });

  it.each([
    ["Merrill23b", "authors", 'Arinbj\\"orn', "Arinbjörn Kolbeinsson"],
    ["Jin23", "title", "$\\beta$-VAE", "Weakly Supervised β-VAE"],
    ["Vodrahalli23", "abstract", "$2.37\\times10^{-8}$", "p=2.37×10⁻⁸"],
    ["Gao23", "title", "\\underline{S}ensor", "using Sensor Relation Dual Autoencoder"],
  ])("LaTeX in %s %s (%s) reads as %s", (entry, field, latex, readable) => {
    expect(text).toContain(latex);
    const p = byEntry(res, entry);
    const value =
      field === "authors" ? p.authors.map((a) => a.name).join("; ") : String(p[field as "title"]);
    expect(value).toContain(readable);
    // Gao23's title starts with the undefined macro \ours, kept as written (next test).
    expect(value.replace(/^\\ours: /, "")).not.toMatch(/[\\{}$]/);
  });

  it("keeps an undefined macro at the start of a title as written, not as a word", () => {
    expect(text).toContain("title = {\\ours: Mobile Sensing");
    expect(byEntry(res, "Gao23").title).toBe(
      "\\ours: Mobile Sensing based Fluid Overload Detection for End Stage Kidney Disease Patients using Sensor Relation Dual Autoencoder",
    );
  });

  it.each([
    ["$\\ell_1$ penalties", "ℓ₁ penalties"],
    ["{\\'e}t{\\'e} -- summer", "été – summer"],
    ["\\textit{in vivo} and \\emph{in vitro}", "in vivo and in vitro"],
    ["see\\footnote{\\href{https://x.org/a}{https://x.org/a}}", "see (https://x.org/a)"],
  ])("title %s → %s", (latex, readable) => {
    const r = parse(bibtex, `@article{k, title = {${latex}}, year = {2020}}`);
    expect(r.papers[0]?.title).toBe(readable);
  });

  it.each([
    // CHIL2023 Tang23: a missing comma in a "Last, First" list
    [
      "Tang, Siyi and Dunnmon, Jared A and Qu Liangqiong and Saab, Khaled K",
      ["tang|siyi", "dunnmon|jared-a", "qu|liangqiong", "saab|khaled-k"],
    ],
    ["Smith, John and Doe, Jane and", ["smith|john", "doe|jane"]], // trailing "and"
    ["and Ada Lovelace and and Alan Turing", ["lovelace|ada", "turing|alan"]],
    ["Hardy Hardy and Derek Ruths", ["hardy|hardy", "ruths|derek"]], // "First Last": untouched
  ])("name list %s", (list, keys) => {
    const r = parse(bibtex, `@misc{k, title = {T}, author = {${list}}, year = {2020}}`);
    expect(r.papers[0]?.authors.map((a) => a.key)).toEqual(keys);
  });

  it("crossref inheritance beats the single-proceedings fallback", () => {
    const r = parse(
      bibtex,
      "@inproceedings{p, title={Child}, crossref={c1}}\n@proceedings{c1, title={Proc A}, year={2018}}\n@proceedings{c2, title={Proc B}, year={2017}}\n",
    );
    expect(r.papers).toHaveLength(1);
    expect(r.papers[0]?.date?.iso).toBe("2018");
    expect(r.papers[0]?.venue).toBe("Proc A");
  });

  it("a broken entry is rejected with its line while the rest load", () => {
    // Manoel23 loses its title's closing brace; Hardy23 loses a "=" (a syntax error).
    const broken = text
      .replace("Medical Transcript Analysis},", "Medical Transcript Analysis,")
      .replace("title = {Who Controlled", "title {Who Controlled");
    const r = parse(bibtex, broken, "broken.bib");
    expect(r.papers).toHaveLength(6);
    expect(r.rejected.map((x) => [x.entry, x.line])).toEqual([
      ["Manoel23", lineOf(broken, "@InProceedings{Manoel23")],
      ["Hardy23", lineOf(broken, "@InProceedings{Hardy23")],
    ]);
    for (const x of r.rejected) expect(x.file).toBe("broken.bib");
  });

  it("keeps software links as code, and the year in ML4H from its @Proceedings", () => {
    const ml = parse(bibtex, read("ml4h24-slice.bib"));
    const p = byEntry(ml, "azher24");
    expect(p.hasCode).toBe(true);
    expect(p.links).toContain("https://github.com/zarif101/3D_ST_Inference_ML4H2024");
    expect(ml.papers.every((x) => x.date?.iso === "2024")).toBe(true);
  });
});

describe("ris specifics", () => {
  const raw = read("ieee-exascale-slice.ris");
  const lines = raw.split(/\r\n|\r|\n/);
  const summary = (r: ParseResult) =>
    r.papers.map((p) => [p.title, p.date?.iso, p.authors.map((a) => a.key), p.sources[0]?.line]);

  it("the fixture really mixes line endings", () => {
    expect(raw).toContain("\r\n");
    expect(raw).toMatch(/\r(?!\n)/);
    expect(raw).toMatch(/(?<!\r)\n/);
  });

  it.each([
    ["LF", "\n"],
    ["CRLF", "\r\n"],
    ["CR", "\r"],
  ])("reads the same records with %s line endings", (_name, eol) => {
    const expected = summary(parse(ris, raw));
    expect(expected).toHaveLength(3);
    expect(summary(parse(ris, lines.join(eol)))).toEqual(expected);
  });

  it("drops a repeated author and keeps keywords as tags", () => {
    const p = parse(ris, raw).papers[0];
    expect(raw.match(/AU {2}- G\. Kalbe/g)).toHaveLength(2);
    expect(p?.authors.map((a) => a.key)).toEqual(["kalbe|g"]);
    expect(p?.tags).toContain("Exascale computing");
    expect(p?.venue).toBe("Computing in Science & Engineering");
  });

  it("a record cut off before ER is rejected with its TY line", () => {
    const cut = raw.slice(0, raw.lastIndexOf("ER  -"));
    const r = parse(ris, cut, "cut.ris");
    expect(r.papers).toHaveLength(2);
    expect(r.rejected).toEqual([
      {
        file: "cut.ris",
        line: lineOf(cut, cut.slice(cut.lastIndexOf("TY  -"), cut.lastIndexOf("TY  -") + 40)),
        entry: undefined,
        format: "ris",
        reason: "record has no ER line",
      },
    ]);
  });
});

describe("scopus specifics", () => {
  const raw = read("scopus-slice.csv");

  it("reads the same with and without the BOM", () => {
    expect(raw.charCodeAt(0)).toBe(0xfeff);
    const a = parse(scopus, raw);
    const b = parse(scopus, raw.slice(1));
    expect(b).toEqual(a);
    expect(a.papers[0]?.title.startsWith("\uFEFF")).toBe(false);
  });

  it("keeps the abstract of a multi-line quoted record, the link and the venue", () => {
    const res = parse(scopus, raw);
    const p = byEntry(res, "2-s2.0-85123480963");
    expect(p.abstract.startsWith("Intracellular processes are cascades")).toBe(true);
    expect(p.links[0]).toMatch(/^https:\/\/www\.scopus\.com\/.*eid=2-s2\.0-85123480963/);
    expect(p.venue).toBe("Scientific Reports");
    // The next record starts two lines below (the quoted field spans a line break).
    expect(res.papers[1]?.sources[0]?.line).toBe((p.sources[0]?.line ?? 0) + 2);
  });

  it("splits Author Keywords into tags", () => {
    const p = byEntry(parse(scopus, raw), "2-s2.0-84921798921");
    expect(p.tags).toContain("Pathway Logic");
    expect(p.tags).toContain("Petri net");
    expect(p.tags.every((t) => t === t.trim() && t !== "")).toBe(true);
  });

  it("a row with a quote that never closes is rejected with its line; the rest load", () => {
    const rows = raw.split("\n");
    rows.splice(3, 0, '"Broken A., "unclosed,"Title"');
    const broken = rows.join("\n");
    const r = parse(scopus, broken, "b.csv");
    expect(r.papers).toHaveLength(5);
    expect(r.rejected).toHaveLength(1);
    expect(r.rejected[0]?.line).toBe(lineOf(broken, '"Broken A.'));
  });
});

describe("atom specifics", () => {
  const legacy = read("atom-legacy-1111.2011v2.xml");

  it("reads the same entry when the Atom namespace is declared with a prefix", () => {
    const prefixed = legacy
      .replace('xmlns="http://www.w3.org/2005/Atom"', 'xmlns:a="http://www.w3.org/2005/Atom"')
      .replace(
        /<(\/?)(feed|entry|id|updated|published|title|summary|author|name|link|category)\b/g,
        "<$1a:$2",
      );
    expect(prefixed).toContain("<a:entry>");
    const a = parse(atom, legacy);
    const b = parse(atom, prefixed);
    expect(b.papers.map((p) => ({ ...p, sources: [] }))).toEqual(
      a.papers.map((p) => ({ ...p, sources: [] })),
    );
    expect(atom.detect(prefixed, "x.xml")).toBe(true);
  });

  it("keeps abs and pdf links, primary category, journal ref", () => {
    const p = parse(atom, legacy).papers[0];
    expect(p?.links).toEqual([
      "http://arxiv.org/abs/1111.2011v2",
      "http://arxiv.org/pdf/1111.2011v2",
    ]);
    expect(p?.category).toBe("cond-mat.str-el");
    expect(p?.venue).toBe("Phys. Rev. B 85, 115117 (2012)");
    expect(p?.authors.map((a) => a.name)).toEqual([
      "James M. Murray",
      "Adrian Del Maestro",
      "Zlatko Tesanovic",
    ]);
  });

  it("an arXiv API error entry is rejected with its message, not read as a paper", () => {
    const text = legacy
      .replace(
        "<id>http://arxiv.org/abs/1111.2011v2</id>",
        "<id>http://arxiv.org/api/errors#incorrect_id_format</id>",
      )
      .replace(/<summary>[\s\S]*?<\/summary>/, "<summary>incorrect id format for 1111.x</summary>");
    const r = parse(atom, text, "e.xml");
    expect(r.papers).toEqual([]);
    expect(r.rejected).toEqual([
      {
        file: "e.xml",
        line: lineOf(text, "<entry>"),
        format: "atom",
        reason: "arXiv API error: incorrect id format for 1111.x",
      },
    ]);
  });

  it("a truncated feed rejects the cut entry with its line and keeps the others", () => {
    const text = read("atom-2026-slice.xml");
    const third = text.lastIndexOf("<entry>");
    const cut = text.slice(0, third + 200);
    const r = parse(atom, cut, "cut.xml");
    expect(r.papers).toHaveLength(2);
    expect(r.rejected.map((x) => x.line)).toEqual([lineOf(text, text.slice(third, third + 60))]);
  });
});

describe("oai-pmh specifics", () => {
  const text = read("oai-pmh-slice.xml");

  it("takes the earliest date, the first description as abstract, subjects as tags", () => {
    const p = parse(oaipmh, text).papers[0];
    expect(text).toContain("<dc:date>2023-03-04</dc:date>");
    expect(p?.date).toEqual({ iso: "2008-06-27", precision: "day" });
    expect(p?.abstract.startsWith("In 1914, Kempner proved")).toBe(true);
    expect(p?.abstract).not.toContain("Comment:");
    expect(p?.tags).toContain("Mathematics - Number Theory");
  });

  it("a deleted record is reported as rejected, not read", () => {
    const deleted =
      '<record><header status="deleted"><identifier>oai:arXiv.org:1234.56789</identifier>' +
      "<datestamp>2023-03-07</datestamp></header></record>\n\t\t";
    const withDeleted = text.replace("<record>", `${deleted}<record>`);
    const r = parse(oaipmh, withDeleted, "d.xml");
    expect(r.papers).toHaveLength(3);
    expect(r.rejected).toEqual([
      {
        file: "d.xml",
        line: lineOf(withDeleted, '<header status="deleted">'),
        entry: "oai:arXiv.org:1234.56789",
        format: "oaipmh",
        reason: "deleted in the repository",
      },
    ]);
  });
});

describe("readers never throw and locate every reject", () => {
  const pairs: [FormatReader, string][] = CASES.map((c) => [c.reader, read(c.fixture)]);
  it.each(pairs.map(([r, t], i) => ({ r, t, name: `${r.format} #${i}` })))("$name", ({ r, t }) => {
    fc.assert(
      fc.property(
        fc.nat(t.length),
        fc.nat(t.length),
        fc.string({ unit: "binary", maxLength: 40 }),
        (a, b, junk) => {
          const variant = t.slice(0, Math.min(a, b)) + junk + t.slice(Math.max(a, b));
          const res = r.parse(variant, "fuzz", OPTS);
          for (const p of res.papers) expect(PaperRecordSchema.safeParse(p).success).toBe(true);
          for (const x of res.rejected) {
            expect(RejectedSchema.safeParse(x).success).toBe(true);
            expect(x.line !== undefined || x.entry !== undefined).toBe(true);
          }
        },
      ),
      { numRuns: 40, seed: 7 },
    );
  });
});
