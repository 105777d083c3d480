// Outputs are written atomically: a build killed at any moment leaves the old graph.json (or
// none) or a complete new one, never a torn file; a completed build leaves no temporary files.
import { type ChildProcess, spawn } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  watch,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SerializedGraph } from "../src/graph/schema.ts";
import { syntheticPaperlists } from "./fuzz/synthetic.ts";

const dir = mkdtempSync(join(tmpdir(), "litgraph-atomic-"));
const input = join(dir, "corpus.json");
const small = join(dir, "small.json");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

/** Start `litgraph build` (test/fuzz/kill-at.ts through tsx, which may kill itself at `moment`). */
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
  const parsed = SerializedGraph.safeParse(JSON.parse(text));
  expect(parsed.success).toBe(true);
  expect(parsed.data?.nodes.length).toBe(parsed.data?.meta.counts.nodes);
  expect(parsed.data?.edges.length).toBe(parsed.data?.meta.counts.edges);
  expect(parsed.data?.meta.inputs.map((i) => i.path)).toEqual([corpus]);
  return text;
}

const temps = (d: string) => readdirSync(d).filter((f) => f.endsWith(".tmp"));

let oldBytes = "";
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
}, 120_000);

describe("a build killed while writing", () => {
  it.each(["mid-write", "before-rename"])(
    "killed %s leaves no graph.json in a fresh folder, and the old one untouched",
    async (moment) => {
      const runs = [false, true].map(async (withOld) => {
        const out = join(dir, `${moment}-${withOld}`, "graph.json");
        if (withOld) {
          mkdirSync(join(out, ".."), { recursive: true });
          writeFileSync(out, oldBytes);
        }
        const r = await build(out, moment).done;
        expect(r.signal).toBe("SIGKILL");
        // The kill really came during the write: the partial temporary file is there.
        expect(temps(join(out, ".."))).toHaveLength(1);
        if (withOld) expect(same(readFileSync(out, "utf8"), oldBytes)).toBe(true);
        else expect(existsSync(out)).toBe(false);
      });
      await Promise.all(runs);
    },
    120_000,
  );

  it("SIGKILL from outside at several moments: old file or complete new file, never torn", async () => {
    const outcomes: string[] = [];
    // Delays land in ingest, in the graph build and around the write; "temp" kills as soon as
    // the temporary file appears, i.e. while it is being written.
    for (const when of [200, 1200, "temp", 2500] as const) {
      const folder = join(dir, `kill-${when}`);
      const out = join(folder, "graph.json");
      mkdirSync(folder, { recursive: true });
      writeFileSync(out, oldBytes);
      const run = build(out);
      const watcher = watch(folder, (_e, name) => {
        if (when === "temp" && String(name).endsWith(".tmp")) run.child.kill("SIGKILL");
      });
      const timer =
        typeof when === "number" ? setTimeout(() => run.child.kill("SIGKILL"), when) : undefined;
      const r = await run.done;
      watcher.close();
      clearTimeout(timer);
      const now = readFileSync(out, "utf8");
      if (same(now, oldBytes)) outcomes.push(`${when}: old`);
      else {
        expectComplete(out);
        outcomes.push(`${when}: new (${r.signal ?? r.code})`);
      }
    }
    console.log(`atomic: external kills → ${outcomes.join(", ")}`);
    // At least the early kills must have hit before the rename.
    expect(outcomes.filter((o) => o.endsWith("old")).length).toBeGreaterThan(0);
  }, 180_000);
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
