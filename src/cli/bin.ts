#!/usr/bin/env -S node --max-semi-space-size=64
// litgraph's command-line entry, compiled to dist/cli.js (scripts/build.mjs; the package's `bin`).
// From the sources: `npm run cli -- <command> …` (through tsx).
// A 64 MB young generation (semi-space; V8's default is 16) cuts garbage-collection time of a
// build by about 30%: building a graph promotes most of what it allocates (see
// docs/benchmarks.md). The npm scripts pass the same flag.
import { main } from "./index.ts";

// A reader that stops early (`litgraph extract --json | head`) is not an error of ours; any other
// failure to write stdout (a full disk) fails the command.
// (After a command that failed already and said why, only its exit code is kept.)
let failedWith = 0;
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(failedWith);
  if (!failedWith) process.stderr.write(`litgraph: cannot write stdout: ${err.message}\n`);
  process.exit(failedWith || 1);
});

const code = await main(process.argv.slice(2));
failedWith = code;
// Exit as soon as the command is done and its output is flushed, rather than when the event loop
// drains: tearing down the heap of a build (0.5 GB for 6,318 papers) took another 0.4 s.
const flushed = (stream: NodeJS.WriteStream) =>
  new Promise<void>((done) => stream.write("", () => done()));
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
process.exit(code);
