// Sites of the web view: the prebuilt app (dist/app/, written by scripts/build.mjs with Vite when
// the package is built) copied beside a graph.json. No Vite at run time.
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureDir, writeFileAtomic } from "../common/fs.ts";
import { APP_DIR, PACKAGE_ROOT } from "../common/package-root.ts";
import { fileGraph } from "../export/json.ts";
import type { SerializedGraph } from "../graph/schema.ts";

/** The prebuilt web app (index.html, assets/), or an error saying how to build it. */
export function appDir(): string {
  if (!existsSync(join(APP_DIR, "index.html")))
    throw new Error(`the web view is not built (no ${APP_DIR}): run \`npm run build\``);
  return APP_DIR;
}

/** The cache folder: <package>/.litgraph-cache, or the system temp folder when that is not writable. */
export function cacheDir(root = PACKAGE_ROOT): string {
  for (const dir of [join(root, ".litgraph-cache"), join(tmpdir(), "litgraph-cache")]) {
    try {
      mkdirSync(dir, { recursive: true });
      return dir;
    } catch {
      // try the next
    }
  }
  throw new Error("server/site: no writable cache folder");
}

/** Keeps the `keep` most recent cache entries named `<prefix>-…`, removing older ones. */
export function pruneCache(cache: string, prefix: "app" | "serve", keep: number): void {
  const entries = readdirSync(cache, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name.startsWith(`${prefix}-`) && !e.name.includes(".tmp-"))
    .map((e) => ({ path: join(cache, e.name), mtime: statSync(join(cache, e.name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const old of entries.slice(keep)) rmSync(old.path, { recursive: true, force: true });
}

/** Writes the built app and graph.json into `out` (a folder any static host can serve). */
export function writeSite(out: string, appDir: string, graph: SerializedGraph): void {
  ensureDir(out);
  // Stale hashed bundles from an earlier site would only waste space.
  rmSync(join(out, "assets"), { recursive: true, force: true });
  cpSync(appDir, out, { recursive: true });
  // Reasons packed as `build` writes them (src/export/json.ts); the page unpacks them.
  writeFileAtomic(join(out, "graph.json"), `${JSON.stringify(fileGraph(graph))}\n`);
}
