// Hashes that name cache files: sha256, and the version of a pipeline stage (every source and
// data file of src/extract or src/ingest, so any change to the stage starts fresh cache files).
import { createHash, hash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { BUILD, srcPath } from "../common/package-root.ts";

/** Hex sha256 of a string (its UTF-8) or bytes (one-shot: a rebuild hashes ~20k cache keys and lines). */
export const sha256 = (s: string | Uint8Array): string => hash("sha256", s, "hex");

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p));
    else if (/\.(ts|json|mjs)$/.test(name)) out.push(p);
  }
  return out;
}

const versionMemo = new Map<string, string>();

/**
 * sha256 over every source and data file (paths and contents) under src/<stage>/: compiled into
 * dist/ by scripts/build.mjs (the package ships no src/), hashed here when running from src/.
 */
export function sourceVersion(stage: "extract" | "ingest"): string {
  if (BUILD) return BUILD[stage];
  const memo = versionMemo.get(stage);
  if (memo) return memo;
  const root = srcPath(stage);
  const h = createHash("sha256");
  for (const f of filesUnder(root)) {
    h.update(relative(root, f)).update("\0").update(readFileSync(f)).update("\0");
  }
  const version = h.digest("hex");
  versionMemo.set(stage, version);
  return version;
}

/** sha256 over every source and data file of src/extract (paths and contents). */
export const extractorVersion = (): string => sourceVersion("extract");
