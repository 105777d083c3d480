// Citation signals (src/graph/citation-signals.ts), `cites` edges in the graph, the `cited` command
// and the identity of one work across sources (src/ingest/merge.ts).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ExtractedPaper } from "../src/extract/types.ts";
import { buildGraph } from "../src/graph/build.ts";
import {
  CITED_OUTSIDE_TOP,
  type CitingPaper,
  citationSignals,
  citationSource,
  inSetCitations,
} from "../src/graph/citation-signals.ts";
import { SerializedGraph } from "../src/graph/schema.ts";
import { loadGraph, serialize } from "../src/graph/serialize.ts";
import { ingestTexts, type PaperRecord, parseText } from "../src/ingest/index.ts";
import { runMain } from "./run-main.ts";

const DIR = join(import.meta.dirname, "fixtures", "sources");
const read = (name: string) => readFileSync(join(DIR, name), "utf8");
const opts = { asOf: new Date("2026-12-01T00:00:00Z") };
const wos = parseText(read("wos-slice.isi"), "wos-slice.isi", opts).papers;

/** The same signals the slow way: every pair of papers, every reference compared. */
function bruteForce(papers: PaperRecord[]) {
  const own = papers.map((p) => `doi:${p.doi}`);
  const refs = papers.map((p) => new Set((p.references ?? []).map((r) => r.id)));
  const cites: string[] = [];
  refs.forEach((rs, i) => {
    own.forEach((id, j) => {
      if (i !== j && rs.has(id)) cites.push(`${i}>${j}`);
    });
  });
  const coupling: string[] = [];
  const cocitation: string[] = [];
  for (let a = 0; a < papers.length; a++)
    for (let b = a + 1; b < papers.length; b++) {
      const shared = [...(refs[a] as Set<string>)].filter(
        (x) => refs[b]?.has(x) && !own.includes(x),
      );
      const inSet = [...(refs[a] as Set<string>)].filter((x) => refs[b]?.has(x) && own.includes(x));
      if (shared.length + inSet.length) coupling.push(`${a}-${b}:${shared.length + inSet.length}`);
      const both = refs.filter((rs) => rs.has(own[a] as string) && rs.has(own[b] as string)).length;
      if (both) cocitation.push(`${a}-${b}:${both}`);
    }
  return { cites, coupling, cocitation };
}

describe("citation signals on the WoS slice", () => {
  const s = citationSignals(wos);

  it("agree with the all-pairs computation", () => {
    const slow = bruteForce(wos);
    expect(s.cites.map((c) => `${c.source}>${c.target}`).sort()).toEqual(slow.cites.sort());
    expect(s.coupling.map((p) => `${p.a}-${p.b}:${p.shared.length}`).sort()).toEqual(
      slow.coupling.sort(),
    );
    expect(s.cocitation.map((p) => `${p.a}-${p.b}:${p.shared.length}`).sort()).toEqual(
      slow.cocitation.sort(),
    );
  });

  it("find the 10 citations between papers of the slice, and count every work outside it", () => {
    expect(s.cites).toHaveLength(10);
    const ut = (i: number) => wos[i]?.ids?.wos;
    // Vicini et al. (line 52194 of ManyAuthors.isi) cites four papers of the slice
    expect(s.cites.filter((c) => ut(c.source) === "WOS:000086810500015")).toHaveLength(4);
    const outside = new Set(wos.flatMap((p) => (p.references ?? []).map((r) => r.id)));
    for (const p of wos) outside.delete(`doi:${p.doi}`);
    expect(s.external).toHaveLength(outside.size);
    expect(s.external.reduce((n, w) => n + w.count, 0)).toBe(
      wos.reduce((n, p) => n + (p.references ?? []).length, 0) - s.cites.length,
    );
    expect(s.external[0]).toMatchObject({ count: expect.any(Number), label: expect.any(String) });
    expect(s.external[0]?.count).toBeGreaterThanOrEqual(s.external[1]?.count ?? 0);
  });

  it("name the shared references of each coupled pair", () => {
    const top = [...s.coupling].sort((x, y) => y.shared.length - x.shared.length)[0];
    const a = new Set(s.references[top?.a ?? 0]);
    expect(top?.shared.length).toBeGreaterThan(3);
    for (const id of top?.shared ?? [])
      expect(a.has(id) && s.references[top?.b ?? 0]?.includes(id)).toBe(true);
  });

  it("are the same whatever the input order", () => {
    const rev = citationSignals([...wos].reverse());
    const n = wos.length - 1;
    const norm = (ps: { a: number; b: number; shared: string[] }[], flip: boolean) =>
      ps
        .map((p) => {
          const [a, b] = flip ? [n - p.b, n - p.a] : [p.a, p.b];
          return `${a}-${b}:${p.shared.join(",")}`;
        })
        .sort();
    expect(norm(rev.coupling, true)).toEqual(norm(s.coupling, false));
    expect(rev.external).toEqual(s.external);
  });
});

describe("citation ids", () => {
  const paper = (
    id: string,
    refs: { id: string; alt?: string[]; label?: string }[],
    ids = {},
  ): CitingPaper => ({
    id,
    doi: id.startsWith("doi:") ? id.slice(4) : null,
    arxivId: null,
    ids,
    references: refs,
  });

  it.each([
    [
      "a DOI with its PMID alias and the bare PMID are one work",
      [
        paper("doi:10.1/a", [{ id: "doi:10.9/x", alt: ["pmid:7"] }]),
        paper("doi:10.1/b", [{ id: "pmid:7" }]),
      ],
      { coupling: [{ a: 0, b: 1, shared: ["doi:10.9/x"] }], cites: [] },
    ],
    [
      "a paper of the set is cited by its PMID or OpenAlex id",
      [
        paper("doi:10.1/a", [], { pmid: "7", openalex: "W9" }),
        paper("doi:10.1/b", [{ id: "pmid:7" }]),
        paper("doi:10.1/c", [{ id: "openalex:W9" }]),
      ],
      {
        coupling: [{ a: 1, b: 2, shared: ["paper:doi:10.1/a"] }],
        cites: [
          { source: 1, target: 0 },
          { source: 2, target: 0 },
        ],
      },
    ],
    [
      "a self-citation is no edge",
      [paper("doi:10.1/a", [{ id: "doi:10.1/a" }])],
      { coupling: [], cites: [] },
    ],
  ])("%s", (_name, papers, want) => {
    const s = citationSignals(papers);
    expect({ coupling: s.coupling, cites: s.cites }).toEqual(want);
    expect(inSetCitations(papers)).toEqual(want.cites);
  });

  it("citationSource names works of the set by paper id, others by their canonical id", () => {
    const src = citationSource([
      paper("doi:10.1/a", [], { pmid: "7" }),
      paper("doi:10.1/b", [{ id: "pmid:7" }, { id: "doi:10.9/x", alt: ["pmid:8"] }]),
      paper("doi:10.1/c", [{ id: "pmid:8" }]),
    ]);
    expect(src("doi:10.1/a")).toBeUndefined();
    expect(src("doi:10.1/b")?.references).toEqual(["doi:10.9/x", "doi:10.1/a"]);
    expect(src("doi:10.1/c")?.references).toEqual(["doi:10.9/x"]);
  });

  it("citationSource names a work outside the set by its shortest cited-reference line", () => {
    const src = citationSource([
      paper("doi:10.1/a", [{ id: "doi:10.9/x", label: "Cox JD, 1997, INT J RADIAT ONCOL, V37" }]),
      paper("doi:10.1/b", [{ id: "doi:10.9/x", label: "Cox JD, 1997, INT J RADIAT ONC" }]),
    ]);
    expect(src("doi:10.1/a")?.labels.get("doi:10.9/x")).toBe("Cox JD, 1997, INT J RADIAT ONC");
  });

  it("co-citation: two papers cited by the same paper of the set", () => {
    const s = citationSignals([
      paper("doi:10.1/a", []),
      paper("doi:10.1/b", []),
      paper("doi:10.1/c", [{ id: "doi:10.1/a" }, { id: "doi:10.1/b" }]),
    ]);
    expect(s.cocitation).toEqual([{ a: 0, b: 1, shared: ["doi:10.1/c"] }]);
  });

  it("a work cited by more than maxCiting papers is left out of coupling and reported", () => {
    const papers = [0, 1, 2].map((i) => paper(`doi:10.1/${i}`, [{ id: "doi:10.9/everyone" }]));
    const s = citationSignals(papers, { maxCiting: 2 });
    expect([s.coupling, s.skipped]).toEqual([[], ["doi:10.9/everyone"]]);
    expect(citationSignals(papers).coupling).toHaveLength(3);
  });
});

describe("cites edges in the graph", () => {
  it("papers of the set that cite each other get directed cites edges; outside works are no nodes", () => {
    const papers: ExtractedPaper[] = wos.map((p) => ({ ...p, entities: [] }));
    const graph = buildGraph(papers);
    const json = SerializedGraph.parse(JSON.parse(JSON.stringify(serialize(graph))));
    const cites = json.edges.filter((e) => e.attributes.type === "cites");
    expect(cites).toHaveLength(10);
    expect(json.meta.counts["edges.cites"]).toBe(10);
    expect(json.nodes.filter((n) => n.attributes.type === "paper")).toHaveLength(wos.length);
    for (const e of cites)
      expect([e.source, e.target].every((k) => k.startsWith("paper:"))).toBe(true);
    const again = serialize(buildGraph([...papers].reverse()));
    expect(JSON.stringify(again)).toBe(JSON.stringify(serialize(graph)));
  });
});

describe("the works cited most outside the set (meta.citedOutside)", () => {
  const papers: ExtractedPaper[] = wos.map((p) => ({ ...p, entities: [] }));
  const meta = (ps: ExtractedPaper[]) =>
    loadGraph(JSON.parse(JSON.stringify(serialize(buildGraph(ps))))).meta;

  it("lists, most cited first, the outside works cited by two papers or more, with those papers", () => {
    const listed = meta(papers).citedOutside ?? [];
    const external = citationSignals(wos).external.filter((w) => w.count >= 2);
    expect(listed.length).toBe(Math.min(CITED_OUTSIDE_TOP, external.length));
    expect(listed.length).toBeGreaterThan(3);
    expect(listed.map((w) => [w.id, w.count, w.label])).toEqual(
      external.slice(0, listed.length).map((w) => [w.id, w.count, w.label]),
    );
    const ids = new Set(wos.map((p) => p.id));
    for (const w of listed) {
      expect(w.citedBy).toHaveLength(w.count);
      for (const id of w.citedBy) expect(ids.has(id)).toBe(true);
      const citing = wos.filter((p) => w.citedBy.includes(p.id));
      for (const p of citing) expect(citationSource(wos)(p.id)?.references).toContain(w.id);
    }
  });

  it("is absent from a graph whose papers list no references (graph.json unchanged)", () => {
    expect(meta(papers.map((p) => ({ ...p, references: [] })))).not.toHaveProperty("citedOutside");
  });
});

describe("one work from several sources", () => {
  const openalex = read("W2741809807.json");
  const medline = (extra: string) =>
    `PMID- 29456894\nTI  - The state of OA: a large-scale analysis of the prevalence and impact of\n      Open Access articles.\nDP  - 2018\n${extra}`;
  const wosRecord = (title: string, au: string) =>
    `FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\n${au}TI ${title}\nPY 2018\nUT WOS:000000000000001\nER\nEF\n`;

  it.each([
    [
      "by PMID (no DOI on the MEDLINE record)",
      medline("FAU - Piwowar, Heather\n"),
      1,
      ["pmid", "ty"],
    ],
    [
      "by title and year when one record has no authors",
      wosRecord(
        "The state of OA: a large-scale analysis of the prevalence and impact of Open Access articles",
        "",
      ),
      1,
      ["ty"],
    ],
    [
      "not when the first authors disagree",
      wosRecord(
        "The state of OA: a large-scale analysis of the prevalence and impact of Open Access articles",
        "AU Someone, Else\n",
      ),
      2,
      [],
    ],
  ])("%s", (_name, other, papers, by) => {
    const inputs = [
      { file: "oa.json", text: openalex },
      { file: "other.txt", text: other },
    ];
    const res = ingestTexts(inputs, opts);
    expect(res.rejected).toEqual([]);
    expect(res.summary).toMatchObject({ records: 2, read: 2, merged: 2 - papers, papers });
    expect(res.merges?.[0]?.by.filter((k) => k !== "ta") ?? []).toEqual(by);
    if (papers === 1) {
      expect(res.papers[0]?.id).toBe("doi:10.7717/peerj.4375");
      expect(res.papers[0]?.sources.map((s) => s.format).sort()).toEqual(
        ["openalex", other.startsWith("PMID") ? "medline" : "wos"].sort(),
      );
      expect(res.papers[0]?.references?.length).toBeGreaterThan(10);
    }
    expect(ingestTexts([...inputs].reverse(), opts).papers).toEqual(res.papers);
  });

  it("a short title ('Correction.') never merges on title and year alone", () => {
    const a = `PMID- 1\nTI  - Correction.\nDP  - 2024\n`;
    const b = `PMID- 2\nTI  - Correction.\nDP  - 2024\n`;
    const res = ingestTexts([{ file: "a.nbib", text: `${a}\n${b}` }], opts);
    expect(res.summary).toMatchObject({ read: 2, merged: 0, papers: 2 });
  });
});

describe("litgraph cited", () => {
  const run = runMain;

  it("--json lists the most-cited outside works with their citing papers", async () => {
    const r = await run(["cited", join(DIR, "wos-slice.isi"), "--top", "3", "--json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ papers: 9, papersWithReferences: 9, inSetCitations: 10 });
    expect(out.cited).toHaveLength(3);
    expect(out.cited[0]).toMatchObject({ id: "ref:cox|1997|v37|p1035", count: 8 });
    expect(out.cited[0].citedBy).toHaveLength(8);
    expect(r.stderr).toMatch(/^9 records: 9 read, 0 merged as duplicates, 0 rejected → 9 papers/);
  });

  it("prints a ranked list, and refuses a bad --top", async () => {
    const r = await run(["cited", join(DIR, "wos-slice.isi"), "--top", "2"]);
    expect(r.stdout).toMatch(/^9 of 9 papers list references .* 10 cite a paper of the set/);
    expect(r.stdout).toMatch(/\n {2}1\. +\d+× {2}Cox JD, 1997, INT J RADIAT ONCOL, V37, P1035\n/);
    expect((await run(["cited", join(DIR, "wos-slice.isi"), "--top", "0"])).code).toBe(2);
  });
});

describe("references the older readers already carried", () => {
  const fixture = (dir: string, name: string) =>
    readFileSync(join(import.meta.dirname, "fixtures", dir, name), "utf8");

  it("Semantic Scholar: citing papers cite the paper; the paper cites its references", () => {
    const r = parseText(fixture("ingest-a", "s2-paper-slice.json"), "s2.json", opts);
    const turing = r.papers.find((p) => p.doi === "10.1093/mind/lix.236.433") as PaperRecord;
    expect(turing.ids?.s2).toBe("2d5673caa9e6af3a7b82a43f19ee920992db07ad");
    const citing = r.papers.filter((p) =>
      p.references?.some((x) => x.id === "doi:10.1093/mind/lix.236.433"),
    );
    expect(citing.length).toBeGreaterThanOrEqual(3);
    expect(turing.references?.length).toBeGreaterThanOrEqual(2);
    // in the set, each of those is a cites edge to the paper
    const cites = inSetCitations(r.papers);
    const at = r.papers.indexOf(turing);
    expect(cites.filter((c) => c.target === at)).toHaveLength(citing.length);
  });

  it("Scopus: the References column, one reference per '; '-separated citation", () => {
    const text = fixture("sources", "scopus-refs-slice.csv");
    const r = parseText(text, "scopus.csv", opts);
    const withRefs = r.papers.filter((p) => p.references?.length);
    expect(withRefs).toHaveLength(2);
    // "Kalé, L., Skeel, R., …, (1999) J Comp Phys, 151, p. 283" is the first of the first record
    expect(withRefs[0]?.references?.[0]?.id).toBe("ref:kale|1999|v151|p283");
    for (const p of withRefs)
      for (const ref of p.references ?? []) {
        expect(ref.id).toMatch(/^(doi:10\.|ref:[a-z0-9]+\|\d{4}|ref:[a-z0-9-]+$)/);
        expect(ref.label?.length).toBeGreaterThan(5);
      }
  });
});
