// Progress on stderr: stage, count, rate and ETA, redrawn in place at most every 100 ms, only
// when the stream is a TTY (silent when piped, and never on stdout, so --json output stays clean).

export interface Progress {
  /** Start a stage of `total` units (0 when unknown). */
  stage(name: string, total: number): void;
  /** `n` more units done in the current stage (default 1). */
  tick(n?: number): void;
  /** End the line (call once at the end). */
  done(): void;
}

export interface ProgressStream {
  isTTY?: boolean;
  write(s: string): unknown;
}

export interface ProgressOptions {
  /** Where to draw (default process.stderr). */
  stream?: ProgressStream;
  /** Draw at all (default: stream.isTTY === true). */
  enabled?: boolean;
  /** Clock in ms (default performance.now). */
  now?: () => number;
  /** Least time between redraws in ms (default 100). */
  intervalMs?: number;
}

export interface ProgressState {
  stage: string;
  count: number;
  total: number;
  elapsedMs: number;
}

const secs = (ms: number) =>
  ms >= 60_000
    ? `${Math.floor(ms / 60_000)}m${Math.round((ms % 60_000) / 1000)}s`
    : `${(ms / 1000).toFixed(1)}s`;

/** "extract 1200/6318 19% 850/s ETA 6.0s" (rate and ETA once some time has passed). */
export function formatProgress(s: ProgressState): string {
  const parts = [s.stage];
  if (s.total > 0) {
    parts.push(`${s.count}/${s.total}`, `${Math.floor((100 * s.count) / s.total)}%`);
  } else if (s.count > 0) parts.push(String(s.count));
  if (s.elapsedMs >= 1 && s.count > 0) {
    const rate = (s.count * 1000) / s.elapsedMs;
    parts.push(`${rate >= 100 ? Math.round(rate) : rate.toFixed(1)}/s`);
    if (s.total > s.count) parts.push(`ETA ${secs(((s.total - s.count) * 1000) / rate)}`);
  }
  parts.push(`(${secs(s.elapsedMs)})`);
  return parts.join(" ");
}

/** A Progress that does nothing. */
export const silentProgress: Progress = { stage() {}, tick() {}, done() {} };

export function createProgress(opts: ProgressOptions = {}): Progress {
  const stream =
    opts.stream ?? (globalThis as { process?: { stderr?: ProgressStream } }).process?.stderr;
  if (!stream || !(opts.enabled ?? stream.isTTY === true)) return silentProgress;
  const now = opts.now ?? (() => performance.now());
  const interval = opts.intervalMs ?? 100;
  let s: ProgressState | null = null;
  let started = 0;
  let drawn = Number.NEGATIVE_INFINITY;
  let width = 0;
  let last = "";
  const draw = (force: boolean) => {
    if (!s) return;
    const t = now();
    if (!force && t - drawn < interval) return;
    drawn = t;
    s.elapsedMs = t - started;
    const line = formatProgress(s);
    if (line === last) return;
    last = line;
    stream.write(`\r${line}${" ".repeat(Math.max(0, width - line.length))}`);
    width = line.length;
  };
  return {
    stage(name, total) {
      if (s) {
        draw(true);
        stream.write("\n");
        width = 0;
      }
      started = now();
      s = { stage: name, count: 0, total, elapsedMs: 0 };
      drawn = Number.NEGATIVE_INFINITY;
      draw(true);
    },
    tick(n = 1) {
      if (!s) return;
      s.count += n;
      draw(s.count === s.total);
    },
    done() {
      if (!s) return;
      draw(true);
      stream.write("\n");
      s = null;
    },
  };
}
