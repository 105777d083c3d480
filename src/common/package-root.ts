// Where litgraph's own files are (Node only), whether it runs compiled (dist/, written by
// scripts/build.mjs) or from src/ (tsx, vitest): the package root, the embedded seed listing,
// the prebuilt web app and the worker bodies.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** Compiled in by scripts/build.mjs (an esbuild `define`); no such global from src/. */
declare const LITGRAPH_BUILD: { extract: string; ingest: string } | undefined;

/**
 * The compiled build's facts (the versions of the pipeline stages, src/cache/version.ts: the
 * package ships no src/ to hash), or null when this code runs from src/.
 */
export const BUILD: { extract: string; ingest: string } | null =
  typeof LITGRAPH_BUILD === "undefined" ? null : LITGRAPH_BUILD;

/** The nearest folder at or above `from` whose package.json is litgraph's. */
export function findPackageRoot(from: string): string {
  let dir = from;
  for (;;) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg)) {
      try {
        if (JSON.parse(readFileSync(pkg, "utf8")).name === "litgraph") return dir;
      } catch {
        // not a readable package.json: keep looking above
      }
    }
    const up = dirname(dir);
    if (up === dir) throw new Error(`common/package-root: no litgraph package.json above ${from}`);
    dir = up;
  }
}

/** The repository / installed package root (dist/ and src/ are both one level below it). */
export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

/** A path under src/ (sources and data files; from src/ only). */
export const srcPath = (...parts: string[]): string => join(PACKAGE_ROOT, "src", ...parts);

/** The embedded seed listing, read by a command given no paths. */
export const SEEDS_DIR = join(PACKAGE_ROOT, "seeds");

/** The prebuilt web app (scripts/build.mjs). */
export const APP_DIR = join(PACKAGE_ROOT, "dist", "app");

/**
 * A worker's module: compiled, dist/<name>.js (every chunk lies in dist/ itself, so beside this
 * one); from src/, src/<stage>/<name><srcExt> (a .mjs bootstrap registers tsx for a .ts body).
 */
export function workerModule(stage: string, name: string, srcExt = ".ts"): URL {
  return BUILD
    ? new URL(`./${name}.js`, import.meta.url)
    : pathToFileURL(srcPath(stage, `${name}${srcExt}`));
}
