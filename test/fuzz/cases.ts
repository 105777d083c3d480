// Hostile-input cases shared by the in-suite fuzz tests (test/reliability-fuzz.test.ts) and the
// long run (test/fuzz/long.ts): real fixture texts per reader, cuts at format boundaries, wrong
// encodings, enormous fields, deep nesting, and the checks every outcome must pass.
import { readFileSync } from "node:fs";
import type { ParseResult } from "../../src/ingest/types.ts";

const FIXTURES = new URL("../fixtures/", import.meta.url);

/** One real file per reader (and two for the readers with two layouts). */
export const SAMPLE_FILES: readonly { format: string; path: string }[] = [
  { format: "seed", path: "ingest-a/seed-000.txt" },
  { format: "csl", path: "ingest-a/deep-review-slice.json" },
  { format: "semanticscholar", path: "ingest-a/s2-paper-slice.json" },
  { format: "semanticscholar", path: "ingest-a/s2-author-slice.json" },
  { format: "paperlists", path: "ingest-a/acl2021.json" },
  { format: "bibtex", path: "ingest-b/chil2023-slice.bib" },
  { format: "bibtex", path: "ingest-b/ml4h24-slice.bib" },
  { format: "ris", path: "ingest-b/ieee-exascale-slice.ris" },
  { format: "scopus", path: "ingest-b/scopus-slice.csv" },
  { format: "atom", path: "ingest-b/atom-2026-slice.xml" },
  { format: "atom", path: "ingest-b/atom-legacy-1111.2011v2.xml" },
  { format: "oaipmh", path: "ingest-b/oai-pmh-slice.xml" },
  { format: "openalex", path: "sources/results_page_1.json" },
  { format: "crossref", path: "sources/test_works_with_one_id.json" },
  { format: "pubmed", path: "sources/pmid-31588070.xml" },
  { format: "pubmed", path: "sources/pubmed-slice.xml" },
  { format: "medline", path: "sources/pubmed_result2.txt" },
  { format: "wos", path: "sources/wos-slice.isi" },
];

export interface Sample {
  format: string;
  /** File name handed to the readers (the fixture's base name). */
  file: string;
  text: string;
}

export function loadSamples(): Sample[] {
  return SAMPLE_FILES.map(({ format, path }) => ({
    format,
    file: path.split("/").pop() as string,
    text: readFileSync(new URL(path, FIXTURES), "utf8"),
  }));
}

/** The serialized graph fixture the graph-loader fuzz mutates. */
export function loadGraphSample(): string {
  return readFileSync(new URL("export/small-graph.json", FIXTURES), "utf8");
}

/** Kinds of place a real export gets cut: between records, inside one, in a string or escape. */
export type CutKind =
  | "line-start"
  | "mid-line"
  | "entry-start"
  | "in-string"
  | "mid-escape"
  | "in-tag"
  | "before-close";

const BOUNDARY_PATTERNS: readonly [CutKind, RegExp][] = [
  ["entry-start", /@[a-z]+\{|^TY {2}- |<entry>|<record>|\{"paperId"|\{\s*"id"|^"/gim],
  ["in-string", /"[^"\n]{3}|\{[A-Za-z]{3}|>[A-Za-z]{3}/g],
  ["mid-escape", /\\./g],
  ["in-tag", /<[a-z:]{2}/gi],
  ["before-close", /[}\]]|<\/|^ER {2}-/gm],
];

/**
 * Cut positions of each kind in a text (each list capped at `perKind`, spread evenly), so a
 * truncation test hits every kind of boundary without trying every offset.
 */
export function boundaryCuts(text: string, perKind = 6): { kind: CutKind; at: number }[] {
  const byKind = new Map<CutKind, number[]>();
  const add = (kind: CutKind, at: number) => {
    if (at > 0 && at < text.length) byKind.set(kind, [...(byKind.get(kind) ?? []), at]);
  };
  let nl = text.indexOf("\n");
  while (nl >= 0) {
    add("line-start", nl + 1);
    nl = text.indexOf("\n", nl + 1);
  }
  for (const [kind, re] of BOUNDARY_PATTERNS)
    for (const m of text.matchAll(re)) add(kind, (m.index ?? 0) + Math.ceil(m[0].length / 2));
  for (const at of byKind.get("line-start") ?? []) add("mid-line", at + 7);
  const out: { kind: CutKind; at: number }[] = [];
  for (const [kind, list] of byKind) {
    const step = Math.max(1, Math.floor(list.length / perKind));
    for (
      let i = 0;
      i < list.length && out.filter((c) => c.kind === kind).length < perKind;
      i += step
    )
      out.push({ kind, at: list[i] as number });
  }
  return out;
}

/** Byte offsets that fall inside a multi-byte UTF-8 sequence (after its lead byte). */
export function midUtf8Offsets(bytes: Uint8Array, max = 6): number[] {
  const out: number[] = [];
  for (let i = 1; i < bytes.length && out.length < max; i++)
    if (((bytes[i] as number) & 0xc0) === 0x80 && ((bytes[i - 1] as number) & 0xc0) !== 0x80)
      out.push(i);
  return out;
}

/** Windows-1252 bytes of a text (characters outside the code page become "?"). */
export function toWindows1252(text: string): Uint8Array {
  const high = new Map<number, number>([
    [0x20ac, 0x80],
    [0x201a, 0x82],
    [0x0192, 0x83],
    [0x201e, 0x84],
    [0x2026, 0x85],
    [0x2020, 0x86],
    [0x2021, 0x87],
    [0x02c6, 0x88],
    [0x2030, 0x89],
    [0x0160, 0x8a],
    [0x2039, 0x8b],
    [0x0152, 0x8c],
    [0x017d, 0x8e],
    [0x2018, 0x91],
    [0x2019, 0x92],
    [0x201c, 0x93],
    [0x201d, 0x94],
    [0x2022, 0x95],
    [0x2013, 0x96],
    [0x2014, 0x97],
    [0x02dc, 0x98],
    [0x2122, 0x99],
    [0x0161, 0x9a],
    [0x203a, 0x9b],
    [0x0153, 0x9c],
    [0x017e, 0x9e],
    [0x0178, 0x9f],
  ]);
  // Windows-1252 has no byte-order mark: a UTF-8 file's BOM is dropped, not written as "?"
  return Uint8Array.from(Array.from(text.replace(/^\uFEFF/, "")), (ch) => {
    const c = ch.codePointAt(0) as number;
    if (c < 0x80 || (c >= 0xa0 && c <= 0xff)) return c;
    return high.get(c) ?? 0x3f;
  });
}

/** UTF-16 bytes with a byte-order mark, little- or big-endian. */
export function toUtf16(text: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), littleEndian);
  return out;
}

/** Where each format keeps an abstract (or, failing that, some free text) to blow up. */
const BIG_FIELD_AT: Record<string, RegExp> = {
  bibtex: /abstract\s*=\s*\{/i,
  csl: /"abstract":\s*"/,
  semanticscholar: /"abstract":\s*"/,
  paperlists: /"abstract":\s*"/,
  ris: /^(AB|TI) {2}- /m,
  atom: /<summary>/,
  oaipmh: /<dc:description>/,
  scopus: /\n[^\n]*?","/,
  seed: /\n[^\n]*\n/,
  openalex: /"title":"/,
  crossref: /"title":\["/,
  pubmed: /<AbstractText[^>]*>/,
  medline: /^AB {2}- /m,
  wos: /^AB /m,
};

/** `sample` with `size` characters of prose spliced into one record's abstract (or text field). */
export function withEnormousField(sample: Sample, size: number): string {
  const re = BIG_FIELD_AT[sample.format];
  const m = re ? re.exec(sample.text) : null;
  const at = m ? (m.index ?? 0) + m[0].length : 0;
  const unit = "lorem ipsum dolor sit amet consectetur ";
  const filler = unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  return sample.text.slice(0, at) + filler + sample.text.slice(at);
}

/** Deeply nested inputs, each with a file name that points a reader at it. */
export function deeplyNested(depth: number): { file: string; text: string }[] {
  return [
    { file: "arrays.json", text: `${"[".repeat(depth)}${"]".repeat(depth)}` },
    { file: "objects.json", text: `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}` },
    {
      file: "items.json",
      text: `[{"title":"T","author":${"[".repeat(depth)}${"]".repeat(depth)}}]`,
    },
    { file: "unclosed.json", text: "[".repeat(depth) },
    {
      file: "deep.xml",
      text: `<feed xmlns="http://www.w3.org/2005/Atom"><entry>${"<a>".repeat(depth)}${"</a>".repeat(depth)}</entry></feed>`,
    },
    { file: "deep.bib", text: `@article{k, title={${"{".repeat(depth)}${"}".repeat(depth)}}}` },
  ];
}

/**
 * Problems with one parse outcome for `text` read as `file`: every paper and reject must name
 * the file; a reject must give a reason and say where (a line inside the text, or an entry),
 * unless it is about the whole file ("ingest: <file>: …").
 */
export function parseProblems(r: ParseResult, file: string, text?: string): string[] {
  const out: string[] = [];
  if (r.papers.length + r.rejected.length === 0) out.push("no papers and no rejects");
  const lines = text === undefined ? Number.POSITIVE_INFINITY : text.split(/\r\n|\r|\n/).length;
  for (const p of r.papers)
    if (!p.sources.some((s) => s.file === file)) out.push(`paper ${p.id} does not name ${file}`);
  for (const x of r.rejected) {
    if (x.file !== file) out.push(`reject names ${x.file}, not ${file}`);
    if (!x.reason.trim()) out.push("reject with an empty reason");
    const fileLevel = x.reason.startsWith(`ingest: ${file}: `);
    if (!fileLevel && x.line === undefined && x.entry === undefined)
      out.push(`reject has neither line nor entry: ${x.reason.slice(0, 120)}`);
    if (x.line !== undefined && (x.line < 1 || x.line > lines))
      out.push(`reject line ${x.line} is outside the text (${lines} lines)`);
  }
  return out;
}

/** Run `fn`, returning its value (or error) and how long it took in ms. */
export function timed<T>(fn: () => T): { value?: T; error?: unknown; ms: number } {
  const t0 = performance.now();
  try {
    const value = fn();
    return { value, ms: performance.now() - t0 };
  } catch (error) {
    return { error, ms: performance.now() - t0 };
  }
}
