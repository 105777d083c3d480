// The steps of issue 17's speed goals, for bench/web.ts: on our page (paper map; once its idle
// work is done, the views it does not show built) a community filter, Reset, and a switch to each view, each timed from the click to two animation
// frames after its drawing (the busy note gone: busy.ts hides it once the step's frame is drawn),
// each started with the GPU process idle, and also to the GPU process done drawing it;
// beside each, a bare sigma page's first render of the graph the step leaves on screen
// (bench/bare/: new Sigma → two frames later). Also the longest main-thread task of each step
// (PerformanceObserver "longtask") and whether a note was on screen all through every task over
// 200 ms ("visible progress"), and the nodes, edges and labels drawn after it on both pages.
import type { Browser, Page } from "playwright-core";

export interface StepRun {
  ms: number;
  /** click → the GPU process done drawing the step (a pixel read from each WebGL canvas) */
  gpuMs: number;
  /** longest task in the step (ms) */
  longestTask: number;
  /** tasks over 200 ms with no note on screen all through them */
  silentBlocks: number;
  nodes: number;
  edges: number;
  labels: number;
  /** frames sigma drew during the step */
  draws: number;
}

export interface BareRun {
  renderMs: number;
  gpuMs: number;
  nodes: number;
  edges: number;
  labels: number;
}

export interface Step {
  name: string;
  /** what is clicked on our page */
  selector: string;
  /** the bare page's query string for the resulting graph */
  bare: string;
}

export function stepsFor(community: number): Step[] {
  return [
    {
      name: "community filter",
      selector: `button.legend-item[data-community="${community}"]`,
      bare: `community=${community}`,
    },
    { name: "Reset", selector: "button.reset", bare: "" },
    { name: "→ knowledge graph", selector: '[data-view="knowledge"]', bare: "view=knowledge" },
    { name: "→ collaboration", selector: '[data-view="collab"]', bare: "view=collab" },
    { name: "→ paper map again", selector: '[data-view="papers"]', bare: "" },
  ];
}

interface PageHooks {
  __frames: number[];
  __longTasks: { start: number; end: number }[];
  __notes: { t: number; shown: boolean }[];
  litgraph: { shown(): { nodes: number; edges: number; labels: number }; renders(): number };
}
declare const window: PageHooks;

/** Installs the long-task and busy-note recorders in a ready page of ours. */
async function record(page: Page): Promise<void> {
  await page.evaluate("globalThis.__name ??= (f) => f");
  await page.evaluate(() => {
    window.__longTasks = [];
    window.__notes = [];
    // when animation frames ran: the screen changes only with a frame
    window.__frames = [];
    const tick = (t: number) => {
      window.__frames.push(t);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        window.__longTasks.push({ start: e.startTime, end: e.startTime + e.duration });
    }).observe({ type: "longtask", buffered: false });
    const note = document.getElementById("busy") as HTMLElement;
    new MutationObserver(() =>
      window.__notes.push({ t: performance.now(), shown: !note.hidden }),
    ).observe(note, { attributes: true, attributeFilter: ["hidden"] });
  });
}

/** One step on our page: click, wait for the note to go and two frames. */
async function runStep(page: Page, selector: string, timeout: number): Promise<StepRun> {
  const times = await page.evaluate(
    async ({ sel, limit }) => {
      const note = document.getElementById("busy") as HTMLElement;
      const target = document.querySelector<HTMLElement>(sel);
      if (!target) throw new Error(`bench/web-steps: nothing matches ${sel}`);
      const r0 = window.litgraph.renders();
      const t0 = performance.now();
      target.click();
      // the note is shown at once by the click handler on a big graph; wait for it to go
      while (!note.hidden && performance.now() - t0 < limit)
        await new Promise((r) => requestAnimationFrame(r));
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const t1 = performance.now();
      // in a task of its own, after the step's (the wait is not one of the step's tasks)
      await new Promise((r) => setTimeout(r, 0));
      for (const c of document.querySelectorAll("canvas")) {
        const gl = c.getContext("webgl2") ?? c.getContext("webgl");
        gl?.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
      }
      return { t0, t1, gpu: performance.now() - t0, draws: window.litgraph.renders() - r0 };
    },
    { sel: selector, limit: timeout },
  );
  // long tasks are reported after they end: let the observer deliver
  await page.waitForTimeout(50);
  const { tasks, notes, frames, shown } = await page.evaluate(() => ({
    tasks: window.__longTasks,
    notes: window.__notes,
    frames: window.__frames.filter(
      (f) => f > window.__frames[window.__frames.length - 1] - 120_000,
    ),
    shown: window.litgraph.shown(),
  }));
  const inStep = tasks.filter((t) => t.end > times.t0 && t.start < times.t1);
  /**
   * Whether the screen showed the note all through a task: the note was shown before it starts,
   * and not hidden before it, or hidden with no frame between the hide and the task (the screen
   * then still shows the last frame, with the note, until the next frame: the one the task
   * holds up).
   */
  const covered = (start: number, end: number) => {
    let on = false;
    let hiddenAt = Number.NaN;
    for (const n of notes) {
      if (n.t > start) {
        if (n.t < end) return false;
        break;
      }
      on = n.shown;
      hiddenAt = n.shown ? Number.NaN : n.t;
    }
    if (on) return true;
    // hidden before the task: covered when no frame ran in between
    return (
      !Number.isNaN(hiddenAt) &&
      notes.some((n) => n.shown && n.t < hiddenAt) &&
      !frames.some((f) => f > hiddenAt && f < start)
    );
  };
  return {
    ms: times.t1 - times.t0,
    gpuMs: times.gpu,
    longestTask: Math.max(0, ...inStep.map((t) => t.end - t.start)),
    silentBlocks: inStep.filter((t) => t.end - t.start > 200 && !covered(t.start, t.end)).length,
    draws: times.draws,
    ...shown,
  };
}

/** Waits until the GPU process has drawn everything asked of it: a pixel read from each canvas. */
async function settleGpu(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const c of document.querySelectorAll("canvas")) {
      const gl = c.getContext("webgl2") ?? c.getContext("webgl");
      gl?.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
    }
  });
}

/** Every step in order on a fresh page of ours (waits for the deferred work first). */
export async function oursSteps(
  browser: Browser,
  url: string,
  steps: Step[],
  viewport: { width: number; height: number },
  timeout: number,
): Promise<StepRun[]> {
  const page = await browser.newPage({ viewport });
  try {
    await page.goto(url);
    // the deferred work done, the views not shown yet built in idle time (web/src/session.ts)
    await page.waitForFunction(() => (window as unknown as { __views?: number }).__views, null, {
      timeout,
    });
    await record(page);
    const out: StepRun[] = [];
    for (const s of steps) {
      await page.waitForTimeout(300);
      // Each step from a settled GPU, as the bare page's render starts on a fresh page: else the
      // GPU process is still drawing the previous step (a software draw of a big view lasts
      // seconds after its two frames), and the next step's frames wait for it.
      await settleGpu(page);
      out.push(await runStep(page, s.selector, timeout));
    }
    return out;
  } finally {
    await page.close();
  }
}

/** The bare page's first render of a step's graph. */
export async function bareRender(
  browser: Browser,
  url: string,
  viewport: { width: number; height: number },
  timeout: number,
): Promise<BareRun> {
  const page = await browser.newPage({ viewport });
  try {
    await page.goto(url);
    await page.waitForFunction(
      () => (window as unknown as { __gpuMs?: number }).__gpuMs !== undefined,
      null,
      { timeout },
    );
    return await page.evaluate(() => {
      const w = window as unknown as {
        __renderMs: number;
        __gpuMs: number;
        __view: { nodes: number; edges: number; labels: number };
      };
      return { renderMs: w.__renderMs, gpuMs: w.__gpuMs, ...w.__view };
    });
  } finally {
    await page.close();
  }
}
