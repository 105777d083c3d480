// npm run bench:web — npx tsx bench/web.ts [graph.json] [--runs N] [--json] [--quick]
// (--quick: first paint and the steps only, no hover or search)
// The web view on a big graph in headless Chromium (SwiftShader WebGL, so absolute times are
// software-rendering times), judged against a bare sigma page (bench/bare/) on the same graph in
// the same browser run:
// - first paint: navigation start → two animation frames after the first render that drew the
//   graph (both pages set window.__firstFrame the same way); our page and the bare page
//   alternate, one unmeasured warm-up each, then --runs pages each (default 5); medians + ratio.
//   "Same graph": our view opens a graph of more than 2,000 nodes on the paper map, so the bare
//   page shows the paper map: paper nodes at mapX/mapY with their stored size and label and the
//   "similar" edges, imported with graph.import and drawn by new Sigma with default settings, in a
//   container of our graph area's size. Both fetch the same graph.json over HTTP.
// - hover: mouse move → hovered state, and → two frames later (median over paper nodes; the bare
//   page beside it, with sigma's own hover and no highlight); from a settled page (GPU idle) and
//   right after the previous un-hover (its redraw may still hold the software GPU); the time
//   the highlight reducers take per frame (every node and edge through nodeReducer and
//   edgeReducer once, as sigma does per refresh, with a node selected: on this view a hover is
//   drawn by web/src/hover-overlay.ts and the reducers highlight the selection; median of
//   frames), beside one sigma.refresh with our reducers and with none.
// - steps (bench/web-steps.ts): a community filter (the largest community), Reset, and a switch to
//   the knowledge graph, the collaboration network and back to the paper map, each started with
//   the GPU process idle, from the click to two frames after its drawing, on --runs fresh pages (3
//   by default), beside a bare sigma page's first render of the graph the step leaves on screen;
//   also both to the GPU process done drawing it; with the longest main-thread task of each step
//   and the tasks over 200 ms with no note on screen.
// - search (ours only): a common word and the busiest author's name typed key by key, then Enter
//   on the first result (bench/web-search.ts).
// Default graph: the 6,318-paper graph bench/index.ts writes.
import { cpSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { browserUnavailable, launch, serveSite } from "../test/browser/harness.ts";
import { buildBare } from "./bare/build.ts";
import { calibrate } from "./calibrate.ts";
import { median } from "./stats.ts";
import { type SearchRun, searchQueries, typeAndChoose } from "./web-search.ts";
import { type BareRun, bareRender, oursSteps, type StepRun, stepsFor } from "./web-steps.ts";

interface Hooks {
  __firstFrame?: number;
  __rendered?: number;
  __ready?: number;
  __parsed?: number;
  __hoveredAt?: number;
  __hovered: () => string | null;
  __nodeAt: (key: string) => { x: number; y: number } | null;
  __view?: { nodes: number; edges: number; labels: number };
  litgraph: {
    state(): { hovered: string | null };
    nodePosition(key: string): { x: number; y: number } | null;
    viewNodes(): number;
    viewEdges(): number;
    displayedLabels(): number;
    drawnLabels(): unknown[];
    reducerCost(key: string, frames: number): { reducers: number[]; withRefresh: number[] };
    refreshCost(frames: number, reducers: boolean): number[];
  };
}
declare const window: Hooks;

const VIEWPORT = { width: 1280, height: 800 };
const TIMEOUT = 240_000;

interface Paint {
  /** navigation start → two frames after the first render (ms) */
  firstFrame: number;
  /** navigation start → graph.json fetched and parsed (ours: and checked) (ms) */
  parsed: number;
  /** navigation start → the first render call returned (ms) */
  rendered: number;
  /** navigation start → deferred work done (our page only; ms) */
  ready: number | null;
  nodes: number;
  edges: number;
  /** node labels drawn in the first frame */
  labels: number;
}

async function paint(browser: Browser, url: string, ours: boolean): Promise<Paint> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  try {
    await page.goto(url);
    await page.waitForFunction(() => window.__firstFrame !== undefined, null, {
      timeout: TIMEOUT,
    });
    const marks = await page.evaluate(() => ({
      firstFrame: window.__firstFrame ?? Number.NaN,
      parsed: window.__parsed ?? Number.NaN,
      rendered: window.__rendered ?? Number.NaN,
    }));
    let ready: number | null = null;
    let view: { nodes: number; edges: number; labels: number };
    if (ours) {
      await page.waitForFunction(() => window.__ready !== undefined, null, { timeout: TIMEOUT });
      ready = await page.evaluate(() => window.__ready ?? Number.NaN);
      view = await page.evaluate(() => ({
        nodes: window.litgraph.viewNodes(),
        edges: window.litgraph.viewEdges(),
        // drawn, not only listed by sigma: the label pass leaves out overlapping labels
        labels: window.litgraph.drawnLabels().length,
      }));
    } else view = await page.evaluate(() => window.__view ?? { nodes: 0, edges: 0, labels: 0 });
    return { ...marks, ready, ...view };
  } finally {
    await page.close();
  }
}

async function graphArea(browser: Browser, url: string): Promise<{ w: number; h: number }> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  try {
    await page.goto(url);
    await page.waitForFunction(() => window.__firstFrame !== undefined, null, {
      timeout: TIMEOUT,
    });
    return await page.evaluate(() => {
      const r = (document.getElementById("graph") as HTMLElement).getBoundingClientRect();
      return { w: Math.round(r.width), h: Math.round(r.height) };
    });
  } finally {
    await page.close();
  }
}

/**
 * Mouse move → hovered state (polled every 2 ms: frames are slow under SwiftShader), and → two
 * frames later, on up to 9 of `keys` on screen; each from a settled page (the previous un-hover
 * drawn, the GPU done with it). Both pages answer window.__hovered() and window.__nodeAt(key).
 */
async function hoverLatency(page: Page, keys: string[], settleGpu: boolean) {
  const latencies: number[] = [];
  const toState: number[] = [];
  const onScreen: string[] = [];
  for (let i = 0; i < keys.length && latencies.length < 9; i += Math.ceil(keys.length / 40)) {
    const key = keys[i];
    const p = await page.evaluate((k) => window.__nodeAt(k), key);
    if (!p || p.x < 5 || p.y < 5 || p.x > VIEWPORT.width - 5 || p.y > VIEWPORT.height - 5) continue;
    await page.mouse.move(0, 0);
    await page.evaluate(async (gpu) => {
      for (let n = 0; n < 600 && window.__hovered() !== null; n++)
        await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      // wait for the software GPU to finish drawing it: one pixel read from each WebGL canvas
      if (gpu)
        for (const c of document.querySelectorAll("canvas")) {
          const gl = c.getContext("webgl2") ?? c.getContext("webgl");
          gl?.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
        }
    }, settleGpu);
    const t0 = await page.evaluate((k) => {
      window.__hoveredAt = undefined;
      const timer = setInterval(() => {
        if (window.__hovered() !== k) return;
        window.__hoveredAt = performance.now();
        clearInterval(timer);
      }, 2);
      setTimeout(() => clearInterval(timer), 60_000);
      return performance.now();
    }, key);
    await page.mouse.move(p.x, p.y);
    const t1 = await page.evaluate(async (k) => {
      // No named helpers in here: tsx would wrap them in __name, unknown in the page.
      for (let n = 0; n < 120 && window.__hovered() !== k; n++)
        await new Promise((r) => requestAnimationFrame(r));
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return window.__hovered() === k ? performance.now() : Number.NaN;
    }, key);
    const set = await page.evaluate(() => window.__hoveredAt ?? Number.NaN);
    if (!Number.isNaN(t1) && !Number.isNaN(set)) {
      latencies.push(t1 - t0);
      toState.push(set - t0);
      onScreen.push(key);
    }
  }
  await page.mouse.move(0, 0);
  return { latencies, toState, onScreen };
}

async function hover(browser: Browser, url: string, bareUrl: string, keys: string[]) {
  const page = await browser.newPage({ viewport: VIEWPORT });
  const bare = await browser.newPage({ viewport: VIEWPORT });
  try {
    await page.goto(url);
    await page.waitForFunction(() => window.__ready !== undefined, null, { timeout: TIMEOUT });
    await page.evaluate(() => {
      window.__hovered = () => window.litgraph.state().hovered;
      window.__nodeAt = (k) => window.litgraph.nodePosition(k);
    });
    const ours = await hoverLatency(page, keys, true);
    const oursBusy = await hoverLatency(page, keys, false);
    // Reducer script time: the best-connected hovered nodes are the worst case for the greying.
    const reducers: number[] = [];
    const refreshWith: number[] = [];
    for (const key of ours.onScreen.slice(0, 3)) {
      const r = await page.evaluate((k) => window.litgraph.reducerCost(k, 7), key);
      reducers.push(...r.reducers);
      refreshWith.push(...r.withRefresh);
    }
    const refreshWithout = await page.evaluate(() => window.litgraph.refreshCost(7, false));
    await page.close();
    await bare.goto(bareUrl);
    await bare.waitForFunction(() => window.__firstFrame !== undefined, null, {
      timeout: TIMEOUT,
    });
    const b = await hoverLatency(bare, keys, true);
    const bBusy = await hoverLatency(bare, keys, false);
    return {
      ...ours,
      busy: oursBusy,
      bare: b,
      bareBusy: bBusy,
      reducers,
      refreshWith,
      refreshWithout,
    };
  } finally {
    if (!page.isClosed()) await page.close();
    await bare.close();
  }
}

async function searchRuns(browser: Browser, url: string, queries: string[]) {
  const page = await browser.newPage({ viewport: VIEWPORT });
  try {
    await page.goto(url);
    await page.waitForFunction(() => window.__ready !== undefined, null, { timeout: TIMEOUT });
    const runs: SearchRun[] = [];
    for (const q of queries) runs.push(await typeAndChoose(page, q));
    return runs;
  } finally {
    await page.close();
  }
}

async function main(argv: string[]): Promise<void> {
  const runsAt = argv.indexOf("--runs");
  const runs = runsAt >= 0 ? Math.max(1, Number(argv[runsAt + 1]) || 5) : 5;
  const file =
    argv.find((a, i) => !a.startsWith("--") && argv[i - 1] !== "--runs") ??
    join(tmpdir(), "litgraph-bench", "paperlists-6318.graph.json");
  if (browserUnavailable()) return;
  const graph = JSON.parse(readFileSync(file, "utf8"));
  const site = await serveSite(graph);
  cpSync(await buildBare(), join(site.dir, "bare"), { recursive: true });
  // how fast the shared machine was, before and after (bench/calibrate.ts; lower is faster)
  const calibrationMs = { before: calibrate(), after: Number.NaN };
  const browser = await launch();
  try {
    const area = await graphArea(browser, site.url); // also the unmeasured warm-up of ours
    const bareUrl = `${site.url}bare/?w=${area.w}&h=${area.h}`;
    await paint(browser, bareUrl, false); // unmeasured warm-up of the bare page
    const ours: Paint[] = [];
    const bare: Paint[] = [];
    for (let i = 0; i < runs; i++) {
      ours.push(await paint(browser, site.url, true));
      bare.push(await paint(browser, bareUrl, false));
      process.stderr.write(
        `bench/web: run ${i + 1}/${runs}: ours ${ours[i].firstFrame.toFixed(0)} ms, ` +
          `bare ${bare[i].firstFrame.toFixed(0)} ms\n`,
      );
    }
    const same = ours.every((o, i) => o.nodes === bare[i].nodes && o.edges === bare[i].edges);
    if (!same)
      throw new Error(
        `bench/web: the pages show different graphs (ours ${ours[0].nodes}/${ours[0].edges}, ` +
          `bare ${bare[0].nodes}/${bare[0].edges} nodes/edges)`,
      );
    const largest = [...(graph.meta.communities as { id: number; size: number }[])].sort(
      (a, b) => b.size - a.size || a.id - b.id,
    )[0];
    const steps = stepsFor(largest.id);
    const stepRuns: StepRun[][] = [];
    const stepPages = Math.min(runs, 3);
    for (let i = 0; i < stepPages; i++) {
      stepRuns.push(await oursSteps(browser, site.url, steps, VIEWPORT, TIMEOUT));
      process.stderr.write(
        `bench/web: steps ${i + 1}/${stepPages}: ${stepRuns[i].map((r) => r.ms.toFixed(0)).join(", ")} ms\n`,
      );
    }
    const bareSteps = new Map<string, BareRun[]>();
    for (const s of steps) {
      if (bareSteps.has(s.bare)) continue;
      const list: BareRun[] = [];
      for (let i = 0; i < stepPages; i++)
        list.push(await bareRender(browser, `${bareUrl}&${s.bare}`, VIEWPORT, TIMEOUT));
      bareSteps.set(s.bare, list);
    }
    const stepResults = steps.map((s, i) => {
      const o = stepRuns.map((r) => r[i]);
      const b = bareSteps.get(s.bare) ?? [];
      const ms = median(o.map((r) => r.ms));
      const bareMs = median(b.map((r) => r.renderMs));
      return {
        step: s.name,
        ms,
        bareRenderMs: bareMs,
        ratio: ms / bareMs,
        gpuMs: median(o.map((r) => r.gpuMs)),
        bareGpuMs: median(b.map((r) => r.gpuMs)),
        runs: o.map((r) => Math.round(r.ms)),
        bareRuns: b.map((r) => Math.round(r.renderMs)),
        longestTaskMs: Math.max(...o.map((r) => r.longestTask)),
        silentBlocks: Math.max(...o.map((r) => r.silentBlocks)),
        draws: median(o.map((r) => r.draws)),
        ours: { nodes: o[0].nodes, edges: o[0].edges, labels: o[0].labels },
        bare: { nodes: b[0]?.nodes ?? 0, edges: b[0]?.edges ?? 0, labels: b[0]?.labels ?? 0 },
      };
    });
    for (const r of stepResults)
      if (r.ours.nodes !== r.bare.nodes || r.ours.edges !== r.bare.edges)
        process.stderr.write(
          `bench/web: WARNING after ${r.step} the pages show different graphs (ours ${r.ours.nodes}/${r.ours.edges}, bare ${r.bare.nodes}/${r.bare.edges} nodes/edges)\n`,
        );
    const quick = argv.includes("--quick");
    const paperKeys = (graph.nodes as { key: string; attributes?: { type?: string } }[])
      .filter((n) => n.attributes?.type === "paper")
      .map((n) => n.key);
    const h = quick ? null : await hover(browser, site.url, bareUrl, paperKeys);
    const searched = quick ? [] : await searchRuns(browser, site.url, searchQueries(graph.nodes));
    const fp = {
      ours: median(ours.map((p) => p.firstFrame)),
      bare: median(bare.map((p) => p.firstFrame)),
    };
    calibrationMs.after = calibrate();
    const result = {
      graph: file,
      calibrationMs,
      nodes: graph.nodes.length,
      edges: graph.edges.length,
      view: { nodes: ours[0].nodes, edges: ours[0].edges },
      graphArea: area,
      runs,
      firstPaintMs: {
        ours: fp.ours,
        bare: fp.bare,
        ratio: fp.ours / fp.bare,
        oursRuns: ours.map((p) => Math.round(p.firstFrame)),
        bareRuns: bare.map((p) => Math.round(p.firstFrame)),
        oursParsed: median(ours.map((p) => p.parsed)),
        bareParsed: median(bare.map((p) => p.parsed)),
        oursRendered: median(ours.map((p) => p.rendered)),
        bareRendered: median(bare.map((p) => p.rendered)),
        oursLabels: ours[0].labels,
        bareLabels: bare[0].labels,
        oursReady: median(ours.map((p) => p.ready ?? Number.NaN)),
      },
      steps: stepResults,
      hover: h && {
        latencyMs: median(h.latencies),
        toStateMs: median(h.toState),
        samples: h.latencies.length,
        bareLatencyMs: median(h.bare.latencies),
        bareToStateMs: median(h.bare.toState),
        bareSamples: h.bare.latencies.length,
        busy: {
          toStateMs: median(h.busy.toState),
          latencyMs: median(h.busy.latencies),
          bareToStateMs: median(h.bareBusy.toState),
          bareLatencyMs: median(h.bareBusy.latencies),
        },
        reducerMsPerFrame: median(h.reducers),
        reducerFrames: h.reducers.length,
        refreshWithReducersMs: median(h.refreshWith),
        refreshWithoutReducersMs: median(h.refreshWithout),
      },
      search: searched.map((r) => ({
        typed: r.typed,
        keystrokes: r.keystrokes.length,
        scriptMs: {
          median: median(r.keystrokes.map((k) => k.scriptMs)),
          max: Math.max(...r.keystrokes.map((k) => k.scriptMs)),
        },
        frameMs: {
          median: median(r.keystrokes.map((k) => k.frameMs)),
          max: Math.max(...r.keystrokes.map((k) => k.frameMs)),
        },
        firstKeyResults: r.keystrokes[0]?.results ?? 0,
        chooseMs: r.chooseMs,
        chooseFrameMs: r.chooseFrameMs,
        chosen: r.chosen,
      })),
    };
    if (argv.includes("--json")) {
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      return;
    }
    const f = result.firstPaintMs;
    const o = result.hover;
    const ms = (x: number) => `${x.toFixed(0)} ms`;
    const labelCheck =
      f.oursLabels > 0 || f.bareLabels === 0
        ? "labels drawn on both pages"
        : "NO LABELS on our page (the bare page draws some)";
    process.stdout.write(
      [
        `machine calibration (bench/calibrate.ts; lower is faster): ${ms(calibrationMs.before)} ` +
          `before, ${ms(calibrationMs.after)} after`,
        `web: ${result.nodes} nodes, ${result.edges} edges; opening view (paper map) ` +
          `${result.view.nodes} nodes, ${result.view.edges} edges; graph area ${area.w}×${area.h}`,
        `first paint, median of ${runs}: ours ${ms(f.ours)}, bare sigma ${ms(f.bare)}, ` +
          `ratio ${f.ratio.toFixed(2)} (target ≤ 1.2)`,
        `  ours ${f.oursRuns.join(", ")}; bare ${f.bareRuns.join(", ")}`,
        `  graph.json fetched and parsed: ours ${ms(f.oursParsed)} (with the cheap check), ` +
          `bare ${ms(f.bareParsed)}; first render returned: ours ${ms(f.oursRendered)}, ` +
          `bare ${ms(f.bareRendered)}; labels drawn: ours ${f.oursLabels}, bare ${f.bareLabels} (${labelCheck})`,
        `  ours fully ready (validation, full graph, search index, in idle time) ${ms(f.oursReady)}`,
        `steps (median of ${stepPages} pages; bare: its first render of the resulting graph; target ≤ 1.5):`,
        ...result.steps.map(
          (r) =>
            `  ${r.step}: ours ${ms(r.ms)} (${r.runs.join(", ")}), bare ${ms(r.bareRenderMs)} ` +
            `(${r.bareRuns.join(", ")}), ratio ${r.ratio.toFixed(2)}; longest task ${ms(r.longestTaskMs)}, ` +
            `${r.silentBlocks} over 200 ms without a note; ${r.draws} sigma frames; drawn ${r.ours.nodes}/${r.ours.edges} ` +
            `nodes/edges, labels ours ${r.ours.labels}, bare ${r.bare.labels}; to the GPU done: ours ` +
            `${ms(r.gpuMs)}, bare ${ms(r.bareGpuMs)}, ratio ${(r.gpuMs / r.bareGpuMs).toFixed(2)}`,
        ),
        ...(o
          ? [
              `hover: mouse move → hovered state ${ms(o.toStateMs)}, → two frames later ` +
                `${ms(o.latencyMs)} (median of ${o.samples} nodes); bare sigma (its own hover, no ` +
                `highlight): ${ms(o.bareToStateMs)}, ${ms(o.bareLatencyMs)} (${o.bareSamples} nodes)`,
              `  right after the previous un-hover (GPU maybe still drawing it): ours ` +
                `${ms(o.busy.toStateMs)}, ${ms(o.busy.latencyMs)}; bare ${ms(o.busy.bareToStateMs)}, ` +
                `${ms(o.busy.bareLatencyMs)}`,
              `highlight reducers (a node selected): ${o.reducerMsPerFrame.toFixed(2)} ms script per frame ` +
                `(median of ${o.reducerFrames} frames, target ≤ 20); ` +
                `sigma.refresh with them ${ms(o.refreshWithReducersMs)}, ` +
                `without reducers ${ms(o.refreshWithoutReducersMs)}`,
              ...result.search.map(
                (r) =>
                  `search "${r.typed}" typed key by key: script per key median ${ms(r.scriptMs.median)}, ` +
                  `max ${ms(r.scriptMs.max)}; list on screen median ${ms(r.frameMs.median)}, max ` +
                  `${ms(r.frameMs.max)}; Enter on the first result → selected ${ms(r.chooseMs)}, ` +
                  `→ two frames ${ms(r.chooseFrameMs)}`,
              ),
            ]
          : []),
        "",
      ].join("\n"),
    );
  } finally {
    await browser.close();
    await site.close();
  }
}

await main(process.argv.slice(2));
