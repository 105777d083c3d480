// Writes the bundled CLI (see bin/cli-bundle.mjs) with esbuild; run by `npm install` (prepare).
// A failure only warns: bin/litgraph.mjs then runs the sources through tsx, as before.
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { BUNDLE, BUNDLE_DIR, ROOT, STAMP, sourceStamp, WORKERS } from "./cli-bundle.mjs";

/**
 * Every `import … from "compromise"` in src/ gets bin/compromise-lazy.mjs instead, and the
 * citation-js imports bin/citation-lazy.mjs: both libraries load on first use.
 */
const lazyLibraries = {
  name: "lazy-libraries",
  setup(build) {
    build.onResolve({ filter: /^compromise$/ }, () => ({
      path: join(ROOT, "bin", "compromise-lazy.mjs"),
    }));
    build.onResolve({ filter: /^@citation-js\/(core|plugin-bibtex)$/ }, () => ({
      path: join(ROOT, "bin", "citation-lazy.mjs"),
    }));
  },
};

try {
  const { build } = await import("esbuild");
  const stamp = sourceStamp();
  mkdirSync(BUNDLE_DIR, { recursive: true });
  const tmp = join(BUNDLE_DIR, `.build-${process.pid}`);
  await build({
    absWorkingDir: ROOT,
    // The CLI, and the worker bodies it starts (src/common/package-root.ts workerModule): a
    // worker loading its body through tsx took up to a second to start.
    entryPoints: { cli: "src/cli/index.ts", ...WORKERS },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    outdir: tmp,
    outExtension: { ".js": ".mjs" },
    logLevel: "warning",
    plugins: [lazyLibraries],
  });
  // The lexicon snapshot bin/compromise-lazy.mjs serves, taken from the installed compromise.
  const nlp = (await import("compromise")).default;
  writeFileSync(
    join(BUNDLE_DIR, "compromise-lexicon.json"),
    JSON.stringify({ version: nlp.version, lexicon: nlp.model().one.lexicon }),
  );
  // The CLI last: bin/litgraph.mjs runs it only with a matching stamp, written after it.
  for (const name of Object.keys(WORKERS))
    renameSync(join(tmp, `${name}.mjs`), join(BUNDLE_DIR, `${name}.mjs`));
  renameSync(join(tmp, "cli.mjs"), BUNDLE);
  rmSync(tmp, { recursive: true, force: true });
  writeFileSync(STAMP, `${stamp}\n`);
} catch (err) {
  console.warn(
    `litgraph: the CLI was not bundled (${err?.message ?? err}); it will run through tsx`,
  );
}
