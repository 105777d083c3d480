import { randomBytes } from "node:crypto";
import { closeSync, fsyncSync, openSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { ensureDir } from "./fs-dirs.ts";
import { outputTarget } from "./fs-target.ts";
import { NODE_IO, type WriteIo, writeAll } from "./write-all.ts";

export { ensureDir } from "./fs-dirs.ts";
export { OutputError, type OutputErrorCode } from "./fs-errors.ts";
export { NODE_IO, type WriteIo, writeAll } from "./write-all.ts";

/** Chunks are encoded into a buffer of this many bytes, written when full. */
const BUFFER_BYTES = 16 * 1024 * 1024;

export interface WriteFileOptions {
  /** The write call (default NODE_IO, the real file system); tests inject short writes. */
  io?: WriteIo;
  /**
   * Flush the temporary file to disk before the rename (default true): a file system that
   * reports a full disk only then fails here, not after "wrote". Caches, checked on read, skip it.
   */
  sync?: boolean;
}

/**
 * Write a file atomically: to a temporary file beside it, flushed to disk, then renamed over the
 * target, so a reader (or a killed build, or a full disk) sees the old file or the new one,
 * never a torn one. A symbolic link is followed (the file it points to is replaced, the link
 * kept); a character device or FIFO is written through; a folder, socket or block device is
 * refused (src/common/fs-target.ts). Every failure is an OutputError naming the path.
 * `data` may be a sequence of string chunks, for outputs larger than one JavaScript string.
 */
export function writeFileAtomic(
  path: string,
  data: string | Uint8Array | Iterable<string>,
  options: WriteFileOptions = {},
): void {
  ensureDir(dirname(path));
  const target = outputTarget(path);
  const io = options.io ?? NODE_IO;
  if (target.mode === "through") {
    writeToFile(target.path, target.path, data, io);
    return;
  }
  const dest = target.path;
  const tmp = join(
    dirname(dest),
    `.${basename(dest)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`,
  );
  try {
    writeToFile(tmp, path, data, io, options.sync ?? true);
    renameSync(tmp, dest);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** Open `file`, write all of `data` (errors name `shown`), flush it to disk when `sync`, close. */
function writeToFile(
  file: string,
  shown: string,
  data: string | Uint8Array | Iterable<string>,
  io: WriteIo,
  sync = false,
): void {
  const fd = openSync(file, "w");
  try {
    if (typeof data === "string") writeAll(fd, Buffer.from(data), shown, io);
    else if (data instanceof Uint8Array) writeAll(fd, data, shown, io);
    else writeChunks(fd, shown, data, io);
    if (sync) fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Write string chunks through one buffer: each chunk is UTF-8 encoded straight into it (no joined
 * batch string), and the buffer is written whenever the next chunk might not fit.
 */
function writeChunks(fd: number, shown: string, chunks: Iterable<string>, io: WriteIo): void {
  const buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  let used = 0;
  for (const chunk of chunks) {
    // a UTF-16 code unit takes at most 3 UTF-8 bytes
    if (used + 3 * chunk.length > buffer.length) {
      writeAll(fd, buffer, shown, io, 0, used);
      used = 0;
    }
    if (3 * chunk.length > buffer.length) writeAll(fd, Buffer.from(chunk), shown, io);
    else used += buffer.write(chunk, used);
  }
  if (used > 0) writeAll(fd, buffer, shown, io, 0, used);
}
