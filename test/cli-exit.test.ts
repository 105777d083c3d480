// The CLI as a shell sees it (`node dist/cli.js` in a child process, test/cli-bin.ts): exit 0 on success,
// 1 when input had rejected records under --strict (or the command failed), 2 on usage errors;
// data on stdout, messages on stderr; inputs over --max-input-mb refused before reading.
import { execFile, spawn } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI } from "./cli-bin.ts";
import { runMain } from "./run-main.ts";

const dir = mkdtempSync(join(tmpdir(), "litgraph-cli-exit-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const GOOD = "test/fixtures/ingest-b/ieee-exascale-slice.ris";
const BIB = "test/fixtures/ingest-b/chil2023-slice.bib";
const BROKEN = join(dir, "broken.ris");
const BIG_DIR = join(dir, "folder");
const OUT = (name: string) => join(dir, "out", name);

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { maxBuffer: 64 * 1024 * 1024, timeout: 120_000 },
      (err, stdout, stderr) => {
        const code = err ? ((err as { code?: number }).code ?? null) : 0;
        resolve({ code: typeof code === "number" ? code : null, stdout, stderr });
      },
    );
  });
}

/** name, argv, exit code, what stdout must be, what stderr must match. */
type Case = readonly [string, string[], 0 | 1 | 2, "json" | "text" | "empty", RegExp];

const AS_OF = ["--as-of", "2026-11-27"];
const CASES: Case[] = [
  ["extract succeeds", ["extract", GOOD, ...AS_OF], 0, "text", /3 records: 3 read/],
  [
    "extract --json is pure JSON on stdout",
    ["extract", GOOD, "--json", ...AS_OF],
    0,
    "json",
    /3 records/,
  ],
  [
    "build --json prints meta, logs to stderr",
    ["build", GOOD, "-o", OUT("g.json"), "--json", ...AS_OF],
    0,
    "json",
    /wrote .*g\.json/,
  ],
  ["rejected records without --strict", ["extract", BROKEN, ...AS_OF], 0, "text", /1 rejected/],
  [
    "rejected records under --strict (build)",
    ["build", BROKEN, "-o", OUT("s.json"), "--strict", ...AS_OF],
    1,
    "empty",
    /1 rejected/,
  ],
  [
    "a missing input fails",
    ["extract", join(dir, "nope.bib"), ...AS_OF],
    1,
    "empty",
    /nope\.bib: no such file/,
  ],
  ["unknown command", ["frobnicate"], 2, "empty", /unknown command 'frobnicate'/],
  [
    "unknown option",
    ["extract", GOOD, "--frobnicate"],
    2,
    "empty",
    /litgraph extract: .*frobnicate/,
  ],
  [
    "a file over --max-input-mb",
    ["extract", BIB, "--max-input-mb", "0.01", ...AS_OF],
    1,
    "empty",
    /chil2023-slice\.bib: 12968 bytes .* over the input limit of 0\.01 MB per file; raise it with --max-input-mb/,
  ],
  [
    "a folder holding a file over the limit",
    ["build", BIG_DIR, "-o", OUT("big.json"), "--max-input-mb", "0.01", ...AS_OF],
    1,
    "empty",
    /big\.bib: .* over the input limit of 0\.01 MB.*--max-input-mb/,
  ],
  [
    "files under the limit",
    ["extract", BIB, "--max-input-mb", "0.02", "--json", ...AS_OF],
    0,
    "json",
    /8 records/,
  ],
];

const results = new Map<string, Result>();

beforeAll(async () => {
  const ris = readFileSync(GOOD, "utf8");
  writeFileSync(BROKEN, ris.slice(0, ris.lastIndexOf("ER  -")));
  mkdirSync(BIG_DIR, { recursive: true });
  writeFileSync(join(BIG_DIR, "big.bib"), readFileSync(BIB));
  writeFileSync(join(BIG_DIR, "small.ris"), ris);
  // Two at a time: the machine is shared.
  const queue = [...CASES];
  const worker = async () => {
    for (let c = queue.shift(); c; c = queue.shift()) results.set(c[0], await run(c[1]));
  };
  await Promise.all([worker(), worker()]);
}, 300_000);

describe("exit codes and streams", () => {
  it.each(CASES)("%s", (name, _args, code, stdout, stderr) => {
    const r = results.get(name) as Result;
    expect(r.code, r.stderr).toBe(code);
    expect(r.stderr).toMatch(stderr);
    if (stdout === "empty") expect(r.stdout).toBe("");
    if (stdout === "json") expect(() => JSON.parse(r.stdout)).not.toThrow();
    if (stdout === "text") {
      expect(r.stdout.length).toBeGreaterThan(0);
      expect(() => JSON.parse(r.stdout)).toThrow();
    }
    // Messages never leak into the data stream.
    expect(r.stdout).not.toMatch(/records: \d+ read|litgraph [a-z]+: /);
  });

  it("usage errors and failures write no output file", () => {
    expect(existsSync(OUT("big.json"))).toBe(false);
    expect(statSync(OUT("g.json")).size).toBeGreaterThan(0);
  });

  it("the refused file was not read: the limit names the option, not a parse error", () => {
    const r = results.get("a file over --max-input-mb") as Result;
    expect(r.stderr).not.toMatch(/rejected|records/);
  });
});

/** In-process (cheap) for the rest of the usage errors: same main(), stdout and stderr captured. */
const runInProcess = (argv: string[]): Promise<Result> => runMain(argv);

describe("usage errors exit 2 with the message on stderr (in process)", () => {
  it.each([
    ["no command", [], /^$/, /Usage: litgraph/],
    ["bad --as-of", ["extract", GOOD, "--as-of", "27/11/2026"], /--as-of wants YYYY-MM-DD/, /^$/],
    ["bad --format", ["build", GOOD, "--format", "pdf"], /--format wants one of json, gexf/, /^$/],
    [
      "non-numeric --max-input-mb",
      ["build", GOOD, "--max-input-mb", "lots"],
      /--max-input-mb wants a positive number/,
      /^$/,
    ],
    [
      "bad --resolution",
      ["build", GOOD, "--resolution", "0"],
      /--resolution wants a positive number/,
      /^$/,
    ],
    ["missing option value", ["build", GOOD, "-o"], /litgraph build: .*-o/, /^$/],
    [
      "--incremental without the cache",
      ["build", GOOD, "--incremental", "--no-cache"],
      /--incremental starts from the cached layout/,
      /^$/,
    ],
  ] as const)("%s", async (_name, argv, err, out) => {
    const r = await runInProcess([...argv]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(err);
    expect(r.stdout).toMatch(out);
  });

  it("a 1 GB input is refused by the default limit before it is read (in process)", async () => {
    const huge = join(dir, "huge.bib");
    writeFileSync(huge, "");
    truncateSync(huge, 2 ** 30); // sparse: no disk used, nothing to read
    const started = Date.now();
    const r = await runInProcess(["extract", huge, ...AS_OF]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /huge\.bib: 1073741824 bytes \(1024\.0 MB\) is over the input limit of 256 MB per file; raise it with --max-input-mb/,
    );
    expect(r.stdout).toBe("");
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("a device with no size (/dev/zero) is cut off at the limit, not read forever", async () => {
    const started = Date.now();
    const r = await runInProcess(["extract", "/dev/zero", "--max-input-mb", "2", ...AS_OF]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /\/dev\/zero: more than 2097152 bytes is over the input limit of 2 MB per file; raise it with --max-input-mb/,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("--strict exits 1 on rejects and 0 on clean input (in process)", async () => {
    expect((await runInProcess(["extract", BROKEN, "--strict", ...AS_OF])).code).toBe(1);
    expect((await runInProcess(["extract", GOOD, "--strict", ...AS_OF])).code).toBe(0);
  });

  it("a reader that stops early (| head) ends the command quietly with exit 0", async () => {
    const child = spawn(process.execPath, [CLI, "extract", "--json", ...AS_OF]);
    let stderr = "";
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on("close", done));
    expect(code).toBe(0);
    expect(stderr).not.toMatch(/EPIPE|Unhandled/);
  });
});
