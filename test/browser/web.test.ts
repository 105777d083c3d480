// End-to-end: the built web view in headless Chromium (SwiftShader WebGL), on the hand-made
// fixture graph with XSS payloads. One browser per file; each test opens its own page.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SerializedGraph } from "../../src/graph/schema.ts";
import { runPipeline } from "../../src/pipeline.ts";
import { GREYED } from "../../web/src/colours.ts";
import { HOVER_OVERLAY_MIN_EDGES } from "../../web/src/hover-overlay.ts";
import { BIG_GRAPH } from "../../web/src/state.ts";
import { XSS_AUTHOR, XSS_TITLE } from "../fixtures/web/handmade.ts";
import { syntheticGraph } from "../fixtures/web/synthetic.ts";
import { browserUnavailable, launch, type Site, serveSite } from "./harness.ts";

const FIXTURES = join(import.meta.dirname, "../fixtures/web");
const graph = JSON.parse(readFileSync(join(FIXTURES, "graph.json"), "utf8")) as SerializedGraph;
const XSS_KEY = "paper:slug:xss-paper-2024";
const skip = browserUnavailable();

interface Hooks {
  state(): { view: string; selection: string | null; hovered: string | null };
  nodePosition(key: string): { x: number; y: number } | null;
  nodeDisplay(key: string): { color: string; hidden: boolean; highlighted: boolean } | null;
  viewNodes(): number;
  viewEdges(): number;
  hidesEdgesOnMove(): boolean;
  hoverOverlay(): { focus: string | null; nodes: number; edges: number };
}
declare const window: Window & { litgraph: Hooks };

// One browser for the whole file (SwiftShader start-up is the slow part).
let browser: Browser;
beforeAll(async () => {
  if (!skip) browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe.skipIf(skip)("web view in Chromium", () => {
  let site: Site;
  const dialogs: string[] = [];

  beforeAll(async () => {
    site = await serveSite(graph);
  });
  afterAll(async () => {
    await site?.close();
  });

  async function open(hash = "", url = site.url): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${url}${hash ? `#${hash}` : ""}`);
    await page.waitForFunction(() => Boolean(window.litgraph), null, { timeout: 20_000 });
    await page.waitForTimeout(300);
    return page;
  }

  /** Share of non-background pixels in the graph area, decoded by the page itself. */
  async function inkRatio(page: Page): Promise<number> {
    const png = (await page.locator("#graph").screenshot()).toString("base64");
    return page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement("canvas");
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext("2d") as CanvasRenderingContext2D;
      ctx.drawImage(img, 0, 0);
      const px = ctx.getImageData(0, 0, c.width, c.height).data;
      let ink = 0;
      for (let i = 0; i < px.length; i += 4)
        if (px[i] < 235 || px[i + 1] < 235 || px[i + 2] < 235) ink++;
      return ink / (px.length / 4);
    }, png);
  }

  it("renders the graph: the canvas is not blank", async () => {
    const page = await open();
    expect(await page.evaluate(() => window.litgraph.hidesEdgesOnMove())).toBe(false);
    const ink = await inkRatio(page);
    expect(ink).toBeGreaterThan(0.005);
    expect(await page.locator(".community-label").count()).toBeGreaterThan(0);
    await page.close();
  });

  it("search selects a node, moves there and the panel shows it", async () => {
    const page = await open();
    await page.fill(".search-input", "priya");
    await expect.poll(() => page.locator(".search-results li").count()).toBeGreaterThan(0);
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.evaluate(() => window.litgraph.state().selection))
      .toBe("author:priya-nair");
    await expect.poll(() => page.locator("#panel h2").textContent()).toBe("Priya Nair");
    const collaborators = await page.locator("#panel .ref-list").nth(1).textContent();
    expect(collaborators).toContain("shared paper");
    await page.close();
  });

  it("hover highlights the neighbourhood and greys the rest; click selects", async () => {
    const page = await open();
    const key = "paper:doi:10.1/p5";
    const p = await page.evaluate((k) => window.litgraph.nodePosition(k), key);
    expect(p).not.toBeNull();
    await page.mouse.move(p?.x ?? 0, p?.y ?? 0);
    await expect.poll(() => page.evaluate(() => window.litgraph.state().hovered)).toBe(key);
    // the reducers run in the next frame after the state changes
    const greyed = () =>
      page.evaluate(
        (ks) => ks.map((k) => window.litgraph.nodeDisplay(k)?.color === "#e4e4e4"),
        ["author:mei-chen", "method:contrastive-learning", "author:omid-rohanian"],
      );
    await expect.poll(greyed).toEqual([false, false, true]);
    await page.mouse.click(p?.x ?? 0, p?.y ?? 0);
    await expect.poll(() => page.evaluate(() => window.litgraph.state().selection)).toBe(key);
    await page.close();
  });

  it("a paper shows related papers with their reasons and highlighted entities", async () => {
    const page = await open("sel=paper%3Adoi%3A10.1%2Fp1");
    await expect.poll(() => page.locator("#panel .related > li").count()).toBeGreaterThan(0);
    const first = await page.locator("#panel .related > li").first().textContent();
    expect(first).toContain("Named entity recognition in clinical notes with BioBERT");
    expect(first).toMatch(/authors \d+%: .*Omid Rohanian/);
    const types = await page
      .locator("#panel .abstract mark.entity")
      .evaluateAll((ms) => ms.map((m) => m.getAttribute("data-type")));
    expect(new Set(types)).toEqual(new Set(["method", "model", "modality", "task", "dataset"]));
    await page.close();
  });

  it("a copied URL reopens the same view, selection and filters", async () => {
    const page = await open();
    await page.locator('button[data-view="papers"]').click();
    await page.evaluate(() =>
      (window.litgraph as unknown as { select(k: string): void }).select("paper:doi:10.1/p7"),
    );
    await page.fill('input[aria-label="From year"]', "2021");
    await page.press('input[aria-label="From year"]', "Enter");
    await page.waitForTimeout(600);
    const url = page.url();
    expect(url).toContain("view=papers");
    const again = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await again.goto(url);
    await again.waitForFunction(() => Boolean(window.litgraph));
    const s = await again.evaluate(() => window.litgraph.state());
    expect(s.view).toBe("papers");
    expect(s.selection).toBe("paper:doi:10.1/p7");
    expect((s as unknown as { filters: { yearMin: number } }).filters.yearMin).toBe(2021);
    expect(await again.locator('input[aria-label="From year"]').inputValue()).toBe("2021");
    await expect
      .poll(() => again.locator("#panel h2").textContent())
      .toBe("Transformers for chest X-ray report generation");
    await page.close();
    await again.close();
  });

  it("XSS payloads in titles, authors, abstracts, links and labels stay inert text", async () => {
    const before = dialogs.length;
    const page = await open();
    await page.fill(".search-input", "<img");
    await expect.poll(() => page.locator(".search-results li").count()).toBeGreaterThan(0);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => window.litgraph.state().selection)).toBe(XSS_KEY);
    await expect
      .poll(() => page.locator("#panel h2").textContent())
      .toContain("<img src=x onerror=alert(1)>");
    expect(
      (await page.locator("#panel h2").textContent())?.replace(/(condition|method)/g, ""),
    ).toBe(XSS_TITLE.replace(/(condition|method)/g, ""));
    expect(await page.locator("#panel .authors").textContent()).toContain(XSS_AUTHOR);
    expect(await page.locator("#panel .abstract").textContent()).toContain(
      "<script>alert(4)</script>",
    );
    expect(await page.locator(".legend").textContent()).toContain("<b>EHR</b> time series");
    await page.waitForTimeout(300);
    const dom = await page.evaluate(() => ({
      imgs: document.querySelectorAll("img").length,
      scripts: [...document.querySelectorAll("script")].filter((s) => !s.src).length,
      bold: document.querySelectorAll("#legend b, #panel i").length,
      badLinks: [...document.querySelectorAll("a")].filter((a) => !/^https?:/.test(a.href)).length,
      unsafeShown: [...document.querySelectorAll(".unsafe-link")].map((e) => e.textContent),
    }));
    expect(dom).toEqual({
      imgs: 0,
      scripts: 0,
      bold: 0,
      badLinks: 0,
      unsafeShown: ["data:text/html,<script>alert(5)</script>"],
    });
    expect(dialogs.length).toBe(before);
    await page.close();
  });

  it("a legend click focuses and filters to that community; reset clears it", async () => {
    const page = await open();
    await page.locator('.legend-item[data-community="1"]').click();
    await expect
      .poll(() => page.evaluate(() => window.litgraph.nodeDisplay("paper:doi:10.1/p1")?.hidden))
      .toBe(true);
    expect(
      await page.evaluate(() => window.litgraph.nodeDisplay("paper:doi:10.1/p5")?.hidden),
    ).toBeFalsy();
    const shown = /: (\d+) of 31 nodes/.exec((await page.locator("#status").textContent()) ?? "");
    expect(Number(shown?.[1])).toBeGreaterThan(2);
    expect(Number(shown?.[1])).toBeLessThan(31);
    await page.locator(".reset").click();
    await expect
      .poll(() => page.evaluate(() => window.litgraph.nodeDisplay("paper:doi:10.1/p1")?.hidden))
      .toBeFalsy();
    await page.close();
  });

  it("exports the current view as a PNG", async () => {
    const page = await browser.newPage({
      acceptDownloads: true,
      viewport: { width: 1280, height: 800 },
    });
    await page.goto(site.url);
    await page.waitForFunction(() => Boolean(window.litgraph));
    await page.locator("#export").click();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.locator('[data-export="view"]').click(),
    ]);
    expect(download.suggestedFilename()).toBe("litgraph-knowledge.png");
    const path = await download.path();
    const bytes = readFileSync(path);
    expect(bytes.subarray(1, 4).toString()).toBe("PNG");
    expect(bytes.length).toBeGreaterThan(5_000);
    // The community labels (HTML over the canvases) are in the image too: along the top border
    // of the first label on screen, the image has the label's border colour.
    const border = await page.evaluate(async (png) => {
      const label = document.querySelector<HTMLElement>(".community-label");
      const frame = label?.parentElement?.parentElement?.getBoundingClientRect();
      if (!label || !frame) return null;
      const r = label.getBoundingClientRect();
      const want = (getComputedStyle(label).borderTopColor.match(/\d+/g) ?? []).map(Number);
      const bin = Uint8Array.from(atob(png), (ch) => ch.charCodeAt(0));
      const image = await createImageBitmap(new Blob([bin], { type: "image/png" }));
      const canvas = new OffscreenCanvas(image.width, image.height);
      const ctx = canvas.getContext("2d") as OffscreenCanvasRenderingContext2D;
      ctx.drawImage(image, 0, 0);
      const k = image.width / frame.width;
      // the border is 1.5 px, anti-aliased: the best row within 3 px of the label's top edge
      let best = 0;
      let n = 0;
      for (let dy = -3; dy <= 3; dy++) {
        const y = Math.round((r.top - frame.top) * k) + dy;
        let same = 0;
        n = 0;
        for (
          let x = r.left - frame.left + r.width / 4;
          x < r.left - frame.left + (3 * r.width) / 4;
          x++
        ) {
          const [pr, pg, pb] = ctx.getImageData(Math.round(x * k), y, 1, 1).data;
          n++;
          if (Math.abs(pr - want[0]) + Math.abs(pg - want[1]) + Math.abs(pb - want[2]) < 90) same++;
        }
        best = Math.max(best, same / n);
      }
      return { share: best, n, label: label.textContent };
    }, bytes.toString("base64"));
    expect(border?.n).toBeGreaterThan(10);
    expect(border?.share).toBeGreaterThan(0.8);
    await page.close();
  });

  it("a missing graph.json gives a clear message, not a blank page", async () => {
    const empty = await serveSite(null);
    const page = await browser.newPage();
    await page.goto(empty.url);
    await expect.poll(() => page.locator("#message").isVisible()).toBe(true);
    expect(await page.locator("#message").textContent()).toMatch(
      /graph\.json was not found.*litgraph/s,
    );
    await page.close();
    await empty.close();
  });

  it("a graph drawn before its full check is taken off screen with a message when it fails", async () => {
    // A has edge's mention without its rule: the cheap check before the first frame lets it
    // through; the full schema check in idle time refuses it and names the field.
    const bad = structuredClone(graph);
    const at = bad.edges.findIndex((e) => e.attributes.type === "has");
    const has = bad.edges[at].attributes;
    if (has.type !== "has") throw new Error("fixture has no has edge");
    delete (has.mentions[0] as Record<string, unknown>).rule;
    const broken = await serveSite(bad);
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(broken.url);
      await page.waitForFunction(() => Boolean(window.litgraph), null, { timeout: 20_000 });
      await expect.poll(() => page.locator("#message").isVisible(), { timeout: 20_000 }).toBe(true);
      expect(await page.locator("#message").textContent()).toContain(
        `graph.json is not a litgraph graph`,
      );
      expect(await page.locator("#message").textContent()).toContain(
        `edges[${at}].attributes.mentions[0].rule`,
      );
      expect(await page.locator("#graph canvas").count()).toBe(0);
      await page.close();
    } finally {
      await broken.close();
    }
  });

  it("the search index, full graph and full check are ready soon after the first frame", async () => {
    const page = await open();
    type Marks = { __firstFrame?: number; __ready?: number };
    await page.waitForFunction(() => (window as unknown as Marks).__ready !== undefined, null, {
      timeout: 20_000,
    });
    const marks = await page.evaluate(() => ({
      first: (window as unknown as Marks).__firstFrame,
      ready: (window as unknown as Marks).__ready,
    }));
    expect(marks.first).toBeGreaterThan(0);
    expect(marks.ready).toBeGreaterThanOrEqual(marks.first ?? Number.POSITIVE_INFINITY);
    expect(await page.locator("#message").isVisible()).toBe(false);
    await page.close();
  });

  it("a dropped BibTeX file builds a graph in the worker", async () => {
    const page = await open();
    const bib = readFileSync(join(FIXTURES, "sample.bib"), "utf8");
    await page.evaluate((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], "sample.bib", { type: "application/x-bibtex" }));
      document.body.dispatchEvent(new DragEvent("dragenter", { dataTransfer: dt, bubbles: true }));
      document.body.dispatchEvent(
        new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }),
      );
    }, bib);
    await expect
      .poll(() => page.locator("#status").textContent(), { timeout: 30_000 })
      .toContain("sample.bib");
    expect(await page.locator("#status").textContent()).toMatch(/5 papers/);
    expect(await page.locator("#message").isVisible()).toBe(false);
    expect(await inkRatio(page)).toBeGreaterThan(0.005);
    await page.close();
  });
});

describe.skipIf(skip)("web view on a big graph", () => {
  it("opens a 4,000-node graph on the paper map, with edges hidden while moving", async () => {
    const big = syntheticGraph(2_500);
    expect(big.nodes.length).toBeGreaterThan(BIG_GRAPH);
    const site = await serveSite(big);
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const started = Date.now();
      await page.goto(site.url);
      await page.waitForFunction(() => Boolean(window.litgraph), null, { timeout: 60_000 });
      const ready = Date.now() - started;
      const s = await page.evaluate(() => window.litgraph.state());
      expect(s.view).toBe("papers");
      expect(await page.evaluate(() => window.litgraph.viewNodes())).toBe(2_500);
      expect(ready).toBeLessThan(30_000);
      expect(await page.evaluate(() => window.litgraph.hidesEdgesOnMove())).toBe(true);
      console.info(
        `big graph: ${big.nodes.length} nodes, ${big.edges.length} edges, ready in ${ready} ms`,
      );
      await page.close();
    } finally {
      await site.close();
    }
  });
});

/** A 1280×800 page on `url` (plus `hash`), once the view has started (window.litgraph). */
async function openPage(url: string, hash = ""): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(url + hash);
  await page.waitForFunction(() => Boolean(window.litgraph), null, { timeout: 60_000 });
  return page;
}

describe.skipIf(skip)("hover on a big view", () => {
  it("draws the neighbourhood on its own layer and fades the graph, without a refresh", async () => {
    const big = syntheticGraph(2_500);
    const site = await serveSite(big);
    try {
      const page = await openPage(site.url);
      expect(await page.evaluate(() => window.litgraph.viewEdges())).toBeGreaterThanOrEqual(
        HOVER_OVERLAY_MIN_EDGES,
      );
      // a paper on screen with neighbours, and one of them; a paper that is not a neighbour
      const similar = big.edges.filter((e) => e.attributes.type === "similar");
      let hit: { key: string; other: string; far: string; x: number; y: number } | null = null;
      for (const e of similar.slice(0, 200)) {
        const p = await page.evaluate((k) => window.litgraph.nodePosition(k), e.source);
        const q = await page.evaluate((k) => window.litgraph.nodePosition(k), e.target);
        if (!p || !q || p.x < 300 || p.x > 1250 || p.y < 80 || p.y > 780) continue;
        const near = new Set(
          similar
            .filter((f) => f.source === e.source || f.target === e.source)
            .flatMap((f) => [f.source, f.target]),
        );
        const far = big.nodes.find((n) => n.attributes.type === "paper" && !near.has(n.key));
        if (far) hit = { key: e.source, other: e.target, far: far.key, x: p.x, y: p.y };
        if (hit) break;
      }
      expect(hit).not.toBeNull();
      if (!hit) return;
      const before = await page.evaluate((k) => window.litgraph.nodeDisplay(k)?.color, hit.far);
      await page.mouse.move(hit.x, hit.y);
      await page.waitForFunction((k) => window.litgraph.state().hovered === k, hit.key);
      const shown = await page.evaluate(() => window.litgraph.hoverOverlay());
      expect(shown.focus).toBe(hit.key);
      expect(shown.nodes).toBeGreaterThan(1);
      expect(shown.edges).toBeGreaterThan(0);
      expect(await page.locator(".hover-dim").count()).toBe(1);
      // the reducers did not grey the rest (no full redraw): the overlay and the fade did it
      const after = await page.evaluate((k) => window.litgraph.nodeDisplay(k)?.color, hit.far);
      expect(after).toBe(before);
      expect(after).not.toBe(GREYED);
      // the neighbour is drawn on the overlay canvas, where it is on screen
      const drawn = await page.evaluate((k) => {
        const canvas = document.querySelector<HTMLCanvasElement>(
          ".scene[data-shown] canvas.sigma-hoverOverlay",
        );
        const p = window.litgraph.nodePosition(k);
        if (!canvas || !p) return null;
        const box = canvas.getBoundingClientRect();
        const k2 = canvas.width / box.width;
        const ctx = canvas.getContext("2d") as CanvasRenderingContext2D;
        const px = ctx.getImageData(
          Math.round((p.x - box.left) * k2),
          Math.round((p.y - box.top) * k2),
          1,
          1,
        );
        return px.data[3];
      }, hit.other);
      expect(drawn).toBeGreaterThan(0);
      await page.mouse.move(5, 790);
      await page.waitForFunction(() => window.litgraph.state().hovered === null);
      expect((await page.evaluate(() => window.litgraph.hoverOverlay())).focus).toBeNull();
      expect(await page.locator(".hover-dim").count()).toBe(0);
      await page.close();
      // With a year filter, the overlay leaves out the neighbours the filter hides.
      const yearOf = (k: string | undefined) =>
        (big.nodes.find((n) => n.key === k)?.attributes as { year?: number } | undefined)?.year;
      const year = yearOf(hit.key);
      const filtered = await openPage(site.url, `#view=papers&years=${year}-${year}`);
      const p = await filtered.evaluate((k) => window.litgraph.nodePosition(k), hit.key);
      expect(p).not.toBeNull();
      if (!p) return;
      await filtered.mouse.move(p.x, p.y);
      await filtered.waitForFunction((k) => window.litgraph.state().hovered === k, hit.key);
      const sameYear = [...new Set(similar.flatMap((e) => [e.source, e.target]))].filter(
        (n) =>
          (n === hit?.key ||
            similar.some(
              (e) =>
                (e.source === hit?.key && e.target === n) ||
                (e.target === hit?.key && e.source === n),
            )) &&
          yearOf(n) === year,
      );
      expect((await filtered.evaluate(() => window.litgraph.hoverOverlay())).nodes).toBe(
        sameYear.length,
      );
      expect(sameYear.length).toBeLessThan(shown.nodes);
      await filtered.close();
    } finally {
      await site.close();
    }
  });
});

describe.skipIf(skip)("search on a big graph", () => {
  it("an author chosen from the paper map opens in the collaboration network", async () => {
    const big = syntheticGraph(2_500);
    const author = big.nodes.find((n) => n.attributes.type === "author");
    expect(author).toBeDefined();
    if (!author) return;
    const site = await serveSite(big);
    try {
      const page = await openPage(site.url);
      expect((await page.evaluate(() => window.litgraph.state())).view).toBe("papers");
      await page.fill(".search-input", author.attributes.label);
      await expect
        .poll(() =>
          page.locator(".search-results li[role=option]").first().getAttribute("data-node"),
        )
        .toBe(author.key);
      await page.keyboard.press("Enter");
      await page.waitForFunction((k) => window.litgraph.state().selection === k, author.key);
      expect((await page.evaluate(() => window.litgraph.state())).view).toBe("collab");
      await page.close();
    } finally {
      await site.close();
    }
  });
});

describe.skipIf(skip)("web view on the real seed graph", () => {
  it("the pipeline's graph of seeds/ renders, and a seed paper shows related papers with reasons", async () => {
    const { serialized } = await runPipeline([join(import.meta.dirname, "../../seeds")], {
      asOf: new Date(Date.UTC(2026, 10, 27)),
    });
    const site = await serveSite(serialized);
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(site.url);
      await page.waitForFunction(() => Boolean(window.litgraph), null, { timeout: 20_000 });
      expect(await page.evaluate(() => window.litgraph.viewNodes())).toBe(serialized.nodes.length);
      await page.fill(".search-input", "lightweight transformers");
      await expect.poll(() => page.locator(".search-results li").count()).toBeGreaterThan(0);
      await page.keyboard.press("Enter");
      await expect.poll(() => page.locator("#panel .related > li").count()).toBeGreaterThan(0);
      expect(await page.locator("#panel .reasons").first().textContent()).toMatch(/\d+%: /);
      expect(await page.locator("#panel .abstract mark.entity").count()).toBeGreaterThan(3);
      expect(await page.locator(".community-label").count()).toBeGreaterThan(0);
      await page.close();
    } finally {
      await site.close();
    }
  });

  it("a dropped file that holds no papers gives a message naming the problem", async () => {
    const site = await serveSite(JSON.parse(readFileSync(join(FIXTURES, "graph.json"), "utf8")));
    try {
      const page = await browser.newPage();
      await page.goto(site.url);
      await page.waitForFunction(() => Boolean(window.litgraph));
      await page.setInputFiles("#open-input", {
        name: "notes.txt",
        mimeType: "text/plain",
        buffer: Buffer.from("just some words, not a bibliography\n"),
      });
      await expect.poll(() => page.locator("#message").isVisible(), { timeout: 30_000 }).toBe(true);
      expect(await page.locator("#message").textContent()).toMatch(/notes\.txt/);
      await page.close();
    } finally {
      await site.close();
    }
  });
});
