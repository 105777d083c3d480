// npm run bench:web equivalent: node bin/run-ts.mjs bench/web.ts [graph.json] [--json]
// The web view on a big graph in headless Chromium (SwiftShader WebGL, so absolute times are
// software-rendering times): time to first paint (navigation → app ready → two frames) and
// hover latency (mouse move → hover state → two frames), median of several nodes.
// Default graph: the 6,318-paper graph bench/index.ts writes.
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { browserUnavailable, launch, serveSite } from "../test/browser/harness.ts";

interface Hooks {
  litgraph: {
    state(): { hovered: string | null };
    nodePosition(key: string): { x: number; y: number } | null;
    viewNodes(): number;
  };
}
declare const window: Hooks;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function main(argv: string[]): Promise<void> {
  const file =
    argv.find((a) => !a.startsWith("--")) ??
    join(tmpdir(), "litgraph-bench", "paperlists-6318.graph.json");
  if (browserUnavailable()) return;
  const graph = JSON.parse(readFileSync(file, "utf8"));
  const site = await serveSite(graph);
  const browser = await launch();
  try {
    const paints: number[] = [];
    let viewNodes = 0;
    for (let i = 0; i < 3; i++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const t = Date.now();
      await page.goto(site.url);
      await page.waitForFunction(() => Boolean(window.litgraph), null, { timeout: 120_000 });
      await page.evaluate(
        () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
      );
      paints.push(Date.now() - t);
      viewNodes = await page.evaluate(() => window.litgraph.viewNodes());
      await page.close();
    }
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(site.url);
    await page.waitForFunction(() => Boolean(window.litgraph), null, { timeout: 120_000 });
    const keys = (graph.nodes as { key: string; attributes?: { type?: string } }[])
      .filter((n) => n.attributes?.type === "paper")
      .map((n) => n.key);
    const hovers: number[] = [];
    for (let i = 0; i < keys.length && hovers.length < 15; i += Math.ceil(keys.length / 40)) {
      const key = keys[i];
      const p = await page.evaluate((k) => window.litgraph.nodePosition(k), key);
      if (!p || p.x < 5 || p.y < 5 || p.x > 1275 || p.y > 795) continue;
      await page.mouse.move(0, 0);
      await page.waitForTimeout(50);
      const t0 = await page.evaluate(() => performance.now());
      await page.mouse.move(p.x, p.y);
      const t1 = await page.evaluate(async (k) => {
        // No named helpers in here: tsx would wrap them in __name, unknown in the page.
        for (let n = 0; n < 120 && window.litgraph.state().hovered !== k; n++)
          await new Promise((r) => requestAnimationFrame(r));
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        return window.litgraph.state().hovered === k ? performance.now() : Number.NaN;
      }, key);
      if (!Number.isNaN(t1)) hovers.push(t1 - t0);
    }
    const result = {
      graph: file,
      nodes: graph.nodes.length,
      edges: graph.edges.length,
      viewNodes,
      firstPaintMs: { median: median(paints), runs: paints },
      hoverMs: { median: median(hovers), samples: hovers.length },
    };
    if (argv.includes("--json")) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else
      process.stdout.write(
        `web (${result.nodes} nodes, ${result.edges} edges; ${viewNodes} in the opening view): ` +
          `first paint ${result.firstPaintMs.median} ms (median of ${paints.join(", ")}), ` +
          `hover → frame ${result.hoverMs.median.toFixed(0)} ms (median of ${hovers.length} nodes)\n`,
      );
  } finally {
    await browser.close();
    await site.close();
  }
}

await main(process.argv.slice(2));
