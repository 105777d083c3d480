// The CLI's main() in this process with stdout and stderr captured: cheaper than a child
// process for the tests that only look at what a command prints and returns.
import { vi } from "vitest";
import { main } from "../src/cli/index.ts";

export interface MainResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runMain(argv: string[]): Promise<MainResult> {
  let stdout = "";
  let stderr = "";
  const o = vi.spyOn(process.stdout, "write").mockImplementation((x) => {
    stdout += String(x);
    return true;
  });
  const e = vi.spyOn(process.stderr, "write").mockImplementation((x) => {
    stderr += String(x);
    return true;
  });
  try {
    return { code: await main(argv), stdout, stderr };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}
