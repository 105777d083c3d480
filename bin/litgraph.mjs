#!/usr/bin/env -S node --max-semi-space-size=64
// litgraph's command-line entry: runs the bundled CLI when it is up to date with src/ (see
// bin/cli-bundle.mjs), else loads the TypeScript CLI through tsx (a runtime dependency).
// LITGRAPH_TSX=1 always takes the tsx path.
// A 64 MB young generation (semi-space; V8's default is 16) cuts garbage-collection time of a
// build by about 30%: building a graph promotes most of what it allocates (see
// docs/benchmarks.md). The npm scripts pass the same flag.
import { pathToFileURL } from "node:url";
import { freshBundle } from "./cli-bundle.mjs";

const bundle = process.env.LITGRAPH_TSX === "1" ? null : freshBundle();
let cli;
if (bundle) cli = await import(pathToFileURL(bundle).href);
else {
  const { register } = await import("tsx/esm/api");
  register();
  cli = await import("../src/cli/index.ts");
}
process.exitCode = await cli.main(process.argv.slice(2));
