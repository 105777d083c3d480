// One benchmark run in its own process (so peak RSS is per run): the whole pipeline on `paths`,
// then the JSON write; prints one JSON line with the figures.
import { statSync } from "node:fs";
import { join } from "node:path";
import v8 from "node:v8";
import type { Progress } from "../src/common/progress.ts";
import { writeGraph } from "../src/export/index.ts";
import { DEFAULT_THREADS } from "../src/extract/parallel.ts";
import { extractParts } from "../src/extract/staged.ts";
import { runPipeline } from "../src/pipeline.ts";

export interface ChildSpec {
  name: string;
  paths: string[];
  outDir: string;
  threads?: number;
  /** Cache dir; none = no cache. */
  cacheDir?: string;
  /** Start from the cached layout of the previous run (PipelineOptions.incremental). */
  incremental?: boolean;
  /** Also time stage 1 alone on this thread (default true). */
  singleThread?: boolean;
}

export interface RunFigures {
  name: string;
  papers: number;
  nodes: number;
  edges: number;
  threads: number;
  /** Wall seconds per stage: ingest, extract (extract.parts + extract.topics), graph, serialize, write. */
  seconds: Record<string, number>;
  totalSeconds: number;
  papersPerSecond: number;
  /** Stage-1 (per-paper) throughput of the pipeline run per thread (worker start-up included); null when cached. */
  abstractsPerSecondPerCore: number | null;
  /** Stage 1 alone on one thread, timed after the run (warm JIT); null when skipped. */
  singleThreadAbstractsPerSecond: number | null;
  peakRssMb: number;
  graphJsonBytes: number;
  /** Seconds of main-thread garbage collection during the run (v8.GCProfiler): young, and old. */
  gcSeconds: { minor: number; major: number };
}

/**
 * Sums GC pause time by kind while the run goes. v8.GCProfiler records each collection as it
 * happens and hands its figures over synchronously, at any moment: perf_hooks' "gc" entries are
 * delivered only when the event loop turns, so a run that works synchronously (the +100 rebuild,
 * without extraction workers to wait for) read 0 so far, and a stop right after the write lost
 * the entries not yet delivered.
 */
function gcClock() {
  const total = { minor: 0, major: 0 };
  const profiler = new v8.GCProfiler();
  profiler.start();
  /** Adds the collections since the last call to `total`. */
  const collect = () => {
    for (const s of profiler.stop()?.statistics ?? []) {
      if (MINOR_GC.has(s.gcType)) total.minor += s.cost / 1e6;
      else total.major += s.cost / 1e6;
    }
  };
  return {
    total,
    /** The totals up to now. */
    now: () => {
      collect();
      profiler.start();
      return total;
    },
    stop: collect,
  };
}

/** GCProfiler's kinds of young-generation collection ("cost" is in microseconds). */
const MINOR_GC = new Set(["Scavenge", "MinorMarkCompact", "MinorMarkSweep"]);

/** A Progress that only records when each stage started and how many units it saw. */
function stageClock() {
  const marks: { name: string; at: number; count: number }[] = [];
  const p: Progress = {
    stage: (name) => marks.push({ name, at: performance.now(), count: 0 }),
    tick: (n = 1) => {
      const m = marks[marks.length - 1];
      if (m) m.count += n;
    },
    done: () => marks.push({ name: "end", at: performance.now(), count: 0 }),
  };
  const span = (name: string) => {
    const i = marks.findIndex((m) => m.name === name);
    return i < 0 || i + 1 >= marks.length ? 0 : (marks[i + 1].at - marks[i].at) / 1000;
  };
  return { p, span };
}

export async function runChild(spec: ChildSpec): Promise<RunFigures> {
  const seconds: Record<string, number> = {};
  const clock = stageClock();
  const threads = spec.threads ?? DEFAULT_THREADS();
  const gc = gcClock();
  const started = performance.now();
  const { serialized, ingest } = await runPipeline(spec.paths, {
    asOf: new Date("2026-01-01T00:00:00Z"),
    threads,
    cache: spec.cacheDir ? { dir: spec.cacheDir } : undefined,
    incremental: spec.incremental,
    progress: clock.p,
    onStage: (stage, ms) => {
      seconds[stage] = ms / 1000;
      // On stderr as each stage ends, so a run stopped by a time limit still says how far it got.
      const rss = Math.round(process.memoryUsage().rss / 2 ** 20);
      const sofar = gc.now();
      const g = `GC so far ${sofar.minor.toFixed(1)} + ${sofar.major.toFixed(1)} s`;
      process.stderr.write(
        `bench: ${spec.name}: ${stage} ${(ms / 1000).toFixed(1)} s, RSS ${rss} MB, ${g}\n`,
      );
    },
  });
  seconds["extract.parts"] = clock.span("extract");
  seconds["extract.topics"] = clock.span("topics");
  const out = join(spec.outDir, `${spec.name}.graph.json`);
  let t = performance.now();
  await writeGraph(serialized, { format: "json", out });
  seconds.write = (performance.now() - t) / 1000;
  const totalSeconds = (performance.now() - started) / 1000;
  gc.stop();
  const papers = ingest.papers.length;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  let single: number | null = null;
  if (spec.singleThread ?? true) {
    t = performance.now();
    extractParts(ingest.papers);
    single = papers / ((performance.now() - t) / 1000);
  }
  const c = serialized.meta.counts as Record<string, number>;
  return {
    name: spec.name,
    papers,
    nodes: c.nodes,
    edges: c.edges,
    threads,
    seconds,
    totalSeconds,
    papersPerSecond: papers / totalSeconds,
    abstractsPerSecondPerCore: spec.cacheDir ? null : papers / (seconds["extract.parts"] * threads),
    singleThreadAbstractsPerSecond: single,
    peakRssMb,
    graphJsonBytes: statSync(out).size,
    gcSeconds: gc.total,
  };
}
