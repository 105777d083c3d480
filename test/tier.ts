// Tests that start a process (the CLI as a shell runs it, a process of its own for a limit):
// skipped by `npm run test:fast` (vitest.fast.config.ts), run by `npm test`.
import { it } from "vitest";

export const itSpawns = it.skipIf(process.env.LITGRAPH_TEST_FAST === "1");
