// Work split into slices that runs when the page is idle, after the first frame, and can be
// finished at once when something needs its result earlier (a click before the work is done).

/** A computation as a generator: each `yield` ends a slice; the return value is the result. */
export type Steps<T> = Generator<unknown, T, undefined>;

export interface Lazy<T> {
  /** Runs one slice; true when the result is ready (or the work failed). */
  step(): boolean;
  /** The result, running every remaining slice now; rethrows the work's error. */
  get(): T;
  readonly done: boolean;
}

export function lazy<T>(start: () => Steps<T>): Lazy<T> {
  let it: Steps<T> | null = null;
  let result: { value: T } | null = null;
  let error: { error: unknown } | null = null;
  const step = (): boolean => {
    if (result || error) return true;
    it ??= start();
    try {
      const r = it.next();
      if (r.done) result = { value: r.value };
    } catch (err) {
      error = { error: err };
    }
    return result !== null || error !== null;
  };
  return {
    step,
    get() {
      while (!step());
      if (error) throw error.error;
      return (result as { value: T }).value;
    },
    get done() {
      return result !== null || error !== null;
    },
  };
}

/** Work of one slice, as a Lazy (`fn` runs in the slice after an empty first one). */
export function task<T>(fn: () => T): Lazy<T> {
  return lazy(function* () {
    yield;
    return fn();
  });
}

export interface IdleOptions {
  /** Called once every item is done. */
  onDone?: () => void;
  /** Called with the first error an item throws; later items are not run. */
  onError?: (err: unknown) => void;
  /** Milliseconds of work per turn when requestIdleCallback is missing (default 12). */
  budget?: number;
}

/**
 * Steps `items` in order while the page is idle (requestIdleCallback, else short timeouts).
 * Returns a function that stops it.
 */
export function whenIdle(items: readonly Lazy<unknown>[], opts: IdleOptions = {}): () => void {
  let stopped = false;
  let i = 0;
  const budget = opts.budget ?? 12;
  const hasIdle = typeof requestIdleCallback === "function";
  const schedule = () => {
    if (hasIdle) requestIdleCallback(turn, { timeout: 1000 });
    else setTimeout(() => turn(null), 0);
  };
  const turn = (deadline: IdleDeadline | null) => {
    if (stopped) return;
    const until = performance.now() + budget;
    // a turn forced by the timeout still runs one slice (do … while)
    const more = () => (deadline ? deadline.timeRemaining() > 1 : performance.now() < until);
    try {
      do {
        if (i >= items.length) break;
        if (items[i].step()) {
          items[i].get(); // rethrows a failure
          i++;
        }
      } while (more());
    } catch (err) {
      stopped = true;
      opts.onError?.(err);
      return;
    }
    if (i >= items.length) {
      stopped = true;
      opts.onDone?.();
    } else schedule();
  };
  schedule();
  return () => {
    stopped = true;
  };
}
