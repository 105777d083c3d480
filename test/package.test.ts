// The package as a user gets it: `npm pack`, the tarball installed without dev dependencies into
// an empty folder, and litgraph run from there: the embedded seed is found from the package, the
// web view comes prebuilt, and none of the build tools is installed.
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../src/common/package-root.ts";
import { tempDirs } from "./temp-dirs.ts";

const exec = promisify(execFile);
const tmp = tempDirs("package");
const AS_OF = ["--as-of", "2026-11-27"];
let project = "";

const npm = (args: string[], cwd: string) =>
  exec("npm", args, { cwd, maxBuffer: 64 * 1024 * 1024, timeout: 300_000 });
const litgraph = (args: string[]) =>
  exec("npx", ["--no-install", "litgraph", ...args], {
    cwd: project,
    maxBuffer: 64 * 1024 * 1024,
    timeout: 120_000,
  });

beforeAll(async () => {
  const packDir = tmp();
  // The setup (test/setup/dist.ts) compiled dist/ from the sources as they are; `npm pack` would
  // run `prepare` again (the same scripts/build.mjs that `npm ci` runs): skipped for time.
  const { stdout } = await npm(
    ["pack", "--ignore-scripts", "--json", "--pack-destination", packDir],
    PACKAGE_ROOT,
  );
  const [{ filename }] = JSON.parse(stdout) as { filename: string }[];
  project = tmp();
  writeFileSync(join(project, "package.json"), '{ "name": "try-litgraph", "private": true }\n');
  await npm(
    [
      "install",
      "--omit=dev",
      "--no-audit",
      "--no-fund",
      "--prefer-offline",
      join(packDir, filename),
    ],
    project,
  );
}, 300_000);

describe("the packed package, installed with production dependencies only", () => {
  it("installs none of the build tools, and no sources", () => {
    const modules = join(project, "node_modules");
    for (const tool of ["tsx", "vite", "esbuild", "typescript", "@esbuild", "rolldown", "vitest"])
      expect(existsSync(join(modules, tool)), tool).toBe(false);
    const pkg = join(modules, "litgraph");
    expect(readdirSync(pkg).sort()).toEqual(["README.md", "dist", "package.json", "seeds"]);
    expect(existsSync(join(pkg, "dist", "app", "index.html"))).toBe(true);
  });

  it("extract --json, run from the project folder, reads the embedded seed: 14 papers", async () => {
    const { stdout } = await litgraph(["extract", "--json", ...AS_OF]);
    const out = JSON.parse(stdout) as { papers: { sources: { file: string }[] }[] };
    expect(out.papers).toHaveLength(14);
    expect(out.papers[0].sources[0].file).toMatch(/^node_modules\/litgraph\/seeds\//);
  });

  it("build and site work", async () => {
    await litgraph(["build", ...AS_OF, "-o", "out/graph.json"]);
    const graph = JSON.parse(readFileSync(join(project, "out", "graph.json"), "utf8"));
    expect(graph.meta.counts["nodes.paper"]).toBe(14);
    await litgraph(["site", ...AS_OF, "-o", "site"]);
    expect(readFileSync(join(project, "site", "index.html"), "utf8")).toContain("<title>litgraph");
    expect(readdirSync(join(project, "site", "assets")).length).toBeGreaterThan(0);
    expect(JSON.parse(readFileSync(join(project, "site", "graph.json"), "utf8"))).toEqual(graph);
  });

  it("--version gives package.json's version", async () => {
    const { version } = JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8"));
    expect((await litgraph(["--version"])).stdout).toBe(`litgraph ${version}\n`);
  });
});
