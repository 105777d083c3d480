// PubMed efetch XML (`PubmedArticleSet`), pretty-printed or one line per article. Each
// `PubmedArticle` is parsed on its own (a broken one is rejected alone); inline formatting
// (<i>, <sup>, <sub>, <b>, <u>) is reduced to its text first. Structured abstracts keep their
// labels ("BACKGROUND: …"), MeSH descriptors and keywords become tags, the ReferenceList
// becomes references. An empty set holds no records and is not an error.
import { squash } from "../../common/text.ts";
import { makeDate, monthNumber, parseMedlineDate } from "../dates.ts";
import { makeAuthor } from "../names.ts";
import { buildRecord } from "../record.ts";
import { makeReference, parseUnstructured } from "../references.ts";
import type {
  Author,
  FormatReader,
  PaperDate,
  ParseResult,
  Reference,
  Rejected,
} from "../types.ts";
import { attr, children, parseXmlChunk, texts, type XmlNode, xmlChunks } from "./xml.ts";

const FORMAT = "pubmed";
const INLINE = /<\/?(?:i|b|u|sup|sub|em|strong|mml:[\w-]+)(?:\s[^<>]*)?\/?>/gi;

const child = (n: unknown, ...path: string[]): XmlNode | undefined => {
  let cur: unknown = n;
  for (const p of path) cur = children(cur, p)[0];
  return cur as XmlNode | undefined;
};
const text1 = (n: unknown, name: string): string => texts(n, name)[0] ?? "";

/** "[Translated title]." → "Translated title." */
function cleanTitle(raw: string): string {
  const m = /^\[(.*)\]\.?$/.exec(raw.trim());
  return m ? `${m[1]}.` : raw;
}

function authorOf(a: XmlNode): Author | null {
  const collective = text1(a, "CollectiveName");
  const base = collective
    ? makeAuthor(collective)
    : makeAuthor({
        family: text1(a, "LastName"),
        given: text1(a, "ForeName") || text1(a, "Initials"),
      });
  if (!base) return null;
  const orcidNode = children(a, "Identifier").find((i) => attr(i, "Source") === "ORCID");
  const orcid = /\d{4}-\d{4}-\d{4}-\d{3}[\dX]/.exec(
    orcidNode ? (texts({ x: [orcidNode] }, "x")[0] ?? "") : "",
  )?.[0];
  const affiliations = children(a, "AffiliationInfo").flatMap((i) => texts(i, "Affiliation"));
  return {
    ...base,
    ...(orcid ? { ids: { orcid } } : {}),
    ...(affiliations.length ? { affiliations } : {}),
  };
}

function abstractOf(article: XmlNode | undefined): string {
  const parts = children(child(article, "Abstract"), "AbstractText").map((p) => {
    const body = texts({ x: [p] }, "x")[0] ?? "";
    const label = attr(p, "Label");
    return label && body ? `${label}: ${body}` : body;
  });
  return parts.filter(Boolean).join(" ");
}

function articleIds(list: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const id of children(list, "ArticleId")) {
    const type = attr(id, "IdType");
    const value = texts({ x: [id] }, "x")[0];
    if (type && value && !out[type]) out[type] = value;
  }
  return out;
}

function referencesOf(pubmedData: XmlNode | undefined): Reference[] {
  const lists = children(pubmedData, "ReferenceList");
  const refs = lists.flatMap((l) => [
    ...children(l, "Reference"),
    ...children(children(l, "ReferenceList")[0], "Reference"),
  ]);
  return refs
    .map((r) => {
      const ids = articleIds(child(r, "ArticleIdList"));
      const citation = text1(r, "Citation");
      if (!ids.doi && !ids.pubmed) return citation ? parseUnstructured(citation) : null;
      return makeReference({ doi: ids.doi, pmid: ids.pubmed }, {}, citation);
    })
    .filter((r): r is Reference => r !== null);
}

/** A <PubDate>/<ArticleDate>: Year, Month (number or name), Day; else its MedlineDate text. */
function xmlDate(node: XmlNode | undefined): PaperDate | null {
  const year = Number(text1(node, "Year"));
  if (!year) return parseMedlineDate(text1(node, "MedlineDate"));
  const m = text1(node, "Month");
  const month = /^\d+$/.test(m) ? Number(m) : m ? monthNumber(m) : null;
  const day = Number(text1(node, "Day")) || null;
  return makeDate(year, month, month ? day : null) ?? makeDate(year);
}

function dateOf(article: XmlNode | undefined): PaperDate | null {
  return (
    xmlDate(child(article, "Journal", "JournalIssue", "PubDate")) ??
    xmlDate(child(article, "ArticleDate"))
  );
}

function toRecord(
  tree: XmlNode,
  file: string,
  line: number,
): ParseResult["papers"][number] | string {
  const root = child(tree, "PubmedArticle");
  const citation = child(root, "MedlineCitation");
  const article = child(citation, "Article");
  const pubmedData = child(root, "PubmedData");
  const pmid = text1(citation, "PMID");
  const title = cleanTitle(text1(article, "ArticleTitle") || text1(article, "VernacularTitle"));
  if (!title) return "no ArticleTitle";
  const ids = articleIds(child(pubmedData, "ArticleIdList"));
  const eDoi = children(article, "ELocationID").find((e) => attr(e, "EIdType") === "doi");
  const mesh = children(child(citation, "MeshHeadingList"), "MeshHeading").flatMap((h) =>
    texts(h, "DescriptorName"),
  );
  const keywords = children(citation, "KeywordList").flatMap((k) => texts(k, "Keyword"));
  return buildRecord({
    title,
    authors: children(child(article, "AuthorList"), "Author")
      .map(authorOf)
      .filter((a): a is Author => a !== null),
    date: dateOf(article),
    abstract: abstractOf(article),
    doi: ids.doi ?? (eDoi ? texts({ x: [eDoi] }, "x")[0] : null) ?? null,
    venue: text1(child(article, "Journal"), "Title") || null,
    links: pmid ? [`https://pubmed.ncbi.nlm.nih.gov/${pmid}/`] : [],
    tags: [...new Set([...mesh, ...keywords].map(squash))],
    keywords: [...mesh, ...keywords],
    ids: { pmid: pmid || undefined },
    references: referencesOf(pubmedData),
    sources: [{ file, line, entry: pmid || undefined, format: FORMAT }],
  });
}

/** Parse a PubmedArticleSet; never throws on bad input. */
export function parsePubmed(text: string, file: string): ParseResult {
  const out: ParseResult = { papers: [], rejected: [] };
  const reject = (line: number, entry: string | undefined, why: string) =>
    out.rejected.push({
      file,
      line,
      entry,
      format: FORMAT,
      reason: `ingest/pubmed: ${file}:${line}: ${why}`,
    } satisfies Rejected);
  for (const chunk of xmlChunks(text, "PubmedBookArticle"))
    reject(chunk.line, undefined, "PubmedBookArticle (a book record) is not read");
  for (const chunk of xmlChunks(text, "PubmedArticle")) {
    const pmid = /<PMID[^>]*>\s*(\d+)/.exec(chunk.text)?.[1];
    if (!chunk.closed) {
      reject(chunk.line, pmid, "PubmedArticle is never closed");
      continue;
    }
    const tree = parseXmlChunk({ ...chunk, text: chunk.text.replace(INLINE, "") });
    if (typeof tree === "string") {
      reject(chunk.line, pmid, tree);
      continue;
    }
    const r = toRecord(tree, file, chunk.line);
    if (typeof r === "string") reject(chunk.line, pmid, r);
    else out.papers.push(r);
  }
  if (
    !out.papers.length &&
    !out.rejected.length &&
    /<PubmedArticleSet\s*(\/>|>\s*<\/PubmedArticleSet>)/.test(text)
  )
    out.empty = true;
  return out;
}

/** XML whose root is a PubmedArticleSet (or a bare PubmedArticle). */
function detect(text: string): boolean {
  return /<(PubmedArticleSet|PubmedArticle)[\s>]/.test(text.slice(0, 4096));
}

/** PubMed efetch XML; an empty set is reported as `empty`, not as a file with no records. */
export const reader: FormatReader = {
  format: FORMAT,
  detect,
  parse: (text, file) => parsePubmed(text, file),
};
