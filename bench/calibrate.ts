// A fixed JavaScript workload, timed before and after the benchmark runs, so that each report
// says how fast the machine was at the time: this 2-core machine is shared (a virtual machine
// on a busy host), and the same build varies by 20-40% with the host's load. The workload is
// the kind the pipeline does most: many small objects, string-keyed maps, sorting.

/** Milliseconds for the workload (the best of `runs`, to skip a one-off hiccup). */
export function calibrate(runs = 3): number {
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const objects: { i: number; s: string; v: number[] }[] = [];
    for (let i = 0; i < 1_000_000; i++) objects.push({ i, s: `n${i}`, v: [i, i + 1] });
    const map = new Map<string, number>();
    for (let i = 0; i < 400_000; i++) map.set(`key:${i}:${(i * 7919) % 100_003}`, i);
    const keys = [...map.keys()].sort();
    if (keys.length !== 400_000 || objects.length !== 1_000_000)
      throw new Error("bench/calibrate: workload changed");
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}
