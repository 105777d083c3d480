// Before the whole suite (vitest.config.ts): dist/ as the tests that run litgraph in a child
// process (`node dist/cli.js`, test/cli-bin.ts) and the package test need it: the CLI and worker
// bodies compiled from src/ as it is now (scripts/build.mjs --cli, a second or two), and the
// web app when none was built yet (`npm install` builds it; `site` and `serve` copy it). Done
// here, once, before any test file runs: no test rebuilds what another one is running.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { PACKAGE_ROOT } from "../../src/common/package-root.ts";

export default function setup(): void {
  const build = (what: string) =>
    execFileSync(process.execPath, [join(PACKAGE_ROOT, "scripts", "build.mjs"), what], {
      cwd: PACKAGE_ROOT,
      stdio: "inherit",
    });
  build("--cli");
  if (!existsSync(join(PACKAGE_ROOT, "dist", "app", "index.html"))) build("--app");
}
