// Issue 17's defects, each on the hand-made fixture graph (30 nodes) and on a synthetic graph of
// over 2,000 nodes: labels at first paint, links that keep their view, narrow windows,
// neighbourhood labels, keyboard, local graphs, the whole-graph PNG.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SerializedGraph } from "../../src/graph/schema.ts";
import { BIG_GRAPH } from "../../web/src/state.ts";
import { syntheticGraph } from "../fixtures/web/synthetic.ts";
import { browserUnavailable, launch, type Site, serveSite } from "./harness.ts";

const FIXTURES = join(import.meta.dirname, "../fixtures/web");
const small = JSON.parse(readFileSync(join(FIXTURES, "graph.json"), "utf8")) as SerializedGraph;
const big = syntheticGraph(2_500);
const skip = browserUnavailable();

interface Hooks {
  state(): {
    view: string;
    selection: string | null;
    hovered: string | null;
    camera: { x: number; y: number; ratio: number } | null;
  };
  nodePosition(key: string): { x: number; y: number } | null;
  displayedLabels(): number;
  select(key: string): void;
}
declare const window: Window & { litgraph: Hooks };

let browser: Browser;
const sites: Record<"small" | "big", Site | null> = { small: null, big: null };
beforeAll(async () => {
  if (skip) return;
  browser = await launch();
  sites.small = await serveSite(small);
  sites.big = await serveSite(big);
}, 120_000);
afterAll(async () => {
  await sites.small?.close();
  await sites.big?.close();
  await browser?.close();
});

const url = (which: "small" | "big") => sites[which]?.url ?? "";

/** A page `width` px wide on the site, once the view has started; page errors are collected. */
async function open(
  which: "small" | "big",
  hash = "",
  width = 1280,
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${url(which)}${hash ? `#${hash}` : ""}`);
  await page.waitForFunction(() => Boolean(window.litgraph), null, { timeout: 60_000 });
  return { page, errors };
}

/** Pixels with any ink on sigma's label canvas (node labels only, not the community labels). */
function labelInk(page: Page): Promise<number> {
  return page.evaluate(() => {
    const c = document.querySelector<HTMLCanvasElement>("canvas.sigma-labels");
    const ctx = c?.getContext("2d");
    if (!c || !ctx) return -1;
    const px = ctx.getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    for (let i = 3; i < px.length; i += 4) if (px[i] > 0) ink++;
    return ink;
  });
}

/** Two animation frames: whatever was scheduled has been drawn. */
const frames = (page: Page) =>
  page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );

describe.skipIf(skip)("1. labels at first paint", () => {
  for (const which of ["small", "big"] as const)
    it(`node labels are drawn when the ${which} graph opens, with no interaction`, async () => {
      const { page, errors } = await open(which);
      await frames(page);
      expect(await page.evaluate(() => window.litgraph.displayedLabels())).toBeGreaterThan(2);
      // drawn on the canvas, not only listed by sigma
      expect(await labelInk(page)).toBeGreaterThan(200);
      expect(errors).toEqual([]);
      await page.close();
    });
});

describe.skipIf(skip)("2. every view round-trips through a copied link", () => {
  const pick = (g: SerializedGraph, type: string) =>
    g.nodes.find((n) =>
      type === "concept" ? !/^(paper|author)$/.test(n.attributes.type) : n.attributes.type === type,
    )?.key ?? "";
  const cases = [
    ["knowledge", "concept"],
    ["papers", "paper"],
    ["collab", "author"],
  ] as const;
  for (const which of ["small", "big"] as const)
    for (const [view, type] of cases)
      it(`${view} with a ${type} selected, on the ${which} graph`, async () => {
        const g = which === "big" ? big : small;
        expect(g.nodes.length > BIG_GRAPH).toBe(which === "big");
        const key = pick(g, type);
        const { page } = await open(which);
        await page.locator(`button[data-view="${view}"]`).click();
        await page.evaluate((k) => window.litgraph.select(k), key);
        // the URL is written once the camera has settled
        await page.waitForFunction(
          (k) =>
            location.hash.includes(`sel=${encodeURIComponent(k)}`) &&
            location.hash.includes("cam="),
          key,
          { timeout: 20_000 },
        );
        await page.waitForTimeout(800);
        const link = page.url();
        const before = await page.evaluate(() => window.litgraph.state());
        const again = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        await again.goto(link);
        await again.waitForFunction(() => Boolean(window.litgraph), null, { timeout: 60_000 });
        await again.waitForTimeout(300);
        const after = await again.evaluate(() => window.litgraph.state());
        expect(after.view).toBe(view);
        expect(after.selection).toBe(key);
        expect(after.camera?.x).toBeCloseTo(before.camera?.x ?? Number.NaN, 3);
        expect(after.camera?.ratio).toBeCloseTo(before.camera?.ratio ?? Number.NaN, 3);
        await page.close();
        await again.close();
      });
});
