// The CLI's own output: data on stdout (every byte written or the command fails), messages on
// stderr (one line each, with control and bidi characters escaped), and the output paths made
// ready before a build starts, so a path that cannot be written fails at once.
import { fstatSync } from "node:fs";
import { dirname, extname } from "node:path";
import { isatty } from "node:tty";
import { ensureDir, writeAll } from "../common/fs.ts";
import { outputTarget } from "../common/fs-target.ts";
import { escapeForTerminal } from "../common/terminal.ts";

/** Whether fd 1 is written synchronously by fs.writeSync: a file or a device other than a TTY. */
function stdoutIsFile(): boolean {
  try {
    const s = fstatSync(1);
    return s.isFile() || (s.isCharacterDevice() && !isatty(1));
  } catch {
    return false;
  }
}

/**
 * Write `text` to stdout. A file (or /dev/full) is written with every byte checked (Node's own
 * stream ignores a short write) and fails with OutputError("write-failed") on a full disk. A pipe
 * or TTY goes through process.stdout (synchronous on Linux); its errors arrive as the stream's
 * "error" event, which src/cli/bin.ts turns into exit 1 (EPIPE, a reader that stopped: 0).
 */
export function writeStdout(text: string): void {
  if (stdoutIsFile()) writeAll(1, Buffer.from(text), "stdout");
  else process.stdout.write(text);
}

/** Write messages to stderr, each on its own line with unsafe characters escaped. */
export function logLines(...lines: string[]): void {
  if (lines.length) process.stderr.write(lines.map((l) => `${escapeForTerminal(l)}\n`).join(""));
}

/** Make the folder of output file `file` and check what is there now (throws OutputError). */
export function prepareOutputFile(file: string): void {
  ensureDir(dirname(file));
  outputTarget(file);
}

/** Make folder `dir` (throws OutputError). */
export function prepareOutputFolder(dir: string): void {
  ensureDir(dir);
}

/** A build's -o: a file, or for csv without an extension a folder. */
export function prepareBuildOutput(out: string, format: string): void {
  if (format !== "csv") prepareOutputFile(out);
  else prepareOutputFolder(extname(out) === "" ? out : dirname(out));
}
