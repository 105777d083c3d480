// Reading a V8 .cpuprofile: inclusive sampled time of named functions (excluding GC, which V8
// books at the root) and the top self-time functions, for the bottleneck table.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  totalMs: number;
  gcMs: number;
  /** Inclusive ms of each requested function name (first frame of that name on the stack). */
  inclusiveMs: Record<string, number>;
  /** Top self-time frames: "function file:line", ms. */
  top: { frame: string; ms: number }[];
}

/** The main thread's profile in `dir`: the largest .cpuprofile file (workers' are smaller). */
export function mainProfile(dir: string): string | null {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".cpuprofile"))
    .map((f) => ({ f: join(dir, f), size: statSync(join(dir, f)).size }))
    .sort((a, b) => b.size - a.size);
  return files[0]?.f ?? null;
}

const short = (url: string) => url.replace(/^.*\/(src|node_modules|bench)\//, "$1/");

export function summariseProfile(file: string, names: string[], topN = 12): ProfileSummary {
  const p = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const hits = new Map<number, number>();
  p.samples.forEach((s, i) => {
    hits.set(s, (hits.get(s) ?? 0) + (p.timeDeltas[i] ?? 0));
  });
  let total = 0;
  let gc = 0;
  const inclusive: Record<string, number> = Object.fromEntries(names.map((n) => [n, 0]));
  const self = new Map<string, number>();
  for (const [id, us] of hits) {
    total += us;
    const node = byId.get(id);
    if (!node) continue;
    const cf = node.callFrame;
    if (cf.functionName === "(garbage collector)") gc += us;
    const frame = `${cf.functionName || "(anonymous)"} ${short(cf.url)}:${cf.lineNumber + 1}`;
    if (!cf.functionName.startsWith("(")) self.set(frame, (self.get(frame) ?? 0) + us);
    const seen = new Set<string>();
    for (let x: number | undefined = id; x !== undefined; x = parent.get(x)) {
      const name = byId.get(x)?.callFrame.functionName ?? "";
      if (name in inclusive && !seen.has(name)) {
        seen.add(name);
        inclusive[name] += us;
      }
    }
  }
  for (const k of names) inclusive[k] /= 1000;
  return {
    totalMs: total / 1000,
    gcMs: gc / 1000,
    inclusiveMs: inclusive,
    top: [...self]
      .sort((a, b) => b[1] - a[1])
      .slice(0, topN)
      .map(([frame, us]) => ({ frame, ms: us / 1000 })),
  };
}
