#!/usr/bin/env node
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
// Runs a TypeScript entry point through tsx (a runtime dependency), so that the CLI,
// the benchmark and the fuzz runner need no build step and nothing global.
import { register } from "tsx/esm/api";

register();
const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  console.error("run-ts: usage: run-ts <file.ts> [args…]");
  process.exit(2);
}
process.argv = [process.argv[0], resolve(entry), ...rest];
await import(pathToFileURL(resolve(entry)).href);
