import { defineConfig } from "vitest/config";

// The full suite (`npm test`, .ci/run): everything, browser tests and child processes included.
// test/setup/dist.ts first compiles dist/ from the current sources for the tests that run the
// CLI as a shell does.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/setup/dist.ts"],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    pool: "forks",
  },
});
