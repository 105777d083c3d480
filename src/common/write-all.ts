// Writing every byte or failing: fs.writeSync may write fewer bytes than asked (a disk that
// fills up mid-write), and a caller that ignores its return value leaves a torn file behind.
import { writeSync } from "node:fs";
import { OutputError } from "./fs-errors.ts";
import { escapeForTerminal } from "./terminal.ts";

/** The one write call output code makes; tests pass one that writes short or fails. */
export interface WriteIo {
  /** Like fs.writeSync(fd, buffer, offset, length): returns how many bytes it wrote. */
  write(fd: number, buffer: Uint8Array, offset: number, length: number): number;
}

/** The real file system. */
export const NODE_IO: WriteIo = {
  write: (fd, buffer, offset, length) => writeSync(fd, buffer, offset, length),
};

/**
 * Write all of `buffer[offset, offset + length)` to `fd`, retrying after a short write. A write
 * that makes no progress or throws becomes OutputError("write-failed") naming `name` (the path).
 */
export function writeAll(
  fd: number,
  buffer: Uint8Array,
  name: string,
  io: WriteIo = NODE_IO,
  offset = 0,
  length = buffer.length - offset,
): void {
  let done = 0;
  while (done < length) {
    let n: number;
    try {
      n = io.write(fd, buffer, offset + done, length - done);
    } catch (err) {
      throw writeFailed(name, err instanceof Error ? err.message : String(err), err);
    }
    if (!(n > 0)) throw writeFailed(name, `the write stopped after ${done} of ${length} bytes`);
    done += n;
  }
}

function writeFailed(name: string, why: string, cause?: unknown): OutputError {
  return new OutputError(
    "write-failed",
    name,
    `cannot write ${escapeForTerminal(name)}: ${escapeForTerminal(why)}`,
    {
      cause,
    },
  );
}
