// One drawn sigma per view (web/src/scenes.ts): going back to a view already drawn, or Reset after
// a filter on a big view, shows the scene as it was drawn (no index pass, no frame), unless the
// state changed while it was hidden; hidden scenes draw nothing on camera moves; the WebGL
// contexts stay bounded. On a synthetic graph of 2,500 papers (the paper map has 8,000+ edges,
// so a filter is drawn by the filtered scene) and on the 30-node fixture.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { SerializedGraph } from "../../src/graph/schema.ts";
import { syntheticGraph } from "../fixtures/web/synthetic.ts";
import { browserUnavailable, useSites } from "./harness.ts";

interface SceneCount {
  name: string;
  indexed: number;
  drawn: number;
  shown: boolean;
}
interface Hooks {
  state(): {
    view: string;
    selection: string | null;
    colourBy: string;
    filters: { community: number | null };
  };
  scenes(): SceneCount[];
  renders(): number;
  indexings(): number;
  webglCanvases(): number;
  shown(): { nodes: number; edges: number; labels: number };
  viewNodes(): number;
  nodeDisplay(key: string): { color: string; hidden: boolean; highlighted: boolean } | null;
  select(key: string): void;
}
declare const window: Window & { litgraph: Hooks; __views?: number };

const small = JSON.parse(
  readFileSync(join(import.meta.dirname, "../fixtures/web/graph.json"), "utf8"),
) as SerializedGraph;
const big = syntheticGraph(2_500);
const skip = browserUnavailable();

const suite = useSites({ small, big }, skip);

/** A page on the site once every view is built (idle work done); page errors collected. */
async function open(which: "small" | "big"): Promise<{ page: Page; errors: string[] }> {
  const page = await suite.browser().newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(suite.url(which));
  await page.waitForFunction(() => window.__views !== undefined, null, { timeout: 60_000 });
  return { page, errors };
}

const scenes = (page: Page) => page.evaluate(() => window.litgraph.scenes());
const scene = async (page: Page, name: string) => (await scenes(page)).find((s) => s.name === name);

/** Clicks, waits for the busy note to go (big graphs) and for two frames and a pause. */
async function step(page: Page, selector: string) {
  await page.locator(selector).first().click();
  await page.waitForFunction(() => document.getElementById("busy")?.hidden === true, null, {
    timeout: 30_000,
  });
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
  );
  // a camera move that was going to draw would have drawn by now
  await page.waitForTimeout(300);
}

/** The shown scene's label canvas has ink (its last frame is on screen, not a cleared canvas). */
const labelInk = (page: Page) =>
  page.evaluate(() => {
    const c = document.querySelector<HTMLCanvasElement>(".scene[data-shown] canvas.sigma-labels");
    const ctx = c?.getContext("2d");
    if (!c || !ctx) return -1;
    const px = ctx.getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    for (let i = 3; i < px.length; i += 4) if (px[i] > 0) ink++;
    return ink;
  });

describe.skipIf(skip)("one drawn sigma per view", () => {
  it("going back to a view already drawn shows it as drawn: no index pass, no frame", async () => {
    const { page, errors } = await open("big");
    expect(await page.evaluate(() => window.litgraph.state().view)).toBe("papers");
    const papers = await scene(page, "papers");
    expect(papers).toMatchObject({ indexed: 1, shown: true });
    await step(page, '[data-view="knowledge"]');
    await step(page, '[data-view="collab"]');
    const knowledge = await scene(page, "knowledge");
    expect(knowledge?.indexed).toBe(1);
    const before = await page.evaluate(() => ({
      renders: window.litgraph.renders(),
      indexings: window.litgraph.indexings(),
    }));
    await step(page, '[data-view="papers"]');
    await step(page, '[data-view="knowledge"]');
    await step(page, '[data-view="papers"]');
    // three switches back: nothing indexed or drawn again, anywhere
    expect(await page.evaluate(() => window.litgraph.indexings())).toBe(before.indexings);
    expect(await page.evaluate(() => window.litgraph.renders())).toBe(before.renders);
    expect(await scene(page, "papers")).toEqual({ ...papers, shown: true });
    // and what is on screen is the paper map, with its labels
    expect(await page.evaluate(() => window.litgraph.shown().nodes)).toBe(2_500);
    expect(await labelInk(page)).toBeGreaterThan(200);
    expect(await page.locator(".scene[data-shown]").count()).toBe(1);
    // the four scenes of a big graph, made while idle: the filtered one has drawn nothing yet
    expect(await page.locator(".scene").count()).toBe(4);
    expect(await scene(page, "filtered")).toMatchObject({ indexed: 0, shown: false });
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it("Reset after a community filter shows the paper map as drawn", async () => {
    const { page, errors } = await open("big");
    const papers = await scene(page, "papers");
    await step(page, 'button.legend-item[data-community="0"]');
    expect(await page.evaluate(() => window.litgraph.state().filters.community)).toBe(0);
    const filtered = await scene(page, "filtered");
    expect(filtered).toMatchObject({ indexed: 1, shown: true });
    const part = await page.evaluate(() => window.litgraph.shown().nodes);
    expect(part).toBeGreaterThan(0);
    expect(part).toBeLessThan(2_500);
    await step(page, "button.reset");
    // the paper map's scene was neither indexed nor drawn again (the camera the filter moved
    // before handing over was put back where its frame was drawn)
    expect(await scene(page, "papers")).toEqual({ ...papers, shown: true });
    expect(await page.evaluate(() => window.litgraph.shown().nodes)).toBe(2_500);
    expect(await labelInk(page)).toBeGreaterThan(200);
    // the filter on again: the filtered scene draws the part again, the paper map stays as it is
    await step(page, 'button.legend-item[data-community="1"]');
    expect((await scene(page, "filtered"))?.indexed).toBe(2);
    expect(await scene(page, "papers")).toEqual({ ...papers, shown: false });
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it("a view whose state changed while hidden is drawn again with it: nothing stale", async () => {
    const { page, errors } = await open("big");
    const paper = big.nodes.find((n) => n.attributes.type === "paper")?.key ?? "";
    const other = big.nodes.filter((n) => n.attributes.type === "paper")[7]?.key ?? "";
    const colour = (k: string) => page.evaluate((key) => window.litgraph.nodeDisplay(key), k);
    const byCommunity = await colour(other);
    const papers = await scene(page, "papers");
    await step(page, '[data-view="knowledge"]');
    // coloured by year in the knowledge graph
    await page.locator('input[name="colour"][value="year"]').check();
    await page.waitForFunction(() => window.litgraph.state().colourBy === "year");
    await step(page, '[data-view="papers"]');
    expect((await scene(page, "papers"))?.indexed).toBe((papers?.indexed ?? 0) + 1);
    const byYear = await colour(other);
    expect(byYear?.hidden).toBe(false);
    expect(byYear?.color).not.toBe(byCommunity?.color);
    expect(await page.locator("#legend ul.years li").count()).toBeGreaterThan(1);
    // selected in the knowledge graph: highlighted in the paper map when it comes back
    await step(page, '[data-view="knowledge"]');
    await page.evaluate((k) => window.litgraph.select(k), paper);
    await page.waitForFunction((k) => window.litgraph.state().selection === k, paper);
    await step(page, '[data-view="papers"]');
    expect((await scene(page, "papers"))?.indexed).toBe((papers?.indexed ?? 0) + 2);
    expect((await colour(paper))?.highlighted).toBe(true);
    // and back to the knowledge graph with the same state: not indexed again (drawn once more
    // only because a tab opens the whole view, and the selection had moved the camera)
    const knowledge = await scene(page, "knowledge");
    await step(page, '[data-view="knowledge"]');
    const again = await scene(page, "knowledge");
    expect(again?.indexed).toBe(knowledge?.indexed);
    expect(again?.drawn).toBeLessThanOrEqual((knowledge?.drawn ?? 0) + 1);
    expect((await colour(paper))?.highlighted).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it("hidden scenes draw nothing while the shown one moves; WebGL contexts stay bounded", async () => {
    const { page, errors } = await open("big");
    await step(page, '[data-view="knowledge"]');
    await step(page, 'button.legend-item[data-community="2"]');
    await step(page, '[data-view="collab"]');
    await step(page, "button.reset");
    const before = await scenes(page);
    // every kind of scene made: three views and the filtered part, three WebGL canvases each
    expect(before.map((s) => s.name).sort()).toEqual(["collab", "filtered", "knowledge", "papers"]);
    expect(await page.evaluate(() => window.litgraph.webglCanvases())).toBe(12);
    const box = await page.locator("#graph").boundingBox();
    if (!box) throw new Error("no graph area");
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -400);
    await page.waitForTimeout(600);
    const after = await scenes(page);
    const moved = after.find((s) => s.shown);
    expect(moved?.name).toBe("collab");
    expect(moved?.drawn).toBeGreaterThan(before.find((s) => s.name === "collab")?.drawn ?? 0);
    for (const s of after.filter((x) => !x.shown))
      expect(s).toEqual(before.find((b) => b.name === s.name));
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it("on a small graph each view is drawn once too, and a filter goes through the reducers", async () => {
    const { page, errors } = await open("small");
    expect(await page.evaluate(() => window.litgraph.state().view)).toBe("knowledge");
    await step(page, '[data-view="papers"]');
    await step(page, '[data-view="knowledge"]');
    const knowledge = await scene(page, "knowledge");
    expect(knowledge).toMatchObject({ indexed: 1, shown: true });
    await step(page, "button.legend-item[data-community]");
    // a small view is filtered in its own scene (no filtered scene)
    expect((await scenes(page)).map((s) => s.name).sort()).toEqual(["knowledge", "papers"]);
    expect((await scene(page, "knowledge"))?.indexed).toBe(2);
    expect(await page.evaluate(() => window.litgraph.shown().nodes)).toBeLessThan(
      await page.evaluate(() => window.litgraph.viewNodes()),
    );
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
