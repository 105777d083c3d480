// Child process for test/atomic.test.ts: runs the litgraph CLI but SIGKILLs itself at a chosen
// moment of an output write, deterministically, by wrapping node:fs.
//   node --import tsx test/fuzz/kill-at.ts <mid-write|before-rename|none> <litgraph args…>
import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import { dirname, resolve } from "node:path";

const [moment, ...args] = process.argv.slice(2);
const die = () => process.kill(process.pid, "SIGKILL");
// Only the output's temporary file (beside -o): the cache dir has atomic writes of its own.
const out = args.includes("-o") ? resolve(dirname(args[args.indexOf("-o") + 1])) : null;
const isTemp = (p: unknown) =>
  typeof p === "string" && p.endsWith(".tmp") && (out === null || resolve(dirname(p)) === out);

if (moment === "mid-write") {
  // Chunked outputs go through a file descriptor (src/common/fs.ts writeChunks): die half-way
  // through the first write to a temporary output file opened so.
  const open = fs.openSync;
  const writeFd = fs.writeSync;
  const tempFds = new Set<number>();
  fs.openSync = ((path: fs.PathLike, ...rest: unknown[]) => {
    const fd = (open as (...a: unknown[]) => number)(path, ...rest);
    if (isTemp(String(path))) tempFds.add(fd);
    return fd;
  }) as typeof fs.openSync;
  fs.writeSync = ((fd: number, data: string | NodeJS.ArrayBufferView, ...rest: unknown[]) => {
    const call = writeFd as (...a: unknown[]) => number;
    if (!tempFds.has(fd)) return call(fd, data, ...rest);
    if (typeof data === "string") call(fd, data.slice(0, data.length >> 1));
    else {
      const [offset = 0, length = data.byteLength] = rest as [number?, number?];
      call(fd, data, offset, length >> 1);
    }
    die();
    return 0;
  }) as typeof fs.writeSync;
  const write = fs.writeFileSync;
  fs.writeFileSync = ((path: fs.PathOrFileDescriptor, data: string | Uint8Array, ...rest) => {
    if (!isTemp(path)) return write(path, data, ...(rest as []));
    write(
      path,
      typeof data === "string"
        ? data.slice(0, data.length >> 1)
        : data.subarray(0, data.length >> 1),
    );
    die();
  }) as typeof fs.writeFileSync;
} else if (moment === "before-rename") {
  const rename = fs.renameSync;
  fs.renameSync = ((from: fs.PathLike, to: fs.PathLike) => {
    if (isTemp(from)) die();
    rename(from, to);
  }) as typeof fs.renameSync;
} else if (moment !== "none") {
  console.error(`kill-at: unknown moment '${moment}'`);
  process.exit(2);
}
syncBuiltinESMExports();
const { main } = await import("../../src/cli/index.ts");
process.exitCode = await main(args);
