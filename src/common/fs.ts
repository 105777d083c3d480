import { randomBytes } from "node:crypto";
import {
  closeSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";

/** Chunks are encoded into a buffer of this many bytes, written when full. */
const BUFFER_BYTES = 16 * 1024 * 1024;

/**
 * Write a file atomically: to a temporary file beside it, then rename over the target,
 * so a reader (or a killed build) sees the old file or the new one, never a torn one.
 * `data` may be a sequence of string chunks, for outputs larger than one JavaScript string.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array | Iterable<string>): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`,
  );
  try {
    if (typeof data === "string" || data instanceof Uint8Array) writeFileSync(tmp, data);
    else writeChunks(tmp, data);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/**
 * Write string chunks through one buffer: each chunk is UTF-8 encoded straight into it (no joined
 * batch string), and the buffer is written whenever the next chunk might not fit.
 */
function writeChunks(file: string, chunks: Iterable<string>): void {
  const fd = openSync(file, "w");
  try {
    const buffer = Buffer.allocUnsafe(BUFFER_BYTES);
    let used = 0;
    for (const chunk of chunks) {
      // a UTF-16 code unit takes at most 3 UTF-8 bytes
      if (used + 3 * chunk.length > buffer.length) {
        writeSync(fd, buffer, 0, used);
        used = 0;
      }
      if (3 * chunk.length > buffer.length) writeSync(fd, chunk);
      else used += buffer.write(chunk, used);
    }
    if (used > 0) writeSync(fd, buffer, 0, used);
  } finally {
    closeSync(fd);
  }
}
