// Zipf–Mandelbrot choices: rank r (0-based) is drawn with weight 1 / (r + 1 + q)^s.

/**
 * A sampler over ranks 0..n-1; `s` is the exponent (1 ≈ word frequencies), `q` (default 0)
 * flattens the head (authors: the most productive one writes dozens of papers, not half).
 */
export function zipfSampler(n: number, s: number, q = 0): (rng: () => number) => number {
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`synth/zipf: n must be a positive integer, got ${n}`);
  const cum = new Float64Array(n);
  let total = 0;
  for (let r = 0; r < n; r++) {
    total += 1 / (r + 1 + q) ** s;
    cum[r] = total;
  }
  return (rng) => {
    const x = rng() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cum[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** Fisher–Yates shuffle of a copy, driven by `rng`. */
export function shuffled<T>(items: readonly T[], rng: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** An integer in [lo, hi], roughly bell-shaped (mean of three uniforms). */
export function bellInt(rng: () => number, lo: number, hi: number): number {
  const u = (rng() + rng() + rng()) / 3;
  return lo + Math.floor(u * (hi - lo + 1));
}
