// BibTeX / BibLaTeX reader. citation-js parses each entry (syntax, LaTeX decoding, names);
// the file is split into entries first so a broken entry is rejected alone. Year and venue
// are inherited through `crossref`, or from the file's single @Proceedings entry.
import { makeAuthor } from "../../names.ts";
import { buildRecord, normaliseArxivId } from "../../record.ts";
import type { Author, FormatReader, PaperDate, ParseResult, Rejected } from "../../types.ts";
import { citationPlugins } from "../citation-js.ts";
import { errorText, makeDate, monthNumber } from "../common.ts";
import { listTruncated, repairNameList } from "./authors.ts";
import { repairRecords } from "./hyphens.ts";
import { leadingMacro, postText, postTitle, preLatex } from "./latex.ts";
import { macroRepairs, protectMacro, restoreMacro } from "./macros.ts";
import { type BibChunk, skipPreamble, splitBibtex } from "./split.ts";
import { STRING_DEFAULTS, type StringLimits, StringTable } from "./strings.ts";

const FORMAT = "bibtex";
/** Entry types that describe a volume, not a paper: sources of inherited fields only. */
const CONTAINER_TYPES = new Set(["proceedings", "mvproceedings"]);
const SKIPPED_TYPES = new Set(["comment", "preamble", "string"]);
/** Fields a paper inherits from its crossref parent or the file's @Proceedings. */
const INHERITED = ["year", "month", "date", "booktitle", "publisher", "address"] as const;
/** Fields that hold text with LaTeX in them, cleaned before citation-js decodes them. */
const TEXT_FIELDS = ["title", "booktitle", "journal", "journaltitle", "abstract", "series"];
const NAME_FIELDS = ["author", "editor"];

interface RawEntry {
  type: string;
  label: string;
  properties: Record<string, string | number>;
}

interface CslName {
  family?: string;
  given?: string;
  literal?: string;
  "non-dropping-particle"?: string;
  "dropping-particle"?: string;
}

interface CslItem {
  title?: string;
  author?: CslName[];
  abstract?: string;
  DOI?: string;
  URL?: string;
  "container-title"?: string;
  issued?: { "date-parts"?: (number | string)[][] };
}

/** Options for the BibTeX reader. */
export interface BibtexOptions {
  /** Inherit year/venue from the file's only @Proceedings when an entry has no crossref. Default true. */
  inheritFromSingleProceedings?: boolean;
  /** Bounds on @string expansion (default STRING_DEFAULTS, strings.ts). */
  strings?: Partial<StringLimits>;
}

/**
 * Parse one entry with citation-js's BibTeX grammar (throws on a syntax error). `text` is the
 * entry with the definitions of the macros it uses before it (StringTable.prepare).
 */
function parseSyntax(text: string, restore: (v: string | number) => string | number) {
  const entries = citationPlugins().input.chainLink(text, {
    forceType: "@biblatex/text",
  }) as RawEntry[];
  const entry = entries.find((e) => e && typeof e === "object" && e.label !== undefined);
  if (!entry) return null;
  for (const [k, v] of Object.entries(entry.properties)) entry.properties[k] = restore(v);
  return entry;
}

const str = (v: string | number | undefined): string => (v === undefined ? "" : String(v));

/** Copy the inherited fields a paper lacks from its parent entry. */
function inherit(entry: RawEntry, parent: RawEntry | undefined): RawEntry {
  if (!parent) return entry;
  const properties = { ...entry.properties };
  for (const f of INHERITED) {
    const v = parent.properties[f];
    if (properties[f] === undefined && v !== undefined) properties[f] = v;
  }
  // A @Proceedings' own title names the volume: it is the paper's booktitle when it has none.
  if (properties.booktitle === undefined && parent.properties.title !== undefined) {
    properties.booktitle = parent.properties.title;
  }
  return { ...entry, properties };
}

/** LaTeX clean-up and name repairs on the raw values, before citation-js maps them. */
function prepare(entry: RawEntry): RawEntry {
  const properties: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(entry.properties)) {
    if (typeof v !== "string") properties[k] = v;
    else if (NAME_FIELDS.includes(k)) properties[k] = repairNameList(preLatex(v));
    else if (TEXT_FIELDS.includes(k)) properties[k] = preLatex(v);
    else properties[k] = v;
  }
  return { ...entry, properties };
}

function toCsl(entry: RawEntry): CslItem {
  const items = citationPlugins().input.chainLink([entry], {
    forceType: "@bibtex/entries+list",
  }) as CslItem[];
  return items[0] ?? {};
}

/** A title that starts with an undefined macro, the macro kept as written ("\ours: …"). */
function withMacro(macro: string, rest: string, decoded: string | undefined): string {
  const text = postText(decoded ?? "");
  if (!text) return macro;
  return /^\s/.test(rest) ? `${macro} ${text}` : `${macro}${text}`;
}

/** The entry with every unescaped "$" of its text fields escaped: dollars, not math. */
function literalDollars(entry: RawEntry): RawEntry {
  const properties = { ...entry.properties };
  for (const k of TEXT_FIELDS) {
    const v = properties[k];
    if (typeof v === "string") properties[k] = v.replace(/(?<!\\)\$/g, "\\$");
  }
  return { ...entry, properties };
}

/**
 * citation-js's mapping; when it cannot read the math of a field (a lone "$" as in "costs $5"
 * is an unclosed formula to it), the same entry with its dollars taken as text.
 */
function toCslTolerant(entry: RawEntry): CslItem {
  try {
    return toCsl(entry);
  } catch (err) {
    const retry = literalDollars(entry);
    if (JSON.stringify(retry.properties) === JSON.stringify(entry.properties)) throw err;
    return toCsl(retry);
  }
}

/** "eric" → "Eric": a name typed all lower-case (particles like "van" are kept apart by CSL). */
function capitalise(name: string): string {
  return /^\p{Ll}+$/u.test(name) ? name.charAt(0).toUpperCase() + name.slice(1) : name;
}

function toAuthor(n: CslName): Author | null {
  if (n.literal) return makeAuthor(postText(n.literal));
  const family = [n["non-dropping-particle"], n.family].filter(Boolean).join(" ");
  const given = [n.given, n["dropping-particle"]].filter(Boolean).join(" ");
  return makeAuthor({ family: capitalise(postText(family)), given: capitalise(postText(given)) });
}

/** The entry's date; an "unparseable" marker when a year is present but not a year. */
function entryDate(entry: RawEntry): PaperDate | null | "unparseable" {
  const rawDate = str(entry.properties.date).trim();
  const iso = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(rawDate);
  if (iso) return makeDate(Number(iso[1]), Number(iso[2]) || null, Number(iso[3]) || null);
  const rawYear = str(entry.properties.year).trim();
  if (!rawYear) return null;
  const year = /^\{?(\d{4})\}?$/.exec(rawYear);
  if (!year) return "unparseable";
  return makeDate(Number(year[1]), monthNumber(str(entry.properties.month)), null);
}

function arxivOf(entry: RawEntry): string | null {
  const p = entry.properties;
  const prefix = `${str(p.archiveprefix)} ${str(p.eprinttype)}`.toLowerCase();
  const eprint = str(p.eprint);
  if (eprint && (prefix.includes("arxiv") || !prefix.trim())) {
    const id = normaliseArxivId(eprint);
    if (id) return id;
  }
  for (const f of ["arxiv", "arxivid", "arxiv_id"]) {
    const id = normaliseArxivId(str(p[f]));
    if (id) return id;
  }
  const url = str(p.url);
  return /arxiv\.org\//i.test(url) ? normaliseArxivId(url) : null;
}

function linksOf(entry: RawEntry, csl: CslItem): string[] {
  const links: string[] = [];
  for (const v of [
    csl.URL,
    entry.properties.url,
    entry.properties.pdf,
    entry.properties.software,
  ]) {
    const s = str(v).trim();
    if (/^https?:\/\//.test(s) && !links.includes(s)) links.push(s);
  }
  return links;
}

/** Parse BibTeX text into records; never throws on bad input. */
export function parseBibtex(text: string, file: string, options: BibtexOptions = {}): ParseResult {
  const inheritSingle = options.inheritFromSingleProceedings ?? true;
  const rejected: Rejected[] = [];
  const reject = (c: BibChunk, reason: string) =>
    rejected.push({ file, line: c.line, entry: c.key || undefined, format: FORMAT, reason });

  // Pass 1: syntax. @string definitions are expanded (bounded) and each entry gets the ones it uses.
  const strings = new StringTable({ ...STRING_DEFAULTS, ...options.strings });
  const parsed: { chunk: BibChunk; entry: RawEntry }[] = [];
  for (const chunk of splitBibtex(text)) {
    if (chunk.type === "string") {
      const bad = strings.define(chunk.text, chunk.line, chunk.closed);
      if (bad) reject(chunk, bad);
      continue;
    }
    if (SKIPPED_TYPES.has(chunk.type)) continue;
    if (!chunk.closed) {
      reject(chunk, "entry is not closed (unbalanced braces or truncated file)");
      continue;
    }
    const prepared = strings.prepare(chunk.text, chunk.line);
    if ("reason" in prepared) {
      reject(chunk, prepared.reason);
      continue;
    }
    try {
      const entry = parseSyntax(prepared.text, prepared.restore);
      if (entry) parsed.push({ chunk, entry });
      else reject(chunk, "no entry could be read");
    } catch (err) {
      reject(chunk, `syntax error: ${errorText(err)}`);
    }
  }

  // Pass 2: inheritance, mapping, records.
  const byKey = new Map(parsed.map((p) => [p.entry.label.toLowerCase(), p.entry]));
  const containers = parsed.filter((p) => CONTAINER_TYPES.has(p.entry.type));
  const single = inheritSingle && containers.length === 1 ? containers[0]?.entry : undefined;
  const papers: ParseResult["papers"] = [];
  for (const { chunk, entry } of parsed) {
    if (CONTAINER_TYPES.has(entry.type)) continue;
    try {
      const crossref = str(entry.properties.crossref).trim().toLowerCase();
      const inherited = inherit(entry, (crossref && byKey.get(crossref)) || single);
      const lead = leadingMacro(str(inherited.properties.title));
      const name = lead?.macro.slice(1) ?? "";
      const inAbstract = lead ? protectMacro(str(inherited.properties.abstract), name) : null;
      if (lead) {
        inherited.properties = { ...inherited.properties, title: lead.rest };
        if (inAbstract?.count) inherited.properties.abstract = inAbstract.text;
      }
      const full = prepare(inherited);
      const csl = toCslTolerant(full);
      const title = lead ? withMacro(lead.macro, lead.rest, csl.title) : postTitle(csl.title ?? "");
      if (!title) {
        reject(chunk, "no title");
        continue;
      }
      const date = entryDate(full);
      if (date === "unparseable") {
        reject(chunk, `unparseable year "${str(full.properties.year)}"`);
        continue;
      }
      const authors = (csl.author ?? []).map(toAuthor).filter((a): a is Author => a !== null);
      const venue = postText(csl["container-title"] ?? str(full.properties.journal));
      papers.push(
        buildRecord({
          title,
          authors,
          authorsTruncated: listTruncated(str(entry.properties.author)),
          date,
          abstract: inAbstract?.count
            ? restoreMacro(postText(csl.abstract ?? ""), name)
            : postText(csl.abstract ?? ""),
          doi: csl.DOI ?? str(full.properties.doi),
          arxivId: arxivOf(full),
          links: linksOf(full, csl),
          hasCode: str(full.properties.software).trim() !== "" || undefined,
          venue: venue || null,
          sources: [{ file, line: chunk.line, entry: entry.label, format: FORMAT }],
        }),
      );
      if (lead)
        papers[papers.length - 1].repairs = macroRepairs(lead.macro, inAbstract?.count ?? 0);
    } catch (err) {
      reject(chunk, `cannot map entry: ${errorText(err)}`);
    }
  }
  return { papers: repairRecords(papers), rejected };
}

/**
 * Content sniff: an "@type{key," entry at a line start within 64 KiB of the end of the file's
 * preamble (% comments, @comment, @string, @preamble: any length), and not JSON or XML.
 */
function detect(text: string): boolean {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, "");
  if (/^\s*[[{<]/.test(head)) return false;
  const from = skipPreamble(text);
  // from the start of the line the preamble ends on, so the pattern sees a line start
  const line = text.lastIndexOf("\n", from - 1) + 1;
  return /(^|[\r\n])[ \t]*@[ \t]*[A-Za-z]+[ \t]*[{(][ \t]*[^\s,{}()"=]+[ \t]*,/.test(
    text.slice(line, from + 65536),
  );
}

export const reader: FormatReader = {
  format: FORMAT,
  detect: (text) => detect(text),
  parse: (text, file) => parseBibtex(text, file),
};
