// The readers of the sources researchers export (OpenAlex, Crossref, PubMed XML, MEDLINE, Web
// of Science), on real slices in test/fixtures/sources (ORIGIN.md names each).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ingestTexts, type PaperRecord, type ParseResult, parseText } from "../src/ingest/index.ts";
import { invertedAbstract } from "../src/ingest/readers/openalex.ts";
import { wosRecords } from "../src/ingest/readers/wos.ts";
import { parseCrLine, parseUnstructured } from "../src/ingest/references.ts";

const DIR = join(import.meta.dirname, "fixtures", "sources");
const read = (name: string) => readFileSync(join(DIR, name), "utf8");
const opts = { asOf: new Date("2026-12-01T00:00:00Z") };
const parseFile = (name: string): ParseResult => parseText(read(name), name, opts);
const byEntry = (r: ParseResult, entry: string): PaperRecord => {
  const p = r.papers.find((x) => x.sources.some((s) => s.entry === entry));
  if (!p) throw new Error(`no paper ${entry}`);
  return p;
};

describe("each fixture is detected by content and read whole", () => {
  it.each([
    // file, format, papers, papers with references
    ["results_page_1.json", "openalex", 2, 2],
    ["W2741809807.json", "openalex", 1, 1],
    ["openalex-slice.json", "openalex", 5, 4],
    ["test_random_dois.json", "crossref", 10, 6],
    ["test_works_with_one_id.json", "crossref", 1, 1],
    ["pubmed-slice.xml", "pubmed", 3, 1],
    ["pmid-31588070.xml", "pubmed", 1, 1],
    ["pmid-38048813.xml", "pubmed", 1, 0],
    ["pmid-38962805.xml", "pubmed", 1, 0],
    ["pmid-37909814.xml", "pubmed", 0, 0],
    ["medline-slice.medline", "medline", 3, 0],
    ["pubmed_result2.txt", "medline", 4, 0],
    ["wos-slice.isi", "wos", 9, 9],
    ["WoS_other_reference_software_r4001-4012.txt", "wos", 12, 0],
  ])("%s → %s, %i papers (%i with references), nothing rejected", (file, format, n, withRefs) => {
    const r = parseFile(file);
    expect(r.rejected).toEqual([]);
    expect(r.papers).toHaveLength(n);
    for (const p of r.papers) expect(p.sources[0]?.format).toBe(format);
    expect(r.papers.filter((p) => p.references?.length).length).toBe(withRefs);
    // text from the files is data: no tags survive in titles or abstracts
    for (const p of r.papers) expect(`${p.title} ${p.abstract}`).not.toMatch(/<\/?[a-z:]+[ >]/i);
  });

  it("the empty PubMed set is no records and no error, and the summary still adds up", () => {
    const res = ingestTexts(
      ["pmid-37909814.xml", "pmid-31588070.xml"].map((f) => ({ file: f, text: read(f) })),
      opts,
    );
    expect(res.rejected).toEqual([]);
    expect(res.summary).toEqual({ records: 1, read: 1, merged: 0, rejected: 0, papers: 1 });
  });
});

describe("OpenAlex", () => {
  const files = ["results_page_1.json", "W2741809807.json", "openalex-slice.json"];
  const works = files.flatMap((f) => {
    const json = JSON.parse(read(f)) as { results?: unknown[] };
    return (json.results ?? [json]) as {
      id: string;
      abstract_inverted_index: Record<string, number[]> | null;
      referenced_works: string[];
    }[];
  });

  it.each(works.map((w) => [w.id, w]))(
    "%s: the abstract is the inverted index's words in position order",
    (_id, w) => {
      const paper = files
        .flatMap((f) => parseFile(f).papers)
        .find((p) => p.ids?.openalex === w.id.split("/").pop());
      const index = w.abstract_inverted_index ?? {};
      const byPosition: string[] = [];
      for (const [word, at] of Object.entries(index)) for (const i of at) byPosition[i] = word;
      const words = byPosition.filter((x) => x !== undefined);
      // squash() joins the words with single spaces; words never hold spaces themselves
      expect(paper?.abstract.split(" ").filter(Boolean)).toEqual(
        words.join(" ").split(/\s+/).filter(Boolean),
      );
      expect(paper?.references?.map((r) => r.id) ?? []).toEqual(
        [...new Set(w.referenced_works)].map((u) => `openalex:${u.split("/").pop()}`),
      );
    },
  );

  it("rebuilds by position, not by key order", () => {
    expect(invertedAbstract({ b: [1, 3], a: [0], c: [2] })).toBe("a b c b");
    expect(invertedAbstract(null)).toBe("");
  });

  it("keeps ORCID, OpenAlex author ids, institutions, PMID and topics", () => {
    const p = parseFile("W2741809807.json").papers[0] as PaperRecord;
    expect(p.id).toBe("doi:10.7717/peerj.4375");
    expect(p.ids).toEqual({ openalex: "W2741809807", pmid: "29456894" });
    expect(p.authors[0]).toMatchObject({
      name: "Heather Piwowar",
      ids: { orcid: "0000-0003-1613-5981", openalex: "A5048491430" },
      affiliations: ["Impact Technology Development (United States)"],
    });
    expect(p.date).toEqual({ iso: "2018-02-13", precision: "day" });
    expect(p.tags.length).toBeGreaterThan(3);
  });

  it("rejects a work of the wrong shape with the file, line and work id, and reads the rest", () => {
    const text = read("results_page_1.json").replace('"title":', '"title":5,"x":');
    const r = parseText(text, "bad.json", opts);
    expect(r.papers).toHaveLength(1);
    expect(r.rejected).toHaveLength(1);
    expect(r.rejected[0]?.reason).toMatch(
      /^ingest\/openalex: bad\.json:1: work W\d+: unexpected shape \(title:/,
    );
  });

  it("rejects a truncated file with the line of the error", () => {
    const r = parseText(read("openalex-slice.json").slice(0, 5000), "cut.json", opts);
    expect(r.papers).toEqual([]);
    expect(r.rejected[0]?.reason).toMatch(/^ingest\/openalex: cut\.json:1: invalid JSON/);
  });
});

describe("Crossref", () => {
  const list = parseFile("test_random_dois.json");

  it("JATS abstracts and HTML titles become text; a lone 'Abstract' heading is dropped", () => {
    const p = list.papers.find((x) => x.title.includes("Brornostyrene")) as PaperRecord;
    expect(p.title).toBe(
      "The Cationic Copolymerization of Styrene and p-Brornostyrene in Liquid Sulfur Dioxide",
    );
    expect(p.abstract).toMatch(/^1\) The cationic copolymerization/);
  });

  it("dates come from date-parts; an item with date-parts [[null]] is read without a date", () => {
    const dates = list.papers.map((p) => p.date);
    expect(dates.filter((d) => d === null).length).toBeGreaterThanOrEqual(1);
    const one = parseFile("test_works_with_one_id.json").papers[0] as PaperRecord;
    expect(one.date).toEqual({ iso: "2012-03-21", precision: "day" });
  });

  it("references: by DOI, else by author/year/volume/page, else by the unstructured text", () => {
    const one = parseFile("test_works_with_one_id.json").papers[0] as PaperRecord;
    const refs = one.references ?? [];
    expect(refs.filter((r) => r.id.startsWith("doi:"))).toHaveLength(65);
    expect(refs[0]).toMatchObject({ id: "doi:10.1038/sj.npp.1301164" });
    const chapter = list.papers.find((p) => p.title.startsWith("Die Straße")) as PaperRecord;
    expect(chapter.references?.[0]).toMatchObject({
      id: "ref:altrichter|1997|ru-land-1917-ein-land-auf-der-suche-nach-sich-selbst",
      label:
        "Altrichter, Helmut (1997): Rußland 1917. Ein Land auf der Suche nach sich selbst. Paderborn u.a.: Schöningh",
    });
  });

  it("a work of the wrong shape is rejected alone, naming its DOI", () => {
    const json = JSON.parse(read("test_random_dois.json"));
    json.message.items[3].title = "not a list";
    const r = parseText(JSON.stringify(json), "bad.json", opts);
    expect(r.papers).toHaveLength(9);
    expect(r.rejected[0]?.reason).toMatch(
      /^ingest\/crossref: bad\.json:1: work 10\.\S+: unexpected shape \(title:/,
    );
  });
});

describe("PubMed XML", () => {
  it("structured abstracts keep their labels; references by PMID; MeSH as tags", () => {
    const p = parseFile("pmid-31588070.xml").papers[0] as PaperRecord;
    expect(p.ids).toEqual({ pmid: "31588070" });
    expect(p.doi).toBe("10.5761/atcs.ra.19-00158");
    expect(p.abstract).toMatch(/^PURPOSE: Acute pulmonary embolism .* METHODS: A PubMed search/);
    expect(p.references?.[0]).toMatchObject({ id: "pmid:30122189" });
    expect(p.references?.[0]?.label).toMatch(/^LeVarge B, Wright C/);
    expect(p.tags).toContain("Pulmonary Embolism");
    expect(p.authors[0]).toMatchObject({ family: "Martinez Licha", given: "Carlos R" });
  });

  it("<sup> and <i> inside text become their text", () => {
    const p = byEntry(parseFile("pubmed-slice.xml"), "30166347");
    expect(p.abstract).toContain("(Ser189)");
    expect(p.abstract).toContain("TXY");
  });

  it("a bracketed translated title loses its brackets; a correction without abstract is read", () => {
    expect(parseFile("pmid-38048813.xml").papers[0]?.title).toMatch(/^A Broader Scope/);
    const c = parseFile("pmid-38962805.xml").papers[0] as PaperRecord;
    expect([c.title, c.abstract]).toEqual(["Correction.", ""]);
  });

  it("a broken article is rejected with its line and PMID; the others load", () => {
    const text = read("pubmed-slice.xml").replace(
      "<ArticleTitle>A serine",
      "<ArticleTitle><Oops>A serine",
    );
    const r = parseText(text, "b.xml", opts);
    expect(r.papers).toHaveLength(2);
    expect(r.rejected).toMatchObject([{ entry: "30527807", line: 5 }]);
    expect(r.rejected[0]?.reason).toMatch(/^ingest\/pubmed: b\.xml:5: malformed XML at line \d+/);
  });
});

describe("MEDLINE text", () => {
  it("joins continuation lines and reads FAU names, DOI from LID, MeSH and keywords", () => {
    const r = parseFile("pubmed_result2.txt");
    const p = byEntry(r, "16403221");
    expect(p.abstract).toContain("often involves the construction of datasets of proteins");
    expect(p.authors.map((a) => a.name)).toEqual([
      "James A Casbon",
      "Gavin E Crooks",
      "Mansoor A S Saqi",
    ]);
    const q = byEntry(parseFile("medline-slice.medline"), "26524502");
    expect(q.doi).toBe("10.1016/j.gene.2015.10.064");
    expect(q.date).toEqual({ iso: "2016-01-15", precision: "day" });
  });
});

describe("Web of Science plain text", () => {
  const r = parseFile("wos-slice.isi");

  it("reads AF names with suffixes, the BOM'd header, UT, DOI, PMID and every CR line", () => {
    const p = byEntry(r, "WOS:000238878800002");
    expect(p.authors[0]).toMatchObject({ family: "Roach", given: "Mack" });
    expect(p.title).toMatch(
      /^Defining biochemical failure following radiotherapy with or without hormonal therapy/,
    );
    expect(p.ids).toEqual({ pmid: "16798415", wos: "WOS:000238878800002" });
    expect(p.references?.[0]).toEqual({
      id: "ref:cox|1997|v37|p1035",
      label: "Cox JD, 1997, INT J RADIAT ONCOL, V37, P1035",
    });
    const recs = wosRecords(read("wos-slice.isi"));
    const crLines = recs.reduce((n, x) => n + (x.tags.get("CR")?.length ?? 0), 0);
    const refs = r.papers.reduce((n, x) => n + (x.references?.length ?? 0), 0);
    // every CR line is a reference, less the lines that repeat a reference of the same paper
    const uniquePerPaper = recs.reduce(
      (n, x) => n + new Set((x.tags.get("CR") ?? []).map((l) => parseCrLine(l)?.id)).size,
      0,
    );
    expect(refs).toBe(uniquePerPaper);
    expect(crLines).toBeGreaterThanOrEqual(refs);
    expect(refs).toBeGreaterThan(200);
  });

  it("the Clarivate vintage: 3-space continuations join paragraph lines", () => {
    const q = parseFile("WoS_other_reference_software_r4001-4012.txt").papers[0] as PaperRecord;
    expect(q.title).toBe(
      "Caregivers' views on stigmatization and discrimination of people affected by leprosy in Ghana",
    );
    expect(q.abstract).toMatch(/^Background Leprosy is a condition/);
  });

  it("a record cut off before ER is rejected with its line", () => {
    const text = read("wos-slice.isi");
    const cut = text.slice(0, text.lastIndexOf("\nER"));
    const res = parseText(cut, "cut.isi", opts);
    expect(res.papers).toHaveLength(8);
    expect(res.rejected).toHaveLength(1);
    expect(res.rejected[0]?.reason).toMatch(/^ingest\/wos: cut\.isi:\d+: record has no ER line$/);
  });

  it("the tab-delimited export of the same record reads the same", () => {
    const rec = wosRecords(read("wos-slice.isi"))[0];
    const tags = [...(rec?.tags ?? new Map<string, string[]>())];
    const header = tags.map(([t]) => t);
    const row = tags.map(([, v]) => v.join("; "));
    const tab = `${["PT", ...header.filter((h) => h !== "PT")].join("\t")}\n`;
    const body = [row[header.indexOf("PT")], ...row.filter((_, i) => header[i] !== "PT")];
    const res = parseText(`${tab}${body.join("\t")}\n`, "x.txt", opts);
    const plain = r.papers.find((p) => p.ids?.wos === "WOS:000238878800002") as PaperRecord;
    expect(res.rejected).toEqual([]);
    expect(res.papers[0]).toMatchObject({
      title: plain.title,
      doi: plain.doi,
      references: plain.references,
    });
    expect(res.papers[0]?.authors.map((a) => a.key)).toEqual(plain.authors.map((a) => a.key));
  });
});

describe("reference keys", () => {
  it.each([
    ["Cox JD, 1997, INT J RADIAT ONCOL, V37, P1035", "ref:cox|1997|v37|p1035"],
    [
      "Aaberge L, 2002, J AM COLL CARDIOL, V39, P1588, DOI 10.1016/S0735-1097(02)01828-4",
      "doi:10.1016/s0735-1097(02)01828-4",
    ],
    ["[Anonymous], 2004, LANCET, V363, P1", "ref:anonymous|2004|v363|p1"],
    ["van Dijk D, 2001, CIRCULATION, V104, P1761", "ref:vandijk|2001|v104|p1761"],
    ["WHO, 2003, ADH MED LONG TERM THER", "ref:who|2003|adh-med-long-term-ther"],
  ])("CR %s → %s", (line, id) => {
    expect(parseCrLine(line)?.id).toBe(id);
  });

  it.each([
    [
      "Kalé, L., Skeel, R., Schulten, K., (1999) J Comp Phys, 151, p. 283",
      "ref:kale|1999|v151|p283",
    ],
    [
      "LeVarge B, Wright C. Surgical management. Clinical Chest Med 2018; 39: 659-67.",
      "ref:levarge|2018|v39|p659",
    ],
    [
      "E M McCullough, Economics, 1963, 85(4): 402-404. doi 10.1115/1.3669908",
      "doi:10.1115/1.3669908",
    ],
  ])("free text %s → %s", (text, id) => {
    expect(parseUnstructured(text)?.id).toBe(id);
  });
});

describe("WoS group authors", () => {
  it("a CA group author follows the people, its name whole", () => {
    const text = read("wos-slice.isi").replace(
      "AF Roach, Mack, III",
      "CA Radiat Therapy Oncol Grp\nAF Roach, Mack, III",
    );
    const p = parseText(text, "ca.isi", opts).papers.find(
      (x) => x.ids?.wos === "WOS:000238878800002",
    );
    const last = p?.authors[p.authors.length - 1];
    expect(last).toMatchObject({
      name: "Radiat Therapy Oncol Grp",
      family: "Radiat Therapy Oncol Grp",
    });
    expect(p?.authors[0]?.family).toBe("Roach");
  });
});
