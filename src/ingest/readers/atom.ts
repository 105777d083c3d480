// arXiv API Atom reader (both the 2016 and the 2026 layouts). Each <entry> is parsed on its
// own with namespace prefixes stripped; a malformed or truncated entry is rejected alone.
import { makeAuthor } from "../names.ts";
import { buildRecord, findLinks, normaliseArxivId } from "../record.ts";
import type { Author, FormatReader, ParseResult, Rejected } from "../types.ts";
import { parseLooseDate } from "./common.ts";
import { attr, children, parseXmlChunk, texts, type XmlNode, xmlChunks } from "./xml.ts";

const FORMAT = "atom";
const CODE_HOST = /\b(github\.com|gitlab\.com|bitbucket\.org|huggingface\.co)\//i;

function toRecord(
  entry: XmlNode,
  file: string,
  line: number,
): ParseResult["papers"][number] | string {
  const id = texts(entry, "id")[0] ?? "";
  const title = texts(entry, "title")[0] ?? "";
  const summary = texts(entry, "summary")[0] ?? "";
  if (/arxiv\.org\/api\/errors/i.test(id)) return `arXiv API error: ${summary || title}`;
  if (!title) return "no title";
  const published = texts(entry, "published")[0] ?? texts(entry, "updated")[0] ?? "";
  const date = parseLooseDate(published);
  if (published && !date) return `unparseable date "${published}"`;
  const authors = children(entry, "author")
    .map((a) => makeAuthor(texts(a, "name")[0] ?? ""))
    .filter((a): a is Author => a !== null);
  const links: string[] = [];
  for (const l of children(entry, "link")) {
    const href = attr(l, "href");
    const isAbs = attr(l, "rel") === "alternate";
    const isPdf = attr(l, "title") === "pdf" || attr(l, "type") === "application/pdf";
    if (href && (isAbs || isPdf) && !links.includes(href)) links.push(href);
  }
  const comment = texts(entry, "comment").join(" ");
  for (const l of findLinks(comment)) if (!links.includes(l)) links.push(l);
  const categories = children(entry, "category")
    .map((c) => attr(c, "term"))
    .filter(Boolean);
  const primary = attr(children(entry, "primary_category")[0], "term") || categories[0] || null;
  const arxivId = /arxiv\.org\//i.test(id) ? normaliseArxivId(id) : null;
  if (!arxivId && /^https?:\/\//.test(id) && !links.includes(id)) links.unshift(id);
  return buildRecord({
    title,
    authors,
    date,
    abstract: summary,
    category: primary,
    tags: [...new Set(categories)],
    links,
    hasCode: links.some((l) => CODE_HOST.test(l)) || undefined,
    doi: texts(entry, "doi")[0] ?? null,
    arxivId,
    venue: texts(entry, "journal_ref")[0] ?? null,
    sources: [{ file, line, entry: arxivId ?? (id || undefined), format: FORMAT }],
  });
}

/** Parse an Atom feed; never throws on bad input. */
export function parseAtom(text: string, file: string): ParseResult {
  const papers: ParseResult["papers"] = [];
  const rejected: Rejected[] = [];
  for (const chunk of xmlChunks(text, "entry")) {
    const reject = (reason: string) =>
      rejected.push({ file, line: chunk.line, format: FORMAT, reason });
    if (!chunk.closed) {
      reject("entry is not closed (truncated file?)");
      continue;
    }
    const tree = parseXmlChunk(chunk);
    if (typeof tree === "string") {
      reject(tree);
      continue;
    }
    const entry = children(tree, "entry")[0];
    const r = entry ? toRecord(entry, file, chunk.line) : "empty entry";
    if (typeof r === "string") reject(r);
    else papers.push(r);
  }
  return { papers, rejected };
}

/** Content sniff: an Atom <feed> (any prefix) in the Atom namespace. */
function detect(text: string): boolean {
  const head = text.slice(0, 4096);
  return /<(?:[\w.-]+:)?feed[\s>]/.test(head) && head.includes("http://www.w3.org/2005/Atom");
}

export const reader: FormatReader = {
  format: FORMAT,
  detect: (text) => detect(text),
  parse: (text, file) => parseAtom(text, file),
};
