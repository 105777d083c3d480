import { randomBytes } from "node:crypto";
import { appendFileSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** Chunks are gathered into writes of about this many characters. */
const BATCH_CHARS = 8 * 1024 * 1024;

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

function writeChunks(file: string, chunks: Iterable<string>): void {
  let batch: string[] = [];
  let size = 0;
  let started = false;
  const flush = () => {
    const text = batch.join("");
    if (started) appendFileSync(file, text);
    else writeFileSync(file, text);
    started = true;
    batch = [];
    size = 0;
  };
  for (const chunk of chunks) {
    batch.push(chunk);
    size += chunk.length;
    if (size >= BATCH_CHARS) flush();
  }
  if (batch.length > 0 || !started) flush();
}
