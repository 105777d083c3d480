// Hashes that name cache files: sha256, and the extractor version (every source and data file of
// src/extract, so any change to the extractor starts fresh cache files).
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p));
    else if (/\.(ts|json|mjs)$/.test(name)) out.push(p);
  }
  return out;
}

let versionMemo: string | undefined;

/** sha256 over every source and data file of src/extract (paths and contents). */
export function extractorVersion(): string {
  if (versionMemo) return versionMemo;
  const root = fileURLToPath(new URL("../extract/", import.meta.url));
  const h = createHash("sha256");
  for (const f of filesUnder(root)) {
    h.update(relative(root, f)).update("\0").update(readFileSync(f)).update("\0");
  }
  versionMemo = h.digest("hex");
  return versionMemo;
}
