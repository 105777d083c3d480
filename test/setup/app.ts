// Before the fast tier (vitest.fast.config.ts): the prebuilt web app that `site` copies (test/
// web-server.test.ts), built only when missing (`npm install` builds it).
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { PACKAGE_ROOT } from "../../src/common/package-root.ts";

export default function setup(): void {
  if (!existsSync(join(PACKAGE_ROOT, "dist", "app", "index.html")))
    execFileSync(process.execPath, [join(PACKAGE_ROOT, "scripts", "build.mjs"), "--app"], {
      cwd: PACKAGE_ROOT,
      stdio: "inherit",
    });
}
