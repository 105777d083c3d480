// Where litgraph's own files are, for code that may run from src/ (through tsx) or from the
// bundled CLI (bin/build-cli.mjs writes it under node_modules/.cache): the nearest folder above
// this module holding litgraph's package.json. Node only.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

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

/** The repository / package root. */
export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

/** A path under src/ (sources, data files and worker bootstraps). */
export const srcPath = (...parts: string[]): string => join(PACKAGE_ROOT, "src", ...parts);

/** Whether this code runs from the bundled CLI (.mjs files) rather than from src/ through tsx. */
export const BUNDLED = import.meta.url.endsWith(".mjs");

/**
 * A worker body's module: src/<stage>/<name>.ts, or, when this code runs bundled, its bundled
 * twin <name>.mjs beside the CLI bundle (bin/build-cli.mjs writes them from the same sources, so
 * they are exactly as fresh as the bundle running). A bundled body starts without tsx: a tenth of
 * the time.
 */
export function workerModule(stage: string, name: string): URL {
  return BUNDLED
    ? new URL(`./${name}.mjs`, import.meta.url)
    : pathToFileURL(srcPath(stage, `${name}.ts`));
}
