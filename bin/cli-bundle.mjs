// The bundled CLI: src/cli/index.ts and everything it imports from src/, in one JavaScript file,
// so that a command does not pay tsx's per-module loader round trips (about 0.5 s of the 1 s it
// took litgraph to start). node_modules stay outside the bundle. bin/build-cli.mjs writes it at
// `npm install`; bin/litgraph.mjs runs it only when it was built from the sources as they are now
// (the stamp is a hash of every file under src/ and of the lazy-library shims bin/*-lazy.mjs,
// which it also contains), and otherwise runs src/ through tsx, so an edit never runs stale code.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const BUNDLE_DIR = join(ROOT, "node_modules", ".cache", "litgraph");
export const BUNDLE = join(BUNDLE_DIR, "cli.mjs");
export const STAMP = join(BUNDLE_DIR, "cli.stamp");

/** Files outside src/ that the bundle also contains. */
const ALSO_BUNDLED = ["bin/compromise-lazy.mjs", "bin/citation-lazy.mjs"];

/** sha256 over the paths and contents of every file under src/, and ALSO_BUNDLED (a few ms). */
export function sourceStamp(root = ROOT) {
  const h = createHash("sha256");
  const add = (p) => h.update(relative(root, p)).update("\0").update(readFileSync(p)).update("\0");
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else add(p);
    }
  };
  walk(join(root, "src"));
  for (const f of ALSO_BUNDLED) if (existsSync(join(root, f))) add(join(root, f));
  return h.digest("hex");
}

/** Worker bodies bundled beside the CLI, by output name (<name>.mjs), from their sources. */
export const WORKERS = {
  "parallel-worker": "src/extract/parallel-worker.ts",
  "similarity-worker": "src/graph/similarity-worker.ts",
};

/**
 * The bundle's path when it and its worker bodies exist and were built from the current sources,
 * else null.
 */
export function freshBundle() {
  try {
    if (!existsSync(BUNDLE)) return null;
    for (const name of Object.keys(WORKERS))
      if (!existsSync(join(BUNDLE_DIR, `${name}.mjs`))) return null;
    return readFileSync(STAMP, "utf8").trim() === sourceStamp() ? BUNDLE : null;
  } catch {
    return null;
  }
}
