// The compiled CLI that tests run in a child process, as a shell or an installed package runs it
// (test/setup/dist.ts compiles it from the current sources before the suite).
import { join } from "node:path";
import { PACKAGE_ROOT } from "../src/common/package-root.ts";

export const CLI = join(PACKAGE_ROOT, "dist", "cli.js");
