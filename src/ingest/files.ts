// Node-only: reading paths and folders from disk.
import { createHash } from "node:crypto";
import { open, readdir, realpath, stat } from "node:fs/promises";
import { join } from "node:path";
import { decodeBytes } from "./decode.ts";
import { detectReader, looksBinary } from "./detect.ts";
import { combineResults, parseText } from "./index.ts";
import { READERS } from "./readers/registry.ts";
import type { IngestOptions, IngestResult, ParseCache, ParseResult } from "./types.ts";

/**
 * Default per-file input limit in MB (1 MB = 2^20 bytes); raise it with --max-input-mb. A file is
 * read whole and decoded to one string (V8 caps a string at 2^29 − 24 characters, about 512 MB of
 * ASCII) and parsed in memory, so 256 MB keeps a read well inside Node's default ~4 GB heap.
 */
export const DEFAULT_MAX_INPUT_MB = 256;

/** Node-only reading options on top of IngestOptions. */
export interface FileLimits {
  /** Refuse (throw) before reading any file larger than this many MB. Default 256. */
  maxInputMb?: number;
  /** Parse results of earlier runs (default none): a file with the same path and bytes is not parsed again. */
  parseCache?: ParseCache;
}

/** Throw, naming the file, the limit and the option, when a file is over the input limit. */
async function checkSizes(files: string[], maxInputMb: number): Promise<void> {
  const limit = maxInputMb * 1024 * 1024;
  for (const file of files) {
    const s = await stat(file).catch(() => null);
    if (s && s.size > limit)
      throw overLimit(file, `${s.size} bytes (${(s.size / 2 ** 20).toFixed(1)} MB)`, maxInputMb);
  }
}

/** A file over the input limit: the run stops (unlike a file that cannot be read, which is rejected). */
export class InputLimitError extends Error {
  constructor(
    readonly file: string,
    what: string,
    readonly maxInputMb: number,
  ) {
    super(
      `ingest: ${file}: ${what} is over the input limit of ${maxInputMb} MB per file; ` +
        "raise it with --max-input-mb",
    );
    this.name = "InputLimitError";
  }
}

const overLimit = (file: string, what: string, maxInputMb: number) =>
  new InputLimitError(file, what, maxInputMb);

/**
 * Read a file, never more than the limit: a device or pipe (/dev/zero, a FIFO) has no size to
 * check beforehand and a file may grow while read, so the limit also holds while reading.
 */
async function readCapped(file: string, maxInputMb: number): Promise<Uint8Array> {
  const limit = maxInputMb * 1024 * 1024;
  const handle = await open(file, "r");
  try {
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const buf = new Uint8Array(1 << 20);
      const { bytesRead } = await handle.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > limit) throw overLimit(file, `more than ${limit} bytes`, maxInputMb);
      chunks.push(buf.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks);
  } finally {
    await handle.close();
  }
}

/**
 * Every non-hidden file under a folder, recursively, in code-unit order of their paths.
 * Symbolic links are followed once (a link back to an ancestor is not entered again).
 */
export async function listFolder(dir: string, seen = new Set<string>()): Promise<string[]> {
  const real = await realpath(dir).catch(() => dir);
  if (seen.has(real)) return [];
  seen.add(real);
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => !e.name.startsWith("."))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const e of names) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFolder(p, seen)));
    else if (e.isFile()) out.push(p);
    else if (e.isSymbolicLink()) {
      const s = await stat(p).catch(() => null);
      if (s?.isFile()) out.push(p);
      else if (s?.isDirectory()) out.push(...(await listFolder(p, seen)));
    }
  }
  return out;
}

/** Expand the user's paths into files; a missing path throws an error naming it. */
async function expand(paths: string[]): Promise<{ file: string; inFolder: boolean }[]> {
  const out: { file: string; inFolder: boolean }[] = [];
  for (const p of paths) {
    const s = await stat(p).catch(() => null);
    if (!s) throw new Error(`ingest: ${p}: no such file or directory`);
    if (s.isDirectory()) for (const f of await listFolder(p)) out.push({ file: f, inFolder: true });
    else out.push({ file: p, inFolder: false });
  }
  const seen = new Set<string>();
  return out.filter((f) => {
    if (seen.has(f.file)) return false;
    seen.add(f.file);
    return true;
  });
}

/**
 * Read every path (files, or folders of supported files read recursively), parse, merge
 * duplicates. Inside folders, hidden files are skipped and files no reader detects are reported
 * as rejected ("not a supported format") without being parsed. Paths in sources and fileHashes
 * are as the user gave them (joined with the folder's entries). A file over the input limit
 * (opts.maxInputMb, default 256 MB) is refused before anything is read: the error names the file,
 * the limit and the option that raises it.
 */
export async function ingestPaths(
  paths: string[],
  opts: IngestOptions & FileLimits,
): Promise<IngestResult> {
  const files = await expand(paths);
  const maxInputMb = opts.maxInputMb ?? DEFAULT_MAX_INPUT_MB;
  await checkSizes(
    files.map((f) => f.file),
    maxInputMb,
  );
  const hashes: Record<string, string> = {};
  const results: ParseResult[] = [];
  for (const { file, inFolder } of files) {
    const bytes = await readCapped(file, maxInputMb).catch((err: Error) => err);
    if (bytes instanceof InputLimitError) throw bytes;
    if (bytes instanceof Error) {
      results.push({
        papers: [],
        rejected: [{ file, reason: `ingest: ${file}: cannot read (${bytes.message})` }],
      });
      continue;
    }
    const hash = createHash("sha256").update(bytes).digest("hex");
    hashes[file] = hash;
    const cached = opts.parseCache?.get(file, hash, inFolder);
    if (cached) {
      results.push(cached);
      continue;
    }
    const text = decodeBytes(bytes, file).text;
    const result =
      inFolder && (!text.trim() || looksBinary(text) || !detectReader(text, file, READERS))
        ? { papers: [], rejected: [{ file, reason: "not a supported format" }] }
        : parseText(text, file, opts);
    opts.parseCache?.set(file, hash, inFolder, result);
    results.push(result);
  }
  return combineResults(results, hashes);
}
