// Child process for test/atomic.test.ts: runs the litgraph CLI (from src/) and stops at a chosen
// moment of writing its output, deterministically, by wrapping node:fs:
//   node --import tsx test/fuzz/kill-at.ts <moment> <litgraph args…>
// moments: none; open, mid-write, before-rename: the process announces "kill-at: paused <moment>"
// on stderr and blocks there, for the test to SIGKILL it from outside. "open": the first file
// opened for writing in the output's folder (-o) exists and is empty; "mid-write": half of the
// first write to such a file is on disk; "before-rename": a file of that folder is complete and
// about to be renamed. Any file of that folder counts, not only temporary ones: an output written
// in place would be caught half written.
import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import { dirname, resolve } from "node:path";

const [moment, ...args] = process.argv.slice(2);
const MOMENTS = ["none", "open", "mid-write", "before-rename"];
if (!MOMENTS.includes(moment)) {
  console.error(`kill-at: unknown moment '${moment}' (${MOMENTS.join(", ")})`);
  process.exit(2);
}
// Only the output's folder: the cache dir has atomic writes of its own.
const out = args.includes("-o") ? resolve(dirname(args[args.indexOf("-o") + 1])) : null;
const inOut = (p: unknown) =>
  (typeof p === "string" || p instanceof URL) &&
  out !== null &&
  resolve(dirname(String(p))) === out;

const { openSync, writeSync, writeFileSync, renameSync } = fs;
/** Say where we are (synchronously, fd 2), then block until killed. */
function pause(): never {
  writeSync(2, `kill-at: paused ${moment}\n`);
  const flag = new Int32Array(new SharedArrayBuffer(4));
  for (;;) Atomics.wait(flag, 0, 0);
}

const outFds = new Set<number>();
fs.openSync = ((path: fs.PathLike, ...rest: unknown[]) => {
  const fd = (openSync as (...a: unknown[]) => number)(path, ...rest);
  if (inOut(path)) {
    if (moment === "open") pause();
    outFds.add(fd);
  }
  return fd;
}) as typeof fs.openSync;
fs.writeSync = ((fd: number, data: string | NodeJS.ArrayBufferView, ...rest: unknown[]) => {
  const call = writeSync as (...a: unknown[]) => number;
  if (moment !== "mid-write" || !outFds.has(fd)) return call(fd, data, ...rest);
  if (typeof data === "string") call(fd, data.slice(0, data.length >> 1));
  else {
    const [offset = 0, length = data.byteLength] = rest as [number?, number?];
    call(fd, data, offset, length >> 1);
  }
  pause();
}) as typeof fs.writeSync;
fs.writeFileSync = ((path: fs.PathOrFileDescriptor, data: string | Uint8Array, ...rest) => {
  if (!inOut(path) || (moment !== "open" && moment !== "mid-write"))
    return writeFileSync(path, data, ...(rest as []));
  const half =
    typeof data === "string" ? data.slice(0, data.length >> 1) : data.subarray(0, data.length >> 1);
  writeFileSync(path, moment === "open" ? "" : half);
  pause();
}) as typeof fs.writeFileSync;
fs.renameSync = ((from: fs.PathLike, to: fs.PathLike) => {
  if (moment === "before-rename" && inOut(from)) pause();
  renameSync(from, to);
}) as typeof fs.renameSync;
syncBuiltinESMExports();
const { main } = await import("../../src/cli/index.ts");
process.exitCode = await main(args);
