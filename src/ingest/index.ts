// Public surface of the ingest stage (browser-safe: no node:fs here; see files.ts for paths).

export { type DecodedText, decodeBytes, type Encoding } from "./decode.ts";
export { detectReader, looksBinary } from "./detect.ts";
export { type MergeResult, mergeRecords } from "./merge.ts";
export * from "./types.ts";

import { decodeBytes } from "./decode.ts";
import { detectReader, extensionOf, looksBinary } from "./detect.ts";
import { mergeRecords } from "./merge.ts";
import { READERS } from "./readers/registry.ts";
import {
  type FormatReader,
  type IngestOptions,
  type IngestResult,
  PaperRecord,
  type ParseResult,
  type Rejected,
} from "./types.ts";

function fileReject(file: string, why: string, format?: string): Rejected {
  return { file, ...(format ? { format } : {}), reason: `ingest: ${file}: ${why}` };
}

/** Why no reader took a text: empty, binary, or simply unknown. */
function unsupported(text: string, file: string): string {
  if (!text.trim()) return "not a supported format (empty file)";
  if (looksBinary(text)) return "not a supported format (binary data)";
  const ext = extensionOf(file);
  return `not a supported format (no reader recognised its content${ext ? `; extension .${ext}` : ""})`;
}

/** Run a reader without letting it throw; validate its papers against the record schema. */
function runReader(
  reader: FormatReader,
  text: string,
  file: string,
  opts: IngestOptions,
): ParseResult {
  let result: ParseResult;
  try {
    result = reader.parse(text, file, opts);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    return {
      papers: [],
      rejected: [fileReject(file, `${reader.format} reader failed: ${msg}`, reader.format)],
    };
  }
  const out: ParseResult = { papers: [], rejected: [...result.rejected] };
  for (const p of result.papers) {
    const ok = PaperRecord.safeParse(p);
    if (ok.success) {
      out.papers.push(ok.data);
      continue;
    }
    const src = p?.sources?.[0];
    const issue = ok.error.issues[0];
    out.rejected.push({
      file,
      ...(src?.line ? { line: src.line } : {}),
      ...(src?.entry ? { entry: src.entry } : {}),
      format: reader.format,
      reason: `ingest/${reader.format}: ${file}: invalid record (${issue?.path.join(".") ?? ""}: ${issue?.message ?? "?"})`,
    });
  }
  if (out.papers.length === 0 && out.rejected.length === 0 && !result.empty)
    out.rejected.push(
      fileReject(file, `no records found (read as ${reader.format})`, reader.format),
    );
  return out;
}

/**
 * Parse one file's text. The format is detected by content (readers' sniffs in registry order,
 * the extension only as a tie-break). Never throws: an empty, binary or unknown file gives one
 * Rejected entry naming the file; bad entries are rejected one by one and the rest loads.
 */
export function parseText(
  text: string,
  file: string,
  opts: IngestOptions,
  readers: readonly FormatReader[] = READERS,
): ParseResult {
  const clean = text.replace(/^\uFEFF/, "");
  const reader = clean.trim() && !looksBinary(clean) ? detectReader(clean, file, readers) : null;
  if (!reader) return { papers: [], rejected: [fileReject(file, unsupported(clean, file))] };
  return runReader(reader, clean, file, opts);
}

/** One input for `ingestTexts`: a file name with its text or its raw bytes. */
export interface TextInput {
  file: string;
  text?: string;
  bytes?: Uint8Array;
  /** sha256 hex of the bytes, when the caller computed it (reported in fileHashes). */
  sha256?: string;
}

/** Summarise and merge per-file results into an IngestResult. */
export function combineResults(
  results: ParseResult[],
  fileHashes: Record<string, string> = {},
): IngestResult {
  const papers = results.flatMap((r) => r.papers);
  const rejected = results.flatMap((r) => r.rejected);
  const merged = mergeRecords(papers);
  return {
    papers: merged.papers,
    rejected,
    summary: {
      records: papers.length + rejected.length,
      read: papers.length,
      merged: merged.merged,
      rejected: rejected.length,
      papers: merged.papers.length,
    },
    merges: merged.merges,
    fileHashes,
  };
}

/**
 * Ingest in-memory files (the browser worker's entry point): decode bytes, parse each file,
 * merge duplicates across all of them. Never throws on bad input.
 */
export function ingestTexts(inputs: TextInput[], opts: IngestOptions): IngestResult {
  const hashes: Record<string, string> = {};
  const results = inputs.map((input) => {
    if (input.sha256) hashes[input.file] = input.sha256;
    const text = input.text ?? (input.bytes ? decodeBytes(input.bytes, input.file).text : "");
    return parseText(text, input.file, opts);
  });
  return combineResults(results, hashes);
}
