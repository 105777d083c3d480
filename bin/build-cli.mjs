// Writes the bundled CLI (see bin/cli-bundle.mjs) with esbuild; run by `npm install` (prepare).
// A failure only warns: bin/litgraph.mjs then runs the sources through tsx, as before.
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { BUNDLE, BUNDLE_DIR, ROOT, STAMP, sourceStamp } from "./cli-bundle.mjs";

/** Every `import … from "compromise"` in src/ gets bin/compromise-lazy.mjs instead. */
const lazyCompromise = {
  name: "lazy-compromise",
  setup(build) {
    build.onResolve({ filter: /^compromise$/ }, () => ({
      path: join(ROOT, "bin", "compromise-lazy.mjs"),
    }));
  },
};

try {
  const { build } = await import("esbuild");
  const stamp = sourceStamp();
  mkdirSync(BUNDLE_DIR, { recursive: true });
  const tmp = `${BUNDLE}.${process.pid}.tmp`;
  await build({
    absWorkingDir: ROOT,
    entryPoints: ["src/cli/index.ts"],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    outfile: tmp,
    logLevel: "warning",
    plugins: [lazyCompromise],
  });
  // The lexicon snapshot bin/compromise-lazy.mjs serves, taken from the installed compromise.
  const nlp = (await import("compromise")).default;
  writeFileSync(
    join(BUNDLE_DIR, "compromise-lexicon.json"),
    JSON.stringify({ version: nlp.version, lexicon: nlp.model().one.lexicon }),
  );
  renameSync(tmp, BUNDLE);
  writeFileSync(STAMP, `${stamp}\n`);
} catch (err) {
  console.warn(
    `litgraph: the CLI was not bundled (${err?.message ?? err}); it will run through tsx`,
  );
}
