// Append-only JSONL files of the cache: read every line (skipping unreadable ones, such as a torn
// last line after a crash), append whole lines in one write. Each line carries a checksum of its
// JSON (`sealLine`): a line edited or damaged on disk fails it and reads as a miss, never as data.
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

/** The JSON of a line `sealLine` wrote, or null when the line fails its checksum. */
export function openLine(line: string): string | null {
  if (line.charCodeAt(CHECK_CHARS) !== 32) return null;
  const json = line.slice(CHECK_CHARS + 1);
  return sha256(json).slice(0, CHECK_CHARS) === line.slice(0, CHECK_CHARS) ? json : null;
}

export interface ReadResult {
  /** Lines `accept` took. */
  loaded: number;
  /** Lines that did not parse or that `accept` refused. */
  skipped: number;
  /** The file does not end with a line break (a torn last line): the next append starts a new line. */
  tornTail: boolean;
}

/** Read `file` line by line (a missing file is empty); `accept` parses one line, false or a throw skips it. */
export function readLines(file: string, accept: (line: string) => boolean): ReadResult {
  let text = "";
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    if ((err as { code?: string }).code !== "ENOENT")
      throw new Error(`cache: cannot read ${file}: ${(err as Error).message}`);
  }
  const out: ReadResult = { loaded: 0, skipped: 0, tornTail: text !== "" && !text.endsWith("\n") };
  let at = 0;
  while (at < text.length) {
    let end = text.indexOf("\n", at);
    if (end < 0) end = text.length;
    if (end > at) {
      let ok = false;
      try {
        ok = accept(text.slice(at, end));
      } catch {
        ok = false;
      }
      if (ok) out.loaded++;
      else out.skipped++;
    }
    at = end + 1;
  }
  return out;
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
