// Builds the bare sigma page (bench/bare/) with Vite from the project's own sigma and graphology,
// once per source hash, into the app cache folder (.litgraph-cache/bare-<hash>).
import { createHash } from "node:crypto";
import { existsSync, readFileSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { PACKAGE_ROOT } from "../../src/common/package-root.ts";
import { cacheDir } from "../../src/server/site.ts";

const SOURCES = ["bench/bare/index.html", "bench/bare/main.ts", "package-lock.json"];

/** The folder holding the built bare page (index.html, assets/). */
export async function buildBare(root = PACKAGE_ROOT): Promise<string> {
  const h = createHash("sha256");
  for (const f of SOURCES)
    h.update(`${f}\0`)
      .update(readFileSync(join(root, f)))
      .update("\0");
  const dir = join(cacheDir(root), `bare-${h.digest("hex").slice(0, 16)}`);
  if (existsSync(join(dir, "index.html"))) return dir;
  const tmp = `${dir}.tmp-${process.pid}`;
  const { build } = await import("vite");
  try {
    await build({
      configFile: false,
      root: join(root, "bench/bare"),
      base: "./",
      logLevel: "error",
      build: { outDir: tmp, emptyOutDir: true, target: "es2022", chunkSizeWarningLimit: 2000 },
    });
    if (!existsSync(join(tmp, "index.html")))
      throw new Error("bench/bare: vite wrote no index.html");
    renameSync(tmp, dir);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return dir;
}
