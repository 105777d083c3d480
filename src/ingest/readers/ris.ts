// RIS reader: a small tag-line reader ("TY  - JOUR" … "ER  - "), any line endings.
// Each TY…ER block is one record; a block cut off before ER is rejected with its TY line.
import { makeAuthor } from "../names.ts";
import { buildRecord, normaliseArxivId } from "../record.ts";
import type { Author, FormatReader, PaperDate, ParseResult, Rejected } from "../types.ts";
import { parseLooseDate, uniqueAuthors } from "./common.ts";

const FORMAT = "ris";
const TAG_LINE = /^([A-Z][A-Z0-9]) {1,2}-(?: (.*))?$/;

/** One TY…ER block: its 1-based TY line and tag → values in order. */
export interface RisBlock {
  line: number;
  tags: Map<string, string[]>;
  closed: boolean;
}

/** Split RIS text into blocks. Lines that are not tag lines continue the previous value. */
export function risBlocks(text: string): RisBlock[] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const blocks: RisBlock[] = [];
  let current: RisBlock | null = null;
  let lastTag = "";
  lines.forEach((raw, i) => {
    const m = TAG_LINE.exec(raw.trimEnd());
    if (m) {
      const tag = m[1] ?? "";
      const value = (m[2] ?? "").trim();
      if (tag === "TY") {
        if (current) blocks.push(current);
        current = { line: i + 1, tags: new Map([["TY", [value]]]), closed: false };
      } else if (tag === "ER") {
        if (current) {
          current.closed = true;
          blocks.push(current);
        }
        current = null;
      } else if (current) {
        const list = current.tags.get(tag) ?? [];
        list.push(value);
        current.tags.set(tag, list);
      }
      lastTag = tag;
    } else if (current && raw.trim() && lastTag) {
      const list = current.tags.get(lastTag);
      if (list && list.length > 0) list[list.length - 1] = `${list[list.length - 1]} ${raw.trim()}`;
    }
  });
  if (current) blocks.push(current);
  return blocks;
}

const first = (b: RisBlock, ...tags: string[]): string => {
  for (const t of tags) {
    const v = b.tags.get(t)?.find((x) => x.trim() !== "");
    if (v) return v.trim();
  }
  return "";
};
const all = (b: RisBlock, ...tags: string[]): string[] =>
  tags.flatMap((t) => b.tags.get(t) ?? []).filter((v) => v.trim() !== "");

/** The most precise of DA / Y1 / PY that agrees with PY's year; "bad" when PY has no year. */
function blockDate(b: RisBlock): PaperDate | null | "bad" {
  const py = first(b, "PY");
  const pyDate = parseLooseDate(py);
  if (py && !pyDate) return "bad";
  const rank = { year: 0, month: 1, day: 2 } as const;
  let best = pyDate;
  for (const raw of [first(b, "DA"), first(b, "Y1")]) {
    const d = parseLooseDate(raw);
    if (!d || (pyDate && d.iso.slice(0, 4) !== pyDate.iso.slice(0, 4))) continue;
    if (!best || rank[d.precision] > rank[best.precision]) best = d;
  }
  return best;
}

function toRecord(b: RisBlock, file: string): ParseResult["papers"][number] | string {
  const title = first(b, "TI", "T1", "CT", "BT");
  if (!title) return "no title (TI/T1)";
  const date = blockDate(b);
  if (date === "bad") return `unparseable year "${first(b, "PY")}"`;
  const authors = uniqueAuthors(
    all(b, "AU", "A1")
      .map((n) => makeAuthor(n))
      .filter((a): a is Author => a !== null),
  );
  const links = [...new Set(all(b, "UR", "L1", "L2").filter((u) => /^https?:\/\//.test(u)))];
  const arxivUrl = links.find((u) => /arxiv\.org\//i.test(u));
  const id = first(b, "ID");
  return buildRecord({
    title,
    authors,
    date,
    abstract: first(b, "AB", "N2"),
    doi: first(b, "DO"),
    arxivId: arxivUrl ? normaliseArxivId(arxivUrl) : null,
    links,
    tags: [...new Set(all(b, "KW").map((k) => k.trim()))],
    venue: first(b, "JF", "JO", "T2", "JA", "BT") || null,
    sources: [{ file, line: b.line, entry: id || undefined, format: FORMAT }],
  });
}

/** Parse RIS text into records; never throws on bad input. */
export function parseRis(text: string, file: string): ParseResult {
  const papers: ParseResult["papers"] = [];
  const rejected: Rejected[] = [];
  for (const b of risBlocks(text)) {
    const entry = first(b, "ID") || undefined;
    if (!b.closed) {
      rejected.push({ file, line: b.line, entry, format: FORMAT, reason: "record has no ER line" });
      continue;
    }
    const r = toRecord(b, file);
    if (typeof r === "string")
      rejected.push({ file, line: b.line, entry, format: FORMAT, reason: r });
    else papers.push(r);
  }
  return { papers, rejected };
}

export const reader: FormatReader = {
  format: FORMAT,
  detect: (text) => /(^|[\r\n])TY {1,2}- ?\S/.test(text.slice(0, 65536).replace(/^\uFEFF/, "")),
  parse: (text, file) => parseRis(text, file),
};
