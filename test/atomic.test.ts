// Outputs are written atomically: a build killed at any moment leaves the old graph.json (or
// none) or a complete new one, never a torn file; a completed build leaves no temporary files.
// The kills are SIGKILLs from outside at known moments of the write: test/fuzz/kill-at.ts stops
// the build there (when the output's file is opened, half written, or about to be renamed) and
// says so; an output written in place, not through a temporary file, would be caught torn.
import { type ChildProcess, spawn } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GraphFile } from "../src/graph/schema.ts";
import { syntheticPaperlists } from "./fuzz/synthetic.ts";

const dir = mkdtempSync(join(tmpdir(), "litgraph-atomic-"));
const input = join(dir, "corpus.json");
const small = join(dir, "small.json");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

/** Start `litgraph build` (through test/fuzz/kill-at.ts, which stops at `moment` and says so). */
function build(out: string, moment = "none", corpus = input): Run {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "test/fuzz/kill-at.ts",
      moment,
      "build",
      corpus,
      "-o",
      out,
      "--as-of",
      "2026-11-27",
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  child.stderr?.on("data", (d) => {
    stderr += String(d);
    // Stopped where the test wanted it: kill it from outside, as a crash or `kill -9` would.
    if (stderr.includes("kill-at: paused")) child.kill("SIGKILL");
  });
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>(
    (resolve) => child.on("exit", (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, done };
}

/**
 * A complete graph.json built from `corpus`: parses, passes the schema, its counts match its
 * content. (Not compared byte for byte with another build: other people's edits to src/ between
 * two builds in one run would change it; reproducibility has its own test.)
 */
function expectComplete(path: string, corpus = input) {
  const text = readFileSync(path, "utf8");
  expect(text.endsWith("\n")).toBe(true);
  const parsed = GraphFile.safeParse(JSON.parse(text));
  expect(parsed.success).toBe(true);
  expect(parsed.data?.nodes.length).toBe(parsed.data?.meta.counts.nodes);
  expect(parsed.data?.edges.length).toBe(parsed.data?.meta.counts.edges);
  expect(parsed.data?.meta.inputs.map((i) => i.path)).toEqual([corpus]);
  return text;
}

const temps = (d: string) => readdirSync(d).filter((f) => f.endsWith(".tmp"));

let oldBytes = "";
/** Bytes of the complete new graph.json. */
let fullSize = 0;
/** Same bytes, without printing megabytes of diff when they differ. */
const same = (a: string, b: string) => a.length === b.length && a === b;

beforeAll(async () => {
  writeFileSync(input, syntheticPaperlists(150));
  writeFileSync(small, syntheticPaperlists(12, 3));
  // The "old" graph every kill must leave untouched, and the new one a full build gives.
  const old = join(dir, "old", "graph.json");
  const full = join(dir, "full", "graph.json");
  const [a, b] = await Promise.all([build(old, "none", small).done, build(full).done]);
  expect(a.code, a.stderr).toBe(0);
  expect(b.code, b.stderr).toBe(0);
  oldBytes = expectComplete(old, small);
  expect(expectComplete(full).length).toBeGreaterThan(500_000);
  fullSize = statSync(full).size;
}, 120_000);

describe("a build killed while writing", () => {
  it.each(["open", "mid-write", "before-rename"])(
    "SIGKILL at %s leaves no graph.json in a fresh folder, and the old one untouched",
    async (moment) => {
      const runs = [false, true].map(async (withOld) => {
        const folder = join(dir, `${moment}-${withOld}`);
        const out = join(folder, "graph.json");
        mkdirSync(folder, { recursive: true });
        if (withOld) writeFileSync(out, oldBytes);
        const r = await build(out, moment).done;
        expect(r.signal, r.stderr).toBe("SIGKILL");
        expect(r.stderr).toContain(`kill-at: paused ${moment}`);
        // The kill really came during the write: the temporary file is there, empty, half
        // written or whole.
        const partial = temps(folder);
        expect(partial).toHaveLength(1);
        const size = statSync(join(folder, partial[0])).size;
        if (moment === "open") expect(size).toBe(0);
        else if (moment === "mid-write") expect(size > 0 && size < fullSize, `${size}`).toBe(true);
        else expect(size).toBe(fullSize);
        if (withOld) expect(same(readFileSync(out, "utf8"), oldBytes)).toBe(true);
        else expect(existsSync(out)).toBe(false);
      });
      await Promise.all(runs);
    },
    120_000,
  );
});

describe("a completed build", () => {
  it("replaces the old graph.json with the complete new one and leaves no temporary file", async () => {
    const folder = join(dir, "complete");
    const out = join(folder, "graph.json");
    mkdirSync(folder, { recursive: true });
    writeFileSync(out, oldBytes);
    const r = await build(out).done;
    expect(r.code, r.stderr).toBe(0);
    expectComplete(out);
    expect(readdirSync(folder)).toEqual(["graph.json"]);
  }, 120_000);
});
