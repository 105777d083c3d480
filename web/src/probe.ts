// Measurement and test hooks: none in the shipped app. The bench build of the page (vite build
// --mode bench, which loads web/src/bench-main.ts instead of main.ts; test/browser/app.ts builds
// it for the browser tests and bench/web.ts) installs them before the app starts.
import type { WholeExport } from "./export-whole.ts";
import type { Renderer } from "./renderer.ts";
import type { Store } from "./state.ts";

/** What a session shows a probe (web/src/bench-hooks.ts turns it into window.litgraph). */
export interface SessionInternals {
  store: Store;
  renderer: Renderer;
  graphArea: HTMLElement;
  select(key: string, move?: boolean): void;
  lastExport(): WholeExport | null;
}

export interface Probe {
  /** graph.json is fetched and parsed. */
  parsed(): void;
  /** The first render of a graph has returned. */
  rendered(): void;
  /** The deferred work after the first frame is done. */
  ready(): void;
  /** The views not on screen are built (in idle slices after the deferred work). */
  views(): void;
  /** A session is on screen. */
  session(internals: SessionInternals): void;
}

let current: Probe | null = null;

/** The installed probe, if any. */
export const probe = (): Probe | null => current;

/** Installs `p` (web/src/bench-main.ts, before the app starts). */
export function installProbe(p: Probe): void {
  current = p;
}
