// npm run bench [-- --full] [--json] [--only NAME] [--no-rebuild | --rebuild-only] [--rebuilds N] [--no-profile] [--heap-mb N]
// Whole-pipeline figures per corpus, each run in its own child process (peak RSS per run):
// the 6,318 paperlists papers (when ../shared/corpora exists beside the project), synthetic
// corpora of 10k papers and, with --full, 100k; then the rebuild after adding 100 papers to a
// cached build. docs/benchmarks.md has the figures and how to read them.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { GENERATOR_VERSION, generateCorpus } from "../src/synth/index.ts";
import { calibrate } from "./calibrate.ts";
import { type ChildSpec, type RunFigures, runChild } from "./child.ts";
import { mainProfile, type ProfileSummary, summariseProfile } from "./profile.ts";
import { median } from "./stats.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SHARED = resolve(ROOT, "../shared/corpora/paperlists");

interface Row extends RunFigures {
  /** CPU-sampled seconds inside buildGraph's steps (GC excluded). */
  profiled?: { communities: number; layout: number; similarity: number; gc: number };
  top?: ProfileSummary["top"];
}

interface Rebuild {
  base: string;
  cold: RunFigures;
  /** The median run (by total) of the rebuilds. */
  warm: RunFigures;
  /** Every rebuild's total seconds, in run order. */
  warmTotals: number[];
  /**
   * The same rebuild as a user runs it (`litgraph build … --incremental`): wall seconds of each
   * whole command, process start and exit included, in run order.
   */
  cliTotals: number[];
  added: number;
}

/** Wall seconds of `litgraph build <paths> --incremental` from spawn to exit (the cache in `cacheDir`). */
function cliRebuild(paths: string[], cacheDir: string, out: string): number {
  const args = ["--max-semi-space-size=64", join(ROOT, "dist/cli.js"), "build", ...paths];
  args.push("--cache-dir", cacheDir, "--incremental", "--as-of", "2026-01-01", "-o", out);
  const started = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0)
    throw new Error(`bench: litgraph build failed (exit ${r.status}): ${r.stderr}`);
  return seconds;
}

/** JS heap cap of each child in MB (--heap-mb; default 8192, the 100k RSS target). */
let heapMb = 8192;

function childRun(spec: ChildSpec, profile: boolean): Row {
  const profDir = mkdtempSync(join(tmpdir(), "litgraph-prof-"));
  const args = [
    `--max-old-space-size=${heapMb}`,
    // the young generation the CLI runs with (src/cli/bin.ts)
    "--max-semi-space-size=64",
    ...(profile ? ["--cpu-prof", `--cpu-prof-dir=${profDir}`] : []),
    "--import",
    "tsx",
    join(ROOT, "bench/index.ts"),
    "--child",
    JSON.stringify(spec),
  ];
  const r = spawnSync(process.execPath, args, {
    cwd: ROOT,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 1 << 26,
  });
  if (r.status !== 0) throw new Error(`bench: run ${spec.name} failed (exit ${r.status})`);
  const row = JSON.parse(r.stdout.trim().split("\n").pop() ?? "{}") as Row;
  const file = profile ? mainProfile(profDir) : null;
  if (file) {
    const names = [
      "assignCommunities",
      "assignLayouts",
      "internItems",
      "similarPairs",
      "forEachSimilar",
      "buildGraph",
    ];
    const s = summariseProfile(file, names);
    row.profiled = {
      communities: s.inclusiveMs.assignCommunities / 1000,
      layout: s.inclusiveMs.assignLayouts / 1000,
      // On the main thread only: with 2 threads similarPairs runs in a worker (graph/similarity-thread.ts).
      // forEachSimilar includes buildGraph's callback, which adds each similar edge to graphology.
      similarity:
        ((s.inclusiveMs.internItems ?? 0) +
          (s.inclusiveMs.similarPairs ?? 0) +
          (s.inclusiveMs.forEachSimilar ?? 0)) /
        1000,
      gc: s.gcMs / 1000,
    };
    row.top = s.top;
  }
  rmSync(profDir, { recursive: true, force: true });
  return row;
}

/** A synthetic corpus as a paperlists JSON file, generated once per size and seed. */
function synthFile(dir: string, papers: number, seed: number): string {
  const file = join(dir, `synth${papers}-s${seed}-g${GENERATOR_VERSION}.json`);
  if (!existsSync(file)) writeFileSync(file, JSON.stringify(generateCorpus({ papers, seed })));
  return file;
}

const f1 = (x: number | null | undefined) => (x === null || x === undefined ? "—" : x.toFixed(1));
const f0 = (x: number | null | undefined) =>
  x === null || x === undefined ? "—" : Math.round(x).toString();

export function table(rows: Row[]): string {
  const head = [
    "corpus",
    "papers",
    "nodes",
    "edges",
    "ingest s",
    "extract s (parts+topics)",
    "graph s",
    "similarity s (input+wait)",
    "communities s",
    "layout s",
    "serialize s",
    "write s",
    "total s",
    "GC s (young+old)",
    "papers/s",
    "ms/paper",
    "abstracts/s/core (run | 1 thread)",
    "peak RSS MB",
    "graph.json MB",
  ];
  const lines = rows.map((r) => [
    r.name,
    String(r.papers),
    String(r.nodes),
    String(r.edges),
    f1(r.seconds.ingest),
    `${f1(r.seconds.extract)} (${f1(r.seconds["extract.parts"])}+${f1(r.seconds["extract.topics"])})`,
    f1(r.seconds.graph),
    `${f1(r.seconds["graph.similarity-input"])}+${f1(r.seconds["graph.similarity"])}`,
    f1(r.seconds["graph.communities"]),
    f1(r.seconds["graph.layout"]),
    f1(r.seconds.serialize),
    f1(r.seconds.write),
    f1(r.totalSeconds),
    `${f1(r.gcSeconds?.minor)}+${f1(r.gcSeconds?.major)}`,
    f0(r.papersPerSecond),
    (1000 / r.papersPerSecond).toFixed(2),
    `${f0(r.abstractsPerSecondPerCore)} | ${f0(r.singleThreadAbstractsPerSecond)}`,
    f0(r.peakRssMb),
    f1(r.graphJsonBytes / 1e6),
  ]);
  const md = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [md(head), md(head.map(() => "---")), ...lines.map(md)].join("\n");
}

async function main(argv: string[]): Promise<void> {
  const childAt = argv.indexOf("--child");
  if (childAt >= 0) {
    const figures = await runChild(JSON.parse(argv[childAt + 1]) as ChildSpec);
    process.stdout.write(`${JSON.stringify(figures)}\n`);
    return;
  }
  const json = argv.includes("--json");
  if (argv.includes("--heap-mb")) heapMb = Number(argv[argv.indexOf("--heap-mb") + 1]);
  const full = argv.includes("--full");
  const profile = !argv.includes("--no-profile");
  const only = argv.includes("--only") ? argv[argv.indexOf("--only") + 1] : undefined;
  const work = join(tmpdir(), "litgraph-bench");
  mkdirSync(work, { recursive: true });
  const log = (s: string) => process.stderr.write(`bench: ${s}\n`);
  const calibrationMs = { before: calibrate(), after: Number.NaN };
  log(`machine calibration: ${calibrationMs.before.toFixed(0)} ms (bench/calibrate.ts)`);

  const corpora: { name: string; paths: string[] }[] = [];
  if (existsSync(SHARED)) corpora.push({ name: "paperlists-6318", paths: [SHARED] });
  else log(`${SHARED} not found: real-corpus run skipped`);
  corpora.push({ name: "synth-10k", paths: [synthFile(work, 10_000, 1)] });
  if (full) corpora.push({ name: "synth-100k", paths: [synthFile(work, 100_000, 1)] });

  const rows: Row[] = [];
  for (const c of corpora) {
    if ((only && c.name !== only) || argv.includes("--rebuild-only")) continue;
    log(`running ${c.name}…`);
    const row = childRun({ name: c.name, paths: c.paths, outDir: work }, profile);
    log(`${c.name}: ${row.totalSeconds.toFixed(1)} s, ${Math.round(row.peakRssMb)} MB`);
    rows.push(row);
  }

  let rebuild: Rebuild | undefined;
  if (!argv.includes("--no-rebuild") && !only) {
    const base = corpora[0];
    const cacheDir = mkdtempSync(join(tmpdir(), "litgraph-bench-cache-"));
    const extra = join(work, "added100.json");
    writeFileSync(extra, JSON.stringify(generateCorpus({ papers: 100, seed: 99 })));
    log(`rebuild: cold cached build of ${base.name}…`);
    const cold = childRun(
      { name: `${base.name}-cold`, paths: base.paths, outDir: work, cacheDir, singleThread: false },
      false,
    );
    // The target is a median: each rebuild starts from its own copy of the cold build's cache
    // (a rebuild rewrites the cache's layout snapshot, so a second one in place would differ).
    const times = argv.includes("--rebuilds")
      ? Math.max(1, Number(argv[argv.indexOf("--rebuilds") + 1]) || 3)
      : 3;
    const warms: RunFigures[] = [];
    for (let i = 0; i < times; i++) {
      log(`rebuild: + 100 papers (${i + 1}/${times})…`);
      const copy = `${cacheDir}-${i}`;
      cpSync(cacheDir, copy, { recursive: true });
      warms.push(
        childRun(
          {
            name: `${base.name}+100`,
            paths: [...base.paths, extra],
            outDir: work,
            cacheDir: copy,
            singleThread: false,
            incremental: true,
          },
          false,
        ),
      );
      rmSync(copy, { recursive: true, force: true });
    }
    // The command as an install runs it: dist/ compiled from the sources as they are.
    const built = spawnSync(process.execPath, [join(ROOT, "scripts/build.mjs"), "--cli"], {
      cwd: ROOT,
      stdio: "inherit",
    });
    if (built.status !== 0) throw new Error("bench: scripts/build.mjs --cli failed");
    const cliTotals: number[] = [];
    for (let i = 0; i < times; i++) {
      log(`rebuild: + 100 papers as a litgraph command (${i + 1}/${times})…`);
      const copy = `${cacheDir}-cli-${i}`;
      cpSync(cacheDir, copy, { recursive: true });
      cliTotals.push(
        cliRebuild([...base.paths, extra], copy, join(work, "cli-rebuild.graph.json")),
      );
      rmSync(copy, { recursive: true, force: true });
    }
    rmSync(cacheDir, { recursive: true, force: true });
    const byTotal = [...warms].sort((a, b) => a.totalSeconds - b.totalSeconds);
    rebuild = {
      base: base.name,
      cold,
      warm: byTotal[(byTotal.length - 1) >> 1],
      warmTotals: warms.map((w) => w.totalSeconds),
      cliTotals,
      added: 100,
    };
  }

  calibrationMs.after = calibrate();
  if (json) {
    process.stdout.write(`${JSON.stringify({ runs: rows, rebuild, calibrationMs }, null, 2)}\n`);
    return;
  }
  const out: string[] = [
    table(rows),
    "",
    "Stage and graph-step columns are wall seconds; GC is the main-thread pause time v8.GCProfiler reports.",
    `Machine calibration (bench/calibrate.ts, a fixed workload; lower is faster): ` +
      `${calibrationMs.before.toFixed(0)} ms before the runs, ${calibrationMs.after.toFixed(0)} ms after.`,
  ];
  for (const r of rows) {
    if (!r.top) continue;
    out.push(
      "",
      `${r.name} (CPU profile): GC ${f1(r.profiled?.gc)} s; similarity on the main thread ${f1(r.profiled?.similarity)} s; top self time:`,
    );
    for (const t of r.top) out.push(`  ${(t.ms / 1000).toFixed(2)} s  ${t.frame}`);
  }
  if (rebuild) {
    out.push(
      "",
      `rebuild of ${rebuild.base} + ${rebuild.added} papers with a warm cache: total ${f1(rebuild.warm.totalSeconds)} s, ` +
        `median of ${rebuild.warmTotals.length} (${rebuild.warmTotals.map((t) => t.toFixed(2)).join(", ")}) ` +
        `(extract ${f1(rebuild.warm.seconds.extract)} s = parts ${f1(rebuild.warm.seconds["extract.parts"])} + topics ${f1(rebuild.warm.seconds["extract.topics"])}; ` +
        `graph ${f1(rebuild.warm.seconds.graph)} s); the cold cached build took ${f1(rebuild.cold.totalSeconds)} s ` +
        `(extract ${f1(rebuild.cold.seconds.extract)} s)`,
      "the same rebuild as a litgraph command (dist/cli.js), " +
        `process start and exit included: median ${f1(median(rebuild.cliTotals))} s ` +
        `(${rebuild.cliTotals.map((t) => t.toFixed(2)).join(", ")})`,
    );
  }
  process.stdout.write(`${out.join("\n")}\n`);
}

await main(process.argv.slice(2));
