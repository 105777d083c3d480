import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/index.ts";
import { runMain } from "./run-main.ts";

describe("cli", () => {
  it("returns 2 for an unknown command", async () => {
    expect(await main(["no-such-command"])).toBe(2);
  });

  // `build --help` used to run a build of the seed into out/graph.json.
  it.each([
    ["build", "--help"],
    ["extract", "-h"],
    ["related", "--help"],
    ["clusters", "--help"],
    ["collaborators", "--help"],
    ["cited", "--help"],
    ["site", "--help"],
    ["fetch", "--help"],
  ])("%s %s prints a help, exits 0 and writes nothing", async (command, flag) => {
    const dir = mkdtempSync(join(tmpdir(), "litgraph-help-"));
    try {
      const out = join(dir, "graph.json");
      const r = await runMain([command, flag, "-o", out]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Usage: litgraph/);
      expect(existsSync(out)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
