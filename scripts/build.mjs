// Compiles litgraph into dist/, the only code the published package runs (npm runs this at
// `prepare`: `npm install`/`npm ci` in a clone, and `npm pack`/`npm publish`).
//   node scripts/build.mjs [--cli] [--app] [--watch]      (no flag: both)
// - dist/cli.js and the worker bodies (dist/parallel-worker.js, dist/similarity-worker.js, their
//   bootstrap dist/sync-worker.js), with esbuild: src/ bundled into plain ESM with code splitting,
//   so each dynamic import() (a command, Vite-free serve) is its own chunk loaded when used; the
//   runtime dependencies are bundled in (compromise from its one-file build), except citation-js,
//   loaded on first use (a module per file cost every start 0.1-0.3 s). The stage versions that name cache files (src/cache/version.ts) are computed here from
//   src/ and compiled in: the package ships no src/. So is the built-in concept index's snapshot
//   (src/extract/concept-snapshot.ts), taken here by the sources being compiled.
// - dist/app/: the web view (web/) built by Vite; `litgraph site`/`serve` copy it.
// --watch rebuilds on every change under src/ and web/ (`npm run dev`).
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DIST = join(ROOT, "dist");
const args = new Set(process.argv.slice(2));
const watch = args.has("--watch");
const both = !args.has("--cli") && !args.has("--app");

/** Same hash as src/cache/version.ts sourceVersion from src/ (paths and contents, sorted). */
function stageVersion(stage) {
  const root = join(ROOT, "src", stage);
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ts|json|mjs)$/.test(name)) files.push(p);
    }
  };
  walk(root);
  const h = createHash("sha256");
  for (const f of files)
    h.update(relative(root, f)).update("\0").update(readFileSync(f)).update("\0");
  return h.digest("hex");
}

/**
 * compromise bundled from its one-file ES module build, not from its package's `import` entry,
 * its source tree (about 450 modules): as separate modules they took Node about 0.18 s more to
 * load at every start, and bundled the one file is smaller to compile (same version, same code;
 * test/dist.test.ts compares dist/'s graph with the sources'). tsx, Vite and the tests import it
 * as the package gives it.
 */
const compromiseOneFile = {
  name: "compromise-one-file",
  setup(build) {
    // The `require` entry is the CommonJS build; the ES module build lies beside it.
    const cjs = createRequire(import.meta.url).resolve("compromise");
    const file = join(dirname(cjs), "compromise-three.mjs");
    if (!existsSync(file))
      throw new Error(`scripts/build.mjs: no ${file} (compromise's layout changed)`);
    build.onResolve({ filter: /^compromise$/ }, () => ({ path: file }));
  },
};

/**
 * The built-in concept index's snapshot (src/extract/concept-snapshot.ts) as JSON text, taken by
 * the sources being compiled: they are bundled into one module in memory and run here.
 */
async function conceptSnapshot(esbuild) {
  const out = await esbuild.build({
    absWorkingDir: ROOT,
    stdin: {
      contents: 'export { takeBuiltinSnapshot } from "./src/extract/concept-snapshot.ts";',
      resolveDir: ROOT,
      loader: "ts",
    },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    write: false,
    logLevel: "warning",
  });
  const code = Buffer.from(out.outputFiles[0].contents).toString("base64");
  const { takeBuiltinSnapshot } = await import(`data:text/javascript;base64,${code}`);
  return takeBuiltinSnapshot();
}

function cliOptions(snapshot) {
  return {
    absWorkingDir: ROOT,
    entryPoints: {
      cli: "src/cli/bin.ts",
      "parallel-worker": "src/extract/parallel-worker.ts",
      "similarity-worker": "src/graph/similarity-worker.ts",
      "sync-worker": "src/common/sync-worker.mjs",
    },
    bundle: true,
    splitting: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // The runtime dependencies are bundled too (one chunk to load instead of a module per file:
    // zod alone is about 100), except citation-js, required on first use
    // (src/ingest/readers/citation-js.ts), and tsx, which only src/ bodies need.
    external: ["@citation-js/*", "tsx", "tsx/*"],
    outdir: DIST,
    entryNames: "[name]",
    chunkNames: "chunk-[hash]",
    // One folder: a chunk finds the worker bodies beside itself (src/common/package-root.ts).
    define: {
      LITGRAPH_BUILD: JSON.stringify({
        extract: stageVersion("extract"),
        ingest: stageVersion("ingest"),
      }),
      LITGRAPH_CONCEPT_SNAPSHOT: JSON.stringify(snapshot),
    },
    plugins: [compromiseOneFile],
    logLevel: "warning",
  };
}

/** Removes the previous build's JavaScript (chunk names change with their content), not dist/app. */
function cleanCli() {
  let names = [];
  try {
    names = readdirSync(DIST);
  } catch {
    return;
  }
  for (const name of names) if (name.endsWith(".js")) rmSync(join(DIST, name), { force: true });
}

async function buildCli() {
  const esbuild = await import("esbuild");
  const once = async () => {
    const snapshot = await conceptSnapshot(esbuild);
    cleanCli();
    await esbuild.build(cliOptions(snapshot));
  };
  await once();
  if (!watch) return;
  // A whole build takes about a second, and recomputes the stage versions: simpler than a context.
  const { watch: watchFs } = await import("node:fs");
  let timer;
  watchFs(join(ROOT, "src"), { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      once().then(
        () => console.log("dist/: CLI rebuilt"),
        (err) => console.error(`dist/: CLI build failed: ${err.message}`),
      );
    }, 200);
  });
}

async function buildApp() {
  const { build } = await import("vite");
  await build({
    configFile: join(ROOT, "vite.config.ts"),
    logLevel: watch ? "info" : "error",
    build: { outDir: join(DIST, "app"), emptyOutDir: true, watch: watch ? {} : null },
  });
}

if (both || args.has("--cli")) await buildCli();
if (both || args.has("--app")) await buildApp();
