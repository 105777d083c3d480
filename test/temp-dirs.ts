// Temporary folders for a test file, all removed after its last test.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";

/** A function that makes a fresh temporary folder (prefix `litgraph-<name>-`) on each call. */
export function tempDirs(name: string): () => string {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  return () => {
    const d = mkdtempSync(join(tmpdir(), `litgraph-${name}-`));
    dirs.push(d);
    return d;
  };
}
