#!/usr/bin/env -S node --max-semi-space-size=64
// litgraph's command-line entry: loads the TypeScript CLI through tsx (a runtime dependency).
// A 64 MB young generation (semi-space; V8's default is 16) cuts garbage-collection time of a
// build by about 30%: building a graph promotes most of what it allocates (see
// docs/benchmarks.md). The npm scripts pass the same flag.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/index.ts");
process.exitCode = await main(process.argv.slice(2));
