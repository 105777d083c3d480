import { z } from "zod";

/** Where a record came from: a file and a 1-based line, or an entry key/index. */
export const SourceRef = z.object({
  file: z.string(),
  line: z.number().int().positive().optional(),
  entry: z.string().optional(),
  format: z.string(),
});
export type SourceRef = z.infer<typeof SourceRef>;

/**
 * Author identifiers a source carries: ORCID ("0000-0002-1825-0097"), Semantic Scholar
 * authorId, Scopus author id, OpenAlex author id ("A5023888391"). Two different ids of one kind
 * are two people, whatever their names.
 */
export const AuthorIds = z
  .object({ orcid: z.string(), s2: z.string(), scopus: z.string(), openalex: z.string() })
  .partial();
export type AuthorIds = z.infer<typeof AuthorIds>;

export const Author = z.object({
  /** The name as the source wrote it (LaTeX decoded, whitespace collapsed). */
  name: z.string().min(1),
  /** Normalised key: "family|given" folded to lower-case ASCII, e.g. "clifton|lei" or "clifton|l". */
  key: z.string().min(1),
  family: z.string().optional(),
  given: z.string().optional(),
  /** Identifiers from the source, when it has them. */
  ids: AuthorIds.optional(),
  /** Institutions / affiliations as the source names them. */
  affiliations: z.array(z.string()).optional(),
});
export type Author = z.infer<typeof Author>;

/**
 * A work a paper cites. `id` is "doi:10.x/y", "pmid:123", "openalex:W123", "s2:<paperId>",
 * else "ref:<first-author family>|<year>|v<volume>|p<page>" (or "|<venue slug>" when volume or
 * page is missing) built from what a WoS CR line or an unstructured reference gives
 * (src/ingest/references.ts). `alt` holds the other ids the source knows for it; `label` a
 * human-readable citation (the CR line, the unstructured text or title/venue/year).
 */
export const Reference = z.object({
  id: z.string().min(1),
  alt: z.array(z.string()).optional(),
  label: z.string().optional(),
});
export type Reference = z.infer<typeof Reference>;

/** Source identifiers of a paper besides DOI and arXiv id (merge keys and citation targets). */
export const PaperIds = z.object({
  pmid: z.string().optional(),
  openalex: z.string().optional(),
  s2: z.string().optional(),
  wos: z.string().optional(),
});
export type PaperIds = z.infer<typeof PaperIds>;

export const DatePrecision = z.enum(["year", "month", "day"]);
export const PaperDate = z.object({
  /** "2023", "2023-02" or "2023-02-09", matching precision. */
  iso: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
  precision: DatePrecision,
});
export type PaperDate = z.infer<typeof PaperDate>;

/** The paper record: the contract between ingest and every later stage. */
export const PaperRecord = z.object({
  /** Stable id: "doi:10.x/y", "arxiv:2301.01234", else "slug:<title-slug>-<year>". */
  id: z.string().min(1),
  title: z.string().min(1),
  authors: z.array(Author),
  authorsTruncated: z.boolean(),
  date: PaperDate.nullable(),
  abstract: z.string(),
  category: z.string().nullable(),
  hasCode: z.boolean(),
  score: z.number().nullable(),
  tags: z.array(z.string()),
  links: z.array(z.string()),
  doi: z.string().nullable(),
  arxivId: z.string().nullable(),
  venue: z.string().nullable(),
  sources: z.array(SourceRef).min(1),
  /** PubMed, OpenAlex, Semantic Scholar and Web of Science ids, where the source gives them. */
  ids: PaperIds.optional(),
  /**
   * Keywords the source assigns (MeSH headings, OpenAlex keywords and topics, author keywords),
   * unique, in the source's order. The extraction makes an entity of each one the title or
   * abstract shows (rule "source").
   */
  keywords: z.array(z.string()).optional(),
  /** The works this paper cites, in the source's order, unique by id (when the source lists them). */
  references: z.array(Reference).optional(),
  /**
   * Changes the reader made to the source's text, one line each: a line-break hyphen joined in a
   * PDF-extracted BibTeX abstract ('abstract: "classifi- cation" → "classification"').
   */
  repairs: z.array(z.string()).optional(),
});
export type PaperRecord = z.infer<typeof PaperRecord>;

/** A record that could not be read, and why. */
export const Rejected = z.object({
  file: z.string(),
  line: z.number().int().positive().optional(),
  entry: z.string().optional(),
  format: z.string().optional(),
  reason: z.string(),
});
export type Rejected = z.infer<typeof Rejected>;

export interface IngestOptions {
  /** The listing's "today": yearless seed dates take its year. Default: now. */
  asOf: Date;
}

/** What one parser returns for one file. `records` counts every record the file held. */
export interface ParseResult {
  papers: PaperRecord[];
  rejected: Rejected[];
  /** True when the file is a valid response that holds no records (a PubMed empty set). */
  empty?: boolean;
}

/**
 * Per-file parse results kept between runs (Node: src/cache/ingest.ts), keyed by the path as
 * given, the file's content hash and whether it was found in a folder (an undetected file in a
 * folder is rejected unparsed). A hit replaces decoding and parsing; the result must be the one
 * the same file and options would give.
 */
export interface ParseCache {
  get(file: string, sha256: string, inFolder: boolean): ParseResult | undefined;
  set(file: string, sha256: string, inFolder: boolean, result: ParseResult): void;
}

/** A format reader: pure, never throws on bad input (returns rejects instead). */
export interface FormatReader {
  format: string;
  /** Cheap content sniff: true when this text looks like this format. */
  detect(text: string, fileName: string): boolean;
  parse(text: string, file: string, opts: IngestOptions): ParseResult;
}

export interface IngestSummary {
  /** Records found in the inputs (papers before merge + rejected). */
  records: number;
  /** Records that became papers, before duplicate merge. */
  read: number;
  /** Records folded into another record by duplicate merge. */
  merged: number;
  rejected: number;
  /** Papers after merge. */
  papers: number;
}

/** One merged paper: its id, its records' sources and the kinds of key that joined them. */
export interface MergeReport {
  id: string;
  /** Match-key kinds that joined its records: doi, arxiv, pmid, openalex, s2, wos, ta, ty. */
  by: string[];
  sources: SourceRef[];
}

export interface IngestResult {
  papers: PaperRecord[];
  rejected: Rejected[];
  summary: IngestSummary;
  /** Every paper made of two or more records (duplicate merge), sorted by id. */
  merges?: MergeReport[];
  /** sha256 of each input file's bytes, keyed by path as given. */
  fileHashes: Record<string, string>;
}
