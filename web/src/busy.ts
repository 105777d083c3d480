// On a big graph some steps redraw the whole view and hold the page for seconds (a view switch,
// a community filter, Reset). The note says what is being done; the step starts only once the
// browser has painted the note, and the note goes with the step's frame: hidden as the step ends,
// so the frame that shows its drawing (drawn in the step, or in the next animation frame, before
// that frame is painted) is the one without the note, not one more frame of the whole view.

/**
 * Steps that index fewer nodes and edges than this run at once, with no note: showing a view
 * already drawn, Reset to it, a community of a few thousand nodes and edges. (The note costs a
 * frame of the whole page before the step starts; sigma indexes some 10,000 items in about
 * 50 ms of script on this machine's software WebGL.)
 */
export const BUSY_MIN_ITEMS = 10_000;

export interface Busy {
  /**
   * Runs `work` after `text` is on screen; at once, with no note, when not enabled or when the
   * step indexes fewer than BUSY_MIN_ITEMS nodes and edges (`items`; default: a big step).
   */
  run(text: string, work: () => void, items?: number): void;
  /** Drops steps not yet started and hides the note (the session is going). */
  stop(): void;
}

/** After the next paint: an animation frame, then a task (the frame is drawn in between). */
function afterPaint(fn: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(fn, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

export function createBusy(note: HTMLElement, enabled: boolean): Busy {
  let pending = 0;
  const cancels = new Set<() => void>();
  const later = (fn: () => void) => {
    const cancel = afterPaint(() => {
      cancels.delete(cancel);
      fn();
    });
    cancels.add(cancel);
  };
  const done = () => {
    pending--;
    if (pending === 0) note.hidden = true;
  };
  return {
    run(text, work, items = Number.POSITIVE_INFINITY) {
      if (!enabled || items < BUSY_MIN_ITEMS) return work();
      pending++;
      note.textContent = text;
      note.hidden = false;
      later(() => {
        try {
          work();
        } finally {
          done();
        }
      });
    },
    stop() {
      for (const cancel of cancels) cancel();
      cancels.clear();
      pending = 0;
      note.hidden = true;
    },
  };
}
