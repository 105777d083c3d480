import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { InputLimitError, ingestPaths } from "../src/ingest/files.ts";
import {
  decodeBytes,
  type FormatReader,
  ingestTexts,
  mergeRecords,
  PaperRecord,
  parseText,
} from "../src/ingest/index.ts";
import { matchKeys } from "../src/ingest/merge.ts";
import { reader as cslReader } from "../src/ingest/readers/csl.ts";
import { reader as paperlistsReader } from "../src/ingest/readers/paperlists.ts";
import { reader as seedReader } from "../src/ingest/readers/seed/index.ts";
import { reader as s2Reader } from "../src/ingest/readers/semanticscholar.ts";
import { buildRecord } from "../src/ingest/record.ts";

const FIX = new URL("./fixtures/ingest-a/", import.meta.url);
const read = (name: string) => readFileSync(new URL(name, FIX), "utf8");
/** The readers this suite owns (others are fuzzed by their own tests). */
const MINE = [s2Reader, cslReader, paperlistsReader, seedReader];
const OPTS = { asOf: new Date("2026-11-26T00:00:00Z") };

describe("parseText detection and file-level rejects", () => {
  it.each([
    ["seed-000.txt", "seed"],
    ["deep-review-slice.json", "csl"],
    ["s2-paper-slice.json", "semanticscholar"],
    ["s2-author-slice.json", "semanticscholar"],
    ["acl2021.json", "paperlists"],
  ])("%s is read as %s, whatever its file name", (name, format) => {
    for (const file of [name, "upload.dat", "noext"]) {
      const r = parseText(read(name), file, OPTS);
      expect(r.papers.length).toBeGreaterThan(0);
      expect(new Set(r.papers.map((p) => p.sources[0]?.format))).toEqual(new Set([format]));
    }
  });

  it.each([
    ["an empty file", "", /empty file/],
    ["whitespace only", " \n\t\n", /empty file/],
    ["binary data", "\u0000\u0001PK\u0003\u0004binary", /binary data/],
    ["unknown text", "Dear colleagues,\nplease find attached.\n", /no reader recognised/],
    ["a JSON object of another kind", '{"name": "x", "version": "1.0"}', /no reader recognised/],
  ])("%s gives one reject naming the file", (_why, text, reason) => {
    const r = parseText(text, "in/put.xyz", OPTS);
    expect(r.papers).toEqual([]);
    expect(r.rejected).toHaveLength(1);
    expect(r.rejected[0]?.file).toBe("in/put.xyz");
    expect(r.rejected[0]?.reason).toMatch(/^ingest: in\/put\.xyz: not a supported format \(/);
    expect(r.rejected[0]?.reason).toMatch(reason);
  });

  const fake = (format: string, claims: boolean, parse?: () => never): FormatReader => ({
    format,
    detect: () => claims,
    parse:
      parse ??
      ((_t, file) => ({
        papers: [buildRecord({ title: format, sources: [{ file, format }] })],
        rejected: [],
      })),
  });

  it.each([
    ["x.bib", ["ris", "bibtex"], "bibtex"],
    ["x.ris", ["ris", "bibtex"], "ris"],
    ["x.txt", ["ris", "bibtex"], "ris"],
    ["x.bib", ["ris"], "ris"],
  ])("%s claimed by %j is read as %s", (file, claimants, want) => {
    const readers = ["atom", "ris", "bibtex"].map((f) => fake(f, claimants.includes(f)));
    expect(parseText("some text", file, OPTS, readers).papers[0]?.title).toBe(want);
  });

  it("turns a reader that throws into one located reject", () => {
    const boom = fake("ris", true, () => {
      throw new Error("boom");
    });
    const r = parseText("some text", "x.ris", OPTS, [boom]);
    expect(r.papers).toEqual([]);
    expect(r.rejected).toEqual([
      { file: "x.ris", format: "ris", reason: "ingest: x.ris: ris reader failed: boom" },
    ]);
  });

  it("reports a truncated JSON file with the line where it breaks", () => {
    const text = read("acl2021.json");
    const cut = text.slice(0, Math.floor(text.length / 2));
    const r = parseText(cut, "acl2021.json", OPTS);
    expect(r.papers).toEqual([]);
    expect(r.rejected).toHaveLength(1);
    expect(r.rejected[0]?.line).toBe(cut.split("\n").length);
    expect(r.rejected[0]?.reason).toMatch(/invalid JSON/);
  });

  it("never throws and locates every reject on random, truncated and binary input", () => {
    const samples = [
      "seed-000.txt",
      "deep-review-slice.json",
      "s2-author-slice.json",
      "acl2021.json",
    ].map(read);
    const text = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc
        .constantFrom(...samples)
        .chain((s) =>
          fc
            .tuple(fc.nat(s.length), fc.nat(s.length))
            .map(([a, b]) => s.slice(Math.min(a, b), Math.max(a, b))),
        ),
      fc.uint8Array({ maxLength: 200 }).map((b) => decodeBytes(b).text),
    );
    fc.assert(
      fc.property(text, (t) => {
        const r = parseText(t, "f.txt", OPTS, MINE);
        for (const p of r.papers) expect(PaperRecord.safeParse(p).success).toBe(true);
        for (const x of r.rejected) {
          expect(x.file).toBe("f.txt");
          expect(x.reason).toMatch(/^ingest(\/[a-z]+)?: f\.txt/);
          const fileLevel = x.reason.startsWith("ingest: f.txt: ");
          expect(fileLevel || x.line !== undefined || x.entry !== undefined).toBe(true);
        }
        expect(r.papers.length + r.rejected.length).toBeGreaterThan(0);
      }),
      { numRuns: 500, seed: 42 },
    );
  });
});

describe("decodeBytes", () => {
  const text = "Schütze — Vulić “naïve” café";
  const utf16 = (s: string, be: boolean) => {
    const out = new Uint8Array(s.length * 2);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      out[i * 2 + (be ? 1 : 0)] = c & 0xff;
      out[i * 2 + (be ? 0 : 1)] = c >> 8;
    }
    return out;
  };
  const cat = (...parts: Uint8Array[]) => new Uint8Array(parts.flatMap((p) => [...p]));
  const utf8 = new TextEncoder().encode(text);

  it.each([
    ["UTF-8", utf8, "utf-8"],
    ["UTF-8 with BOM", cat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8), "utf-8"],
    ["UTF-16 LE with BOM", cat(new Uint8Array([0xff, 0xfe]), utf16(text, false)), "utf-16le"],
    ["UTF-16 BE with BOM", cat(new Uint8Array([0xfe, 0xff]), utf16(text, true)), "utf-16be"],
    ["UTF-16 LE without BOM", utf16(`${text} and a longer ASCII tail`, false), "utf-16le"],
  ])("%s", (_name, bytes, encoding) => {
    const d = decodeBytes(bytes, "x");
    expect(d.encoding).toBe(encoding);
    expect(d.text.startsWith(text)).toBe(true);
    expect(d.text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it("falls back to Windows-1252 when the bytes are not UTF-8", () => {
    // "Schütze – “café”" in Windows-1252: ü=FC, en dash=96, curly quotes=93/94, é=E9
    const bytes = new Uint8Array([
      0x53, 0x63, 0x68, 0xfc, 0x74, 0x7a, 0x65, 0x20, 0x96, 0x20, 0x93, 0x63, 0x61, 0x66, 0xe9,
      0x94,
    ]);
    expect(decodeBytes(bytes)).toEqual({ text: "Schütze – “café”", encoding: "windows-1252" });
  });

  it.each([
    ["a UTF-8 file cut inside its last character", cat(utf8, utf8.subarray(0, utf8.length - 1)), 1],
    ["UTF-8 with one stray Latin-1 byte", cat(utf8, new Uint8Array([0x20, 0xe9, 0x20]), utf8), 1],
  ])("keeps %s as UTF-8", (_why, bytes, bad) => {
    const d = decodeBytes(bytes);
    expect(d.encoding).toBe("utf-8");
    expect(d.text.startsWith(text)).toBe(true);
    expect([...d.text].filter((c) => c === "\uFFFD")).toHaveLength(bad);
  });

  it("ingestTexts decodes bytes and reads a UTF-16 seed listing", () => {
    const seed = read("seed-000.txt");
    const r = ingestTexts(
      [
        {
          file: "seed.txt",
          bytes: cat(new Uint8Array([0xff, 0xfe]), utf16(seed, false)),
          sha256: "abc",
        },
      ],
      OPTS,
    );
    expect(r.summary).toEqual({ records: 14, read: 14, merged: 0, rejected: 0, papers: 14 });
    expect(r.fileHashes).toEqual({ "seed.txt": "abc" });
    expect(r.papers.some((p) => p.authors.some((a) => a.name === "Achille Salaün"))).toBe(true);
  });
});

describe("mergeRecords", () => {
  const all = [
    ...parseText(read("deep-review-slice.json"), "deep-review-slice.json", OPTS).papers,
    ...parseText(read("s2-paper-slice.json"), "s2-paper-slice.json", OPTS).papers,
    ...parseText(read("s2-author-slice.json"), "s2-author-slice.json", OPTS).papers,
    ...parseText(read("aaai2022.json"), "aaai2022.json", OPTS).papers,
    ...parseText(read("coling2022.json"), "coling2022.json", OPTS).papers,
  ];
  const merged = mergeRecords(all);
  const formatsOf = (id: string) =>
    merged.papers
      .find((p) => p.id === id)
      ?.sources.map((s) => s.format)
      .sort();

  it("joins the same DOI from paperlists and Semantic Scholar, keeping both sources", () => {
    expect(formatsOf("doi:10.1609/aaai.v36i5.20466")).toEqual(["paperlists", "semanticscholar"]);
    const p = merged.papers.find((x) => x.id === "doi:10.1609/aaai.v36i5.20466");
    expect(p?.hasCode).toBe(true); // from paperlists' github
    expect(p?.date).toEqual({ iso: "2022-06-28", precision: "day" }); // S2 is more precise
    expect(p?.links.some((l) => l.includes("semanticscholar.org"))).toBe(true);
  });

  it("joins by normalised title + first author when only one source has the DOI", () => {
    const p = merged.papers.find((x) => x.title.startsWith("Machine Reading, Fast and Slow"));
    expect(p?.sources.map((s) => s.format).sort()).toEqual(["paperlists", "semanticscholar"]);
    expect(p?.arxivId).toBe("2209.07430");
  });

  it("joins two DOIs of one paper (preprint and article) by title + first author", () => {
    const p = merged.papers.find((x) => x.title.startsWith("Leveraging uncertainty information"));
    expect(p?.sources.map((s) => s.entry).sort()).toEqual(["12PvceitW", "14Ovc5nPg"]);
  });

  it("joins the same paper read twice from S2 (author and paper responses)", () => {
    expect(
      merged.papers.find((p) => p.id === "doi:10.1093/mind/lix.236.433")?.sources,
    ).toHaveLength(2);
  });

  it("counts what it merged and sorts by id", () => {
    expect(merged.merged).toBe(all.length - merged.papers.length);
    expect(merged.merged).toBe(4);
    const ids = merged.papers.map((p) => p.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("gives byte-identical output whatever the input order", () => {
    const want = JSON.stringify(merged);
    fc.assert(
      fc.property(
        fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length }),
        (xs) => {
          expect(JSON.stringify(mergeRecords(xs))).toBe(want);
        },
      ),
      { numRuns: 40, seed: 7 },
    );
  });

  it.each([
    ["same title, different first author", "Smith", "Jones", 2],
    ["same title and first author, different case and punctuation", "Smith", "SMITH", 1],
  ])("%s", (_why, a, b, count) => {
    const mk = (family: string, title: string, file: string) =>
      buildRecord({
        title,
        authors: [
          { name: `Ann ${family}`, key: `${family.toLowerCase()}|ann`, family, given: "Ann" },
        ],
        sources: [{ file, format: "x" }],
      });
    const r = mergeRecords([mk(a, "Deep Nets: A Study", "a"), mk(b, "deep nets — a study!", "b")]);
    expect(r.papers).toHaveLength(count);
    expect(new Set(r.papers.map((p) => p.id)).size).toBe(count);
  });

  it("keys a record by DOI, arXiv id and title + first author", () => {
    const p = buildRecord({
      title: "On X",
      doi: "10.1234/ABC",
      arxivId: "arXiv:2101.00001v2",
      authors: [{ name: "Jo van Dam", key: "van-dam|jo", family: "van Dam", given: "Jo" }],
      sources: [{ file: "f", format: "x" }],
    });
    expect(matchKeys(p)).toEqual(["doi:10.1234/abc", "arxiv:2101.00001", "ta:onx|vandam"]);
  });
});

describe("ingestPaths", () => {
  const root = mkdtempSync(join(tmpdir(), "litgraph-ingest-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, "lib", "sub"), { recursive: true });
  mkdirSync(join(root, "lib", ".git"), { recursive: true });
  writeFileSync(join(root, "lib", "seed.txt"), read("seed-000.txt"));
  writeFileSync(join(root, "lib", "sub", "acl2021.json"), read("acl2021.json"));
  writeFileSync(join(root, "lib", "sub", "notes.md"), "# my notes\n");
  writeFileSync(join(root, "lib", ".hidden.json"), read("acl2021.json"));
  writeFileSync(join(root, "lib", ".git", "HEAD"), "ref: refs/heads/main\n");
  writeFileSync(join(root, "lib", "empty.bib"), "");
  const rel = relative(process.cwd(), join(root, "lib"));

  it("reads folders recursively, skipping hidden files, rejecting unsupported ones", async () => {
    const r = await ingestPaths([rel], OPTS);
    expect(r.summary).toEqual({ records: 19, read: 17, merged: 0, rejected: 2, papers: 17 });
    expect(r.rejected).toEqual([
      { file: join(rel, "empty.bib"), reason: "not a supported format" },
      { file: join(rel, "sub", "notes.md"), reason: "not a supported format" },
    ]);
    expect(Object.keys(r.fileHashes)).toEqual([
      join(rel, "empty.bib"),
      join(rel, "seed.txt"),
      join(rel, "sub", "acl2021.json"),
      join(rel, "sub", "notes.md"),
    ]);
    const files = new Set(r.papers.flatMap((p) => p.sources.map((s) => s.file)));
    expect(files).toEqual(new Set([join(rel, "seed.txt"), join(rel, "sub", "acl2021.json")]));
  });

  it("hashes each file's bytes with sha256", async () => {
    const r = await ingestPaths([join(rel, "sub", "notes.md")], OPTS);
    const want = createHash("sha256").update("# my notes\n").digest("hex");
    expect(r.fileHashes).toEqual({ [join(rel, "sub", "notes.md")]: want });
    expect(r.rejected[0]?.reason).toMatch(/^ingest: .*notes\.md: not a supported format \(/);
  });

  it("reads a file given twice only once and keeps the user's relative path", async () => {
    const f = join(rel, "seed.txt");
    const r = await ingestPaths([f, f], OPTS);
    expect(r.summary.papers).toBe(14);
    expect(r.papers[0]?.sources[0]?.file).toBe(f);
  });

  it("names a missing path in its error", async () => {
    await expect(ingestPaths([join(rel, "nope.bib")], OPTS)).rejects.toThrow(/ingest: .*nope\.bib/);
  });

  it("is deterministic across runs", async () => {
    const a = await ingestPaths([rel], OPTS);
    const b = await ingestPaths([rel], OPTS);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });
});

describe("ingestPaths and the input limit", () => {
  it("stops with an InputLimitError on a file with no size to check (/dev/zero) that passes the limit while read", async () => {
    const run = ingestPaths(["/dev/zero"], { asOf: new Date("2026-12-07"), maxInputMb: 0.01 });
    await expect(run).rejects.toBeInstanceOf(InputLimitError);
    await expect(run).rejects.toThrow(/ingest: \/dev\/zero: .*over the input limit of 0\.01 MB/);
  });

  it("rejects (does not stop on) a path that cannot be read", async () => {
    const r = await ingestPaths(["/proc/self/mem"], { asOf: new Date("2026-12-07") });
    expect(r.rejected[0]?.reason).toMatch(/cannot read/);
  });
});
