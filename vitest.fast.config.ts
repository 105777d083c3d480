import { defineConfig } from "vitest/config";

// `npm run test:fast`: the tests that need no browser and start no process (the full suite is
// `npm test`). Files that run litgraph in a child process are left out whole; the few such tests
// inside otherwise in-process files are skipped through test/tier.ts (LITGRAPH_TEST_FAST).
const SPAWNING = [
  "test/browser/**",
  "test/atomic.test.ts",
  "test/cli-exit.test.ts",
  "test/dist.test.ts",
  "test/export-records.test.ts",
  "test/package.test.ts",
  "test/reliability-output.test.ts",
];

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["**/node_modules/**", ...SPAWNING],
    globalSetup: ["test/setup/app.ts"],
    env: { LITGRAPH_TEST_FAST: "1" },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Test files share their worker's modules instead of importing src/ afresh each: half the
    // CPU time of this tier (72 s instead of 142 s) went to those imports.
    isolate: false,
  },
});
