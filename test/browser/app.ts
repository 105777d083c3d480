// The web app as the browser tests and bench/web.ts load it: built by Vite from web/ as it is
// now, in bench mode (web/src/bench-main.ts: the hooks window.litgraph and the timing marks,
// which the shipped dist/app leaves out), once per content of its sources (cached in
// .litgraph-cache/app-<hash>, the three most recent kept).
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { PACKAGE_ROOT } from "../../src/common/package-root.ts";
import { cacheDir, pruneCache } from "../../src/server/site.ts";

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

/** A folder holding the bench build of the app (index.html, assets/), built only when sources changed. */
export async function buildBenchApp(root = PACKAGE_ROOT): Promise<string> {
  const cache = cacheDir(root);
  const dir = join(cache, `app-${appSourceHash(root)}`);
  if (existsSync(join(dir, "index.html"))) return dir;
  const tmp = `${dir}.tmp-${process.pid}-${Date.now()}`;
  const { build } = await import("vite");
  try {
    await build({
      configFile: join(root, "vite.config.ts"),
      mode: "bench",
      logLevel: "error",
      build: { outDir: tmp, emptyOutDir: true },
    });
    if (!existsSync(join(tmp, "index.html")))
      throw new Error("test/browser/app: vite wrote no index.html");
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
