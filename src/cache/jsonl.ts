// Append-only JSONL files of the cache: read every line (skipping unreadable ones, such as a torn
// last line after a crash), append whole lines in one write.
import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";

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
  mkdirSync(dirname(file), { recursive: true });
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
