// Builds the web view (web/) once with Vite's build() API into a cache folder keyed by the hash
// of its sources, and writes sites (built app + graph.json) from it.
import { createHash } from "node:crypto";
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { ensureDir, writeFileAtomic } from "../common/fs.ts";
import { PACKAGE_ROOT } from "../common/package-root.ts";
import type { SerializedGraph } from "../graph/schema.ts";

/** The repository / package root. */
export { PACKAGE_ROOT };

function listFiles(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) listFiles(p, out);
    else if (e.isFile()) out.push(p);
  }
  return out;
}

/** Hash of everything the built app depends on: web/, src/ (the worker bundles the pipeline), config, lockfile. */
export function appSourceHash(root = PACKAGE_ROOT): string {
  const h = createHash("sha256");
  const files = [
    ...listFiles(join(root, "web")),
    ...listFiles(join(root, "src")),
    join(root, "vite.config.ts"),
    join(root, "package-lock.json"),
  ]
    .filter(existsSync)
    .map((p) => relative(root, p).split("\\").join("/"))
    .sort();
  for (const f of files) {
    h.update(`${f}\0`);
    h.update(readFileSync(join(root, f)));
    h.update("\0");
  }
  return h.digest("hex").slice(0, 16);
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
  throw new Error("server/app-build: no writable cache folder");
}

export interface BuildAppOptions {
  /** Package root holding web/ and vite.config.ts (default: this package). */
  root?: string;
  /** Where built apps are kept (default: cacheDir()). */
  cache?: string;
  /** Called with a line of progress ("building the web view…"). */
  log?: (line: string) => void;
}

/** Returns a folder holding the built app (index.html, assets/), building it only when sources changed. */
export async function buildApp(opts: BuildAppOptions = {}): Promise<string> {
  const root = opts.root ?? PACKAGE_ROOT;
  const cache = opts.cache ?? cacheDir(root);
  const dir = join(cache, `app-${appSourceHash(root)}`);
  if (existsSync(join(dir, "index.html"))) return dir;
  opts.log?.("building the web view (once; cached in .litgraph-cache)…");
  const tmp = `${dir}.tmp-${process.pid}-${Date.now()}`;
  const { build } = await import("vite");
  try {
    await build({
      configFile: join(root, "vite.config.ts"),
      logLevel: "error",
      build: { outDir: tmp, emptyOutDir: true },
    });
    if (!existsSync(join(tmp, "index.html")))
      throw new Error("server/app-build: vite wrote no index.html");
    try {
      renameSync(tmp, dir);
    } catch (err) {
      // Another process finished the same build first: theirs is as good as ours.
      if (!existsSync(join(dir, "index.html"))) throw err;
    }
    pruneCache(cache, "app", 3);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return dir;
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
  writeFileAtomic(join(out, "graph.json"), `${JSON.stringify(graph)}\n`);
}
