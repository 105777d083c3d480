// Append-only JSONL files of the cache: read every line (skipping unreadable ones, such as a torn
// last line after a crash), append whole lines in one write. Each line carries a checksum of its
// JSON (`sealLine`): a line edited or damaged on disk fails it and reads as a miss, never as data.
// A file is read as bytes and each line checked on its own bytes, then decoded alone: decoding
// the whole file into one string made all of it two-byte when any line held a non-ASCII letter,
// and every checksum then encoded its line back to UTF-8 first.
import { appendFileSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { ensureDir } from "../common/fs.ts";
import { sha256 } from "./version.ts";

/** Hex digits of sha256 a line keeps: 64 bits, against damage (not against forgery). */
const CHECK_CHARS = 16;

/** A cache line: the first 16 hex digits of sha256(json), a space, the JSON, a line break. */
export function sealLine(json: string): string {
  return `${sha256(json).slice(0, CHECK_CHARS)} ${json}\n`;
}

const SPACE = 0x20;
const LINE_BREAK = 0x0a;

/**
 * The JSON of a line `sealLine` wrote (its bytes, without the line break), or null when the line
 * fails its checksum.
 */
export function openLine(line: Uint8Array): string | null {
  if (line.length <= CHECK_CHARS || line[CHECK_CHARS] !== SPACE) return null;
  const bytes = Buffer.from(line.buffer, line.byteOffset, line.length);
  const json = bytes.subarray(CHECK_CHARS + 1);
  return sha256(json).slice(0, CHECK_CHARS) === bytes.toString("latin1", 0, CHECK_CHARS)
    ? json.toString("utf8")
    : null;
}

export interface ReadResult {
  /** Lines `accept` took. */
  loaded: number;
  /** Lines that did not parse or that `accept` refused. */
  skipped: number;
  /** The file does not end with a line break (a torn last line): the next append starts a new line. */
  tornTail: boolean;
}

/**
 * Read `file` line by line (a missing file is empty): a line that fails its checksum (openLine)
 * is skipped; `accept` parses the JSON of the others, false or a throw skips it.
 */
export function readLines(file: string, accept: (json: string) => boolean): ReadResult {
  let bytes: Buffer = Buffer.alloc(0);
  try {
    bytes = readFileSync(file);
  } catch (err) {
    if ((err as { code?: string }).code !== "ENOENT")
      throw new Error(`cache: cannot read ${file}: ${(err as Error).message}`);
  }
  const out: ReadResult = {
    loaded: 0,
    skipped: 0,
    tornTail: bytes.length > 0 && bytes[bytes.length - 1] !== LINE_BREAK,
  };
  let at = 0;
  while (at < bytes.length) {
    let end = bytes.indexOf(LINE_BREAK, at);
    if (end < 0) end = bytes.length;
    if (end > at) {
      if (acceptLine(bytes.subarray(at, end), accept)) out.loaded++;
      else out.skipped++;
    }
    at = end + 1;
  }
  return out;
}

/** Whether one line passes its checksum and `accept` takes its JSON (a throw is a no). */
function acceptLine(line: Uint8Array, accept: (json: string) => boolean): boolean {
  const json = openLine(line);
  if (json === null) return false;
  try {
    return accept(json);
  } catch {
    return false;
  }
}

/** Append lines (each ending in "\n") to `file` in one write, on a fresh line after a torn tail. */
export function appendLines(file: string, lines: string[], tornTail: boolean): void {
  if (!lines.length) return;
  ensureDir(dirname(file));
  appendFileSync(file, (tornTail ? "\n" : "") + lines.join(""));
}

/**
 * Delete all but the `keep` most recently written `<prefix>-*.jsonl` files in `dir` (prefix
 * default "extract"), never `current`.
 */
export function pruneCacheFiles(
  dir: string,
  keep: number,
  current: string,
  prefix = "extract",
): string[] {
  const name = new RegExp(`^${prefix}-[0-9a-f]{16}\\.jsonl$`);
  const files = readdirSync(dir)
    .filter((f) => name.test(f))
    .map((f) => ({ f: join(dir, f), t: statSync(join(dir, f)).mtimeMs }))
    .filter((x) => x.f !== current)
    .sort((a, b) => b.t - a.t || (a.f < b.f ? -1 : 1));
  const gone = files.slice(Math.max(0, keep - 1)).map((x) => x.f);
  for (const f of gone) rmSync(f, { force: true });
  return gone;
}
