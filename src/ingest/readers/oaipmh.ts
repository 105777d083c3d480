// arXiv OAI-PMH ListRecords reader (metadataPrefix oai_dc). Each <record> is parsed on its own;
// records whose header says status="deleted" are not papers and are reported as rejected.
import { makeAuthor } from "../names.ts";
import { buildRecord, findLinks, normaliseArxivId, normaliseDoi } from "../record.ts";
import type { Author, FormatReader, PaperDate, ParseResult, Rejected } from "../types.ts";
import { parseLooseDate } from "./common.ts";
import { attr, children, parseXmlChunk, texts, type XmlNode, xmlChunks } from "./xml.ts";

const FORMAT = "oaipmh";
const CODE_HOST = /\b(github\.com|gitlab\.com|bitbucket\.org|huggingface\.co)\//i;

/** The earliest dc:date (the submission); "bad" when a date is present but none parses. */
function earliest(dates: string[]): PaperDate | null | "bad" {
  const parsed = dates.map(parseLooseDate).filter((d): d is PaperDate => d !== null);
  if (parsed.length === 0) return dates.length > 0 ? "bad" : null;
  return parsed.reduce((a, b) => (b.iso < a.iso ? b : a));
}

function toRecord(
  dc: XmlNode,
  file: string,
  line: number,
  oaiId: string,
): ParseResult["papers"][number] | string {
  const title = texts(dc, "title")[0] ?? "";
  if (!title) return "no title";
  const dates = texts(dc, "date");
  const date = earliest(dates);
  if (date === "bad") return `unparseable date "${dates[0]}"`;
  const descriptions = texts(dc, "description");
  const comments = descriptions.filter((d) => /^comment:/i.test(d));
  const abstract = descriptions.find((d) => !/^comment:/i.test(d)) ?? "";
  let arxivId: string | null = null;
  let doi: string | null = null;
  let venue: string | null = null;
  const links: string[] = [];
  for (const id of texts(dc, "identifier")) {
    if (/arxiv\.org\/abs\//i.test(id)) {
      arxivId ??= normaliseArxivId(id);
      if (!links.includes(id)) links.push(id);
    } else if (/^doi:|^https?:\/\/(dx\.)?doi\.org\//i.test(id)) {
      doi ??= normaliseDoi(id);
    } else if (/^https?:\/\//i.test(id)) {
      if (!links.includes(id)) links.push(id);
    } else {
      venue ??= id; // arXiv puts the journal reference here
    }
  }
  arxivId ??= normaliseArxivId(oaiId.replace(/^oai:arXiv\.org:/i, ""));
  for (const l of findLinks(comments.join(" "))) if (!links.includes(l)) links.push(l);
  const subjects = texts(dc, "subject");
  return buildRecord({
    title,
    authors: texts(dc, "creator")
      .map((c) => makeAuthor(c))
      .filter((a): a is Author => a !== null),
    date,
    abstract,
    category: subjects[0] ?? null,
    tags: [...new Set(subjects)],
    links,
    hasCode: links.some((l) => CODE_HOST.test(l)) || undefined,
    doi,
    arxivId,
    venue,
    sources: [{ file, line, entry: oaiId || undefined, format: FORMAT }],
  });
}

/** Parse an OAI-PMH ListRecords (oai_dc) response; never throws on bad input. */
export function parseOaiPmh(text: string, file: string): ParseResult {
  const papers: ParseResult["papers"] = [];
  const rejected: Rejected[] = [];
  for (const chunk of xmlChunks(text, "record")) {
    const reject = (reason: string, entry?: string) =>
      rejected.push({ file, line: chunk.line, entry, format: FORMAT, reason });
    if (!chunk.closed) {
      reject("record is not closed (truncated file?)");
      continue;
    }
    const tree = parseXmlChunk(chunk);
    if (typeof tree === "string") {
      reject(tree);
      continue;
    }
    const record = children(tree, "record")[0];
    const header = children(record, "header")[0];
    const oaiId = texts(header, "identifier")[0] ?? "";
    if (attr(header, "status") === "deleted") {
      reject("deleted in the repository", oaiId || undefined);
      continue;
    }
    const dc = children(children(record, "metadata")[0], "dc")[0];
    if (!dc) {
      reject("no oai_dc metadata", oaiId || undefined);
      continue;
    }
    const r = toRecord(dc, file, chunk.line, oaiId);
    if (typeof r === "string") reject(r, oaiId || undefined);
    else papers.push(r);
  }
  return { papers, rejected };
}

/** Content sniff: an OAI-PMH response (root element or namespace) near the top. */
function detect(text: string): boolean {
  const head = text.slice(0, 4096);
  return (
    /<(?:[\w.-]+:)?OAI-PMH[\s>]/.test(head) || head.includes("http://www.openarchives.org/OAI/2.0/")
  );
}

export const reader: FormatReader = {
  format: FORMAT,
  detect: (text) => detect(text),
  parse: (text, file) => parseOaiPmh(text, file),
};
