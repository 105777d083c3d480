// Issue 17's defects, each on the hand-made fixture graph (30 nodes) and on a synthetic graph of
// over 2,000 nodes: labels at first paint, links that keep their view, narrow windows,
// neighbourhood labels, keyboard, local graphs, the whole-graph PNG.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { SerializedGraph } from "../../src/graph/schema.ts";
import { BIG_GRAPH } from "../../web/src/state.ts";
import { syntheticGraph } from "../fixtures/web/synthetic.ts";
import { browserUnavailable, useSites } from "./harness.ts";

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

const suite = useSites({ small, big }, skip);

const url = (which: "small" | "big") => suite.url(which);

/** A page `width` px wide on the site, once the view has started; page errors are collected. */
async function open(
  which: "small" | "big",
  hash = "",
  width = 1280,
): Promise<{ page: Page; errors: string[] }> {
  const page = await suite.browser().newPage({ viewport: { width, height: 800 } });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${url(which)}${hash ? `#${hash}` : ""}`);
  await page.waitForFunction(() => Boolean(window.litgraph), null, { timeout: 60_000 });
  return { page, errors };
}

/** Pixels with any ink on sigma's label canvas (node labels only, not the community labels). */
function labelInk(page: Page): Promise<number> {
  return page.evaluate(() => {
    const c = document.querySelector<HTMLCanvasElement>(".scene[data-shown] canvas.sigma-labels");
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
        // on a big graph the switch starts once its note is painted
        await page.waitForFunction((v) => window.litgraph.state().view === v, view);
        await page.evaluate((k) => window.litgraph.select(k), key);
        // the URL is written once the camera has settled
        await page.waitForFunction(
          (k) =>
            location.hash.includes(`sel=${encodeURIComponent(k)}`) &&
            location.hash.includes("cam="),
          key,
          { timeout: 20_000 },
        );
        // …and once the link holds the camera where it stopped (the animation's last frame, then
        // two debounces: under load the timers run late)
        const settled = async () => {
          const { hash, camera } = await page.evaluate(() => ({
            hash: location.hash.slice(1),
            camera: window.litgraph.state().camera,
          }));
          const cam = (new URLSearchParams(hash).get("cam") ?? "").split(",").map(Number);
          return (
            camera !== null &&
            cam.length === 4 &&
            [camera.x, camera.y, camera.ratio].every((v, i) => Math.abs(v - cam[i]) < 1e-3)
          );
        };
        await expect.poll(settled, { timeout: 20_000 }).toBe(true);
        await page.waitForTimeout(800);
        await expect.poll(settled, { timeout: 20_000 }).toBe(true);
        const link = page.url();
        const before = await page.evaluate(() => window.litgraph.state());
        const again = await suite.browser().newPage({ viewport: { width: 1280, height: 800 } });
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

/** The paper with the most similar papers: the one a link with a selection names. */
function busiestPaper(g: SerializedGraph): string {
  const degree = new Map<string, number>();
  for (const e of g.edges)
    if (e.attributes.type === "similar")
      for (const k of [e.source, e.target]) degree.set(k, (degree.get(k) ?? 0) + 1);
  return [...degree].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
}

const box = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((e) => {
      const r = e.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width };
    });

describe.skipIf(skip)("3. narrow windows", () => {
  for (const which of ["small", "big"] as const)
    it(`a link with a paper selected opens 420 px wide (${which} graph)`, async () => {
      const key = busiestPaper(which === "big" ? big : small);
      const view = which === "big" ? "papers" : "knowledge";
      const { page, errors } = await open(
        which,
        `view=${view}&sel=${encodeURIComponent(key)}`,
        420,
      );
      await expect.poll(() => page.locator("#panel h2").isVisible()).toBe(true);
      expect(await page.locator("#message").isVisible()).toBe(false);
      expect(errors).toEqual([]);
      expect((await box(page, "#graph")).width).toBe(420);
      // The camera moves the selected paper above the sheet first (on the big graph while the
      // other views are built in idle slices): the labels are drawn once it has arrived.
      await frames(page);
      await expect.poll(() => labelInk(page), { timeout: 10_000 }).toBeGreaterThan(100);
      // the selected paper is on screen, above the panel's sheet
      await page.waitForTimeout(700);
      const p = await page.evaluate((k) => window.litgraph.nodePosition(k), key);
      const panel = await box(page, "#panel");
      expect(p?.x).toBeGreaterThan(0);
      expect(p?.x).toBeLessThan(420);
      expect(p?.y).toBeLessThan(panel.top);
      await page.close();
    });

  it("at 420 px every header control is on screen, and Filters opens the sidebar", async () => {
    const { page } = await open("small", "", 420);
    for (const sel of [
      "#open",
      "#export",
      ".search-input",
      "#side-toggle",
      ...["knowledge", "papers", "collab"].map((v) => `button[data-view="${v}"]`),
    ]) {
      const b = await box(page, sel);
      expect(b.left, sel).toBeGreaterThanOrEqual(0);
      expect(b.right, sel).toBeLessThanOrEqual(420);
      expect(await page.locator(sel).first().isVisible(), sel).toBe(true);
    }
    expect((await box(page, ".search-input")).width).toBeGreaterThan(300);
    expect(await page.locator(".reset").isVisible()).toBe(false);
    await page.locator("#side-toggle").click();
    expect(await page.locator(".reset").isVisible()).toBe(true);
    await page.locator('input[data-type="author"]').uncheck();
    await expect.poll(() => page.evaluate(() => location.hash)).toContain("types=");
    await page.keyboard.press("Escape");
    expect(await page.locator(".reset").isVisible()).toBe(false);
    await page.close();
  });

  it("at 800 px the search box keeps a usable width", async () => {
    const { page } = await open("small", "", 800);
    expect((await box(page, ".search-input")).width).toBeGreaterThan(300);
    await page.fill(".search-input", "priya");
    await expect.poll(() => page.locator(".search-results li").count()).toBeGreaterThan(0);
    await page.close();
  });

  for (const which of ["small", "big"] as const)
    it(`at 900 px the panel lies over the graph instead of squeezing it (${which} graph)`, async () => {
      const key = busiestPaper(which === "big" ? big : small);
      const { page } = await open(which, `sel=${encodeURIComponent(key)}`, 900);
      await expect.poll(() => page.locator("#panel h2").isVisible()).toBe(true);
      // the sidebar is a drawer at this width: the graph keeps the window's width, and the
      // part the panel leaves free is wider than the 270 px the graph used to get
      expect((await box(page, "#graph")).width).toBe(900);
      expect((await box(page, "#panel")).left).toBeGreaterThan(500);
      await page.close();
    });
});

type Drawn = { key: string; box: { x0: number; y0: number; x1: number; y1: number } }[];
const drawnLabels = (page: Page) =>
  page.evaluate(() => (window.litgraph as unknown as { drawnLabels(): Drawn }).drawnLabels());
const overlapping = (d: Drawn) =>
  d.filter((a, i) =>
    d.some(
      (b, j) =>
        j > i &&
        a.box.x0 < b.box.x1 &&
        b.box.x0 < a.box.x1 &&
        a.box.y0 < b.box.y1 &&
        b.box.y0 < a.box.y1,
    ),
  ).length;

/** Neighbours of `key` among the graph's edges of `types`. */
function neighboursOf(g: SerializedGraph, key: string, types: string[]): Set<string> {
  const out = new Set<string>();
  for (const e of g.edges)
    if (types.includes(e.attributes.type)) {
      if (e.source === key) out.add(e.target);
      if (e.target === key) out.add(e.source);
    }
  return out;
}

describe.skipIf(skip)("4. neighbourhoods", () => {
  it("a node with more than 24 neighbours labels its strongest, without overlaps (big graph)", async () => {
    const kg = ["authored", "has", "is-a"];
    const concept = big.nodes
      .filter((n) => !/^(paper|author)$/.test(n.attributes.type))
      .map((n) => ({ key: n.key, near: neighboursOf(big, n.key, kg) }))
      .sort((a, b) => b.near.size - a.near.size)[0];
    expect(concept.near.size).toBeGreaterThan(24);
    const { page } = await open("big", `view=knowledge&sel=${encodeURIComponent(concept.key)}`);
    await page.waitForTimeout(1_200);
    await frames(page);
    const drawn = await drawnLabels(page);
    const near = drawn.filter((d) => concept.near.has(d.key));
    expect(near.length).toBeGreaterThan(5);
    expect(near.length).toBeLessThanOrEqual(24);
    expect(drawn.some((d) => d.key === concept.key)).toBe(true);
    expect(overlapping(drawn)).toBe(0);
    await page.close();
  });

  it("hovering a node with many neighbours on a big view labels some of them on the overlay", async () => {
    const { page } = await open("big", "view=knowledge");
    // the biggest node on screen is a concept with many papers
    const spot = await page.evaluate(() => {
      const drawn = (window.litgraph as unknown as { drawnLabels(): Drawn }).drawnLabels();
      return drawn.map((d) => ({ key: d.key, p: window.litgraph.nodePosition(d.key) }))[0];
    });
    expect(spot?.p).toBeTruthy();
    await page.mouse.move(spot.p?.x ?? 0, spot.p?.y ?? 0);
    await page.waitForFunction((k) => window.litgraph.state().hovered === k, spot.key);
    const overlay = await page.evaluate(() =>
      (
        window.litgraph as unknown as { hoverOverlay(): { nodes: number; labels: number } }
      ).hoverOverlay(),
    );
    expect(overlay.nodes).toBeGreaterThan(1);
    expect(overlay.labels).toBeGreaterThan(0);
    expect(overlay.labels).toBeLessThanOrEqual(24);
    await page.close();
  });

  it("labels of a selected neighbourhood do not overlap (small graph)", async () => {
    const key = busiestPaper(small);
    const { page } = await open("small", `sel=${encodeURIComponent(key)}`);
    await page.waitForTimeout(800);
    await frames(page);
    const drawn = await drawnLabels(page);
    expect(drawn.length).toBeGreaterThan(3);
    expect(overlapping(drawn)).toBe(0);
    await page.close();
  });

  for (const which of ["small", "big"] as const)
    it(`a clicked node is moved out from under the details panel (${which} graph, 900 px)`, async () => {
      const { page } = await open(which, "", 900);
      const panelLeft = 900 - 380;
      // a labelled node on the right, where the panel will open
      const target = await page.evaluate((edge) => {
        const drawn = (window.litgraph as unknown as { drawnLabels(): Drawn }).drawnLabels();
        for (const d of drawn) {
          const p = window.litgraph.nodePosition(d.key);
          if (p && p.x > edge + 40 && p.x < 860 && p.y > 150 && p.y < 700) return p;
        }
        return null;
      }, panelLeft);
      expect(target).not.toBeNull();
      if (!target) return;
      await page.mouse.click(target.x, target.y);
      // the node sigma finds there (on a dense map, maybe one drawn over the labelled one)
      await page.waitForFunction(() => window.litgraph.state().selection !== null);
      const key = (await page.evaluate(() => window.litgraph.state().selection)) ?? "";
      await page.waitForTimeout(900);
      const p = await page.evaluate((k) => window.litgraph.nodePosition(k), key);
      const panel = await box(page, "#panel");
      expect(panel.left).toBeLessThan(860);
      expect(p?.x).toBeLessThan(panel.left - 150);
      expect(p?.x).toBeGreaterThan(150);
      await page.close();
    });

  for (const which of ["small", "big"] as const)
    it(`leaving the graph clears the hover; the same node hovered again, here or in another view, registers (${which})`, async () => {
      const { page } = await open(which, "view=papers");
      const hovered = () => page.evaluate(() => window.litgraph.state().hovered);
      /**
       * Moves straight onto `key` from outside the graph (the first move inside lands on the
       * node, as after a tab click) and returns what is hovered then.
       */
      const hoverAt = async (key: string) => {
        const p = await page.evaluate((k) => window.litgraph.nodePosition(k), key);
        await page.mouse.move(p?.x ?? 0, p?.y ?? 0);
        await page
          .waitForFunction(() => window.litgraph.state().hovered !== null, null, { timeout: 3_000 })
          .catch(() => {});
        return hovered();
      };
      const candidates = await page.evaluate(() => {
        const drawn = (window.litgraph as unknown as { drawnLabels(): Drawn }).drawnLabels();
        return drawn
          .map((d) => d.key)
          .filter((k) => {
            const p = window.litgraph.nodePosition(k);
            return p && p.x > 400 && p.x < 1200 && p.y > 150 && p.y < 700;
          })
          .slice(0, 6);
      });
      expect(candidates.length).toBeGreaterThan(0);
      // a node may lie under another in the knowledge graph: try candidates until one does not
      let again = 0;
      for (const c of candidates) {
        const key = (await hoverAt(c)) ?? "";
        expect(key).not.toBe("");
        await page.mouse.move(100, 400, { steps: 4 });
        await page.waitForFunction(() => window.litgraph.state().hovered === null, null, {
          timeout: 5_000,
        });
        expect(await hoverAt(key)).toBe(key);
        await page.locator('button[data-view="knowledge"]').click();
        await page.waitForFunction(() => window.litgraph.state().view === "knowledge");
        await page.waitForTimeout(300);
        const there = await hoverAt(key);
        expect(there).not.toBeNull();
        if (there === key) again++;
        await page.mouse.move(100, 400, { steps: 4 });
        await page.locator('button[data-view="papers"]').click();
        await page.waitForFunction(() => window.litgraph.state().view === "papers");
        await page.waitForTimeout(300);
        if (again) break;
      }
      expect(again).toBe(1);
      await page.close();
    });
});

describe.skipIf(skip)("5. keyboard", () => {
  it("Tab reaches Open files…, and Enter on it opens the file input", async () => {
    const { page } = await open("small");
    let reached = false;
    for (let i = 0; i < 12 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = await page.evaluate(() => document.activeElement?.id === "open");
    }
    expect(reached).toBe(true);
    // Enter on the button opens the file input (its click is what shows the file chooser)
    await page.evaluate(() => {
      document.getElementById("open-input")?.addEventListener("click", (ev) => {
        ev.preventDefault();
        (window as unknown as { opened: boolean }).opened = true;
      });
    });
    await page.keyboard.press("Enter");
    await page.waitForFunction(
      () => (window as unknown as { opened?: boolean }).opened === true,
      null,
      {
        timeout: 5_000,
      },
    );
    await page.close();
  });

  for (const which of ["small", "big"] as const)
    it(`Escape closes the details panel; an Escape in the search list closes only the list (${which})`, async () => {
      const key = busiestPaper(which === "big" ? big : small);
      const { page } = await open(which, `sel=${encodeURIComponent(key)}`);
      await expect.poll(() => page.locator("#panel").isVisible()).toBe(true);
      await page.fill(".search-input", "a");
      await expect.poll(() => page.locator(".search-results").isVisible()).toBe(true);
      await page.keyboard.press("Escape");
      expect(await page.locator(".search-results").isVisible()).toBe(false);
      expect(await page.locator("#panel").isVisible()).toBe(true);
      // from inside the panel too
      await page.locator("#panel button.ref").first().focus();
      await page.keyboard.press("Escape");
      await expect.poll(() => page.locator("#panel").isVisible()).toBe(false);
      expect(await page.evaluate(() => window.litgraph.state().selection)).toBeNull();
      await page.close();
    });
});

describe.skipIf(skip)("6. a graph built in the page says it cannot be linked", () => {
  it("opening a file shows the note, naming the file", async () => {
    const { page } = await open("small");
    expect(await page.locator("#local-note").isVisible()).toBe(false);
    await page.setInputFiles("#open-input", {
      name: "sample.bib",
      mimeType: "application/x-bibtex",
      buffer: readFileSync(join(FIXTURES, "sample.bib")),
    });
    await expect
      .poll(() => page.locator("#status").textContent(), { timeout: 30_000 })
      .toContain("sample.bib");
    expect(await page.locator("#local-note").isVisible()).toBe(true);
    const note = (await page.locator("#local-note").textContent()) ?? "";
    expect(note).toContain("sample.bib");
    expect(note).toMatch(/local/);
    expect(note).toMatch(/link/);
    await page.close();
  });
});

interface ExportLayout {
  width: number;
  height: number;
  graph: { x: number; y: number; width: number; height: number };
  nodeLabels: { x0: number; y0: number; x1: number; y1: number }[];
  communityLabels: number;
  legend: { colour: string; label: string; count: string }[];
}

describe.skipIf(skip)("7. PNG export of the whole graph", () => {
  for (const which of ["small", "big"] as const)
    it(`the whole view with title and legend, no label cut at the edge (${which})`, async () => {
      const page = await suite.browser().newPage({
        acceptDownloads: true,
        viewport: { width: 1280, height: 800 },
      });
      await page.goto(url(which));
      await page.waitForFunction(() => Boolean(window.litgraph), null, { timeout: 60_000 });
      const view = which === "big" ? "papers" : "knowledge";
      // zoomed in: the export still shows the whole view
      await page.mouse.move(700, 400);
      await page.mouse.wheel(0, -600);
      await page.waitForTimeout(500);
      await page.locator("#export").click();
      expect(await page.locator("#export-menu").isVisible()).toBe(true);
      const [download] = await Promise.all([
        page.waitForEvent("download", { timeout: 60_000 }),
        page.locator('[data-export="whole"]').click(),
      ]);
      expect(download.suggestedFilename()).toBe(`litgraph-${view}-whole.png`);
      expect(await page.locator("#export-menu").isVisible()).toBe(false);
      const bytes = readFileSync(await download.path());
      expect(bytes.subarray(1, 4).toString()).toBe("PNG");
      const layout = (await page.evaluate(() =>
        (window.litgraph as unknown as { lastExport(): unknown }).lastExport(),
      )) as ExportLayout;
      const g = which === "big" ? big : small;
      const communities = new Set(
        g.nodes
          .filter((n) => n.attributes.type === (view === "papers" ? "paper" : n.attributes.type))
          .map((n) => n.attributes.community),
      );
      expect(layout.legend.length).toBe(Math.min(40, communities.size));
      expect(layout.communityLabels).toBeGreaterThan(0);
      expect(layout.nodeLabels.length).toBeGreaterThan(2);
      for (const b of layout.nodeLabels) {
        expect(b.x0).toBeGreaterThanOrEqual(0);
        expect(b.x1).toBeLessThanOrEqual(layout.graph.width);
        expect(b.y1).toBeLessThanOrEqual(layout.graph.height);
      }
      // the image: the title's ink on top, the first legend swatch in its colour, the graph drawn
      const seen = await page.evaluate(
        async ({ png, l }) => {
          const bin = Uint8Array.from(atob(png), (ch) => ch.charCodeAt(0));
          const image = await createImageBitmap(new Blob([bin], { type: "image/png" }));
          const c = new OffscreenCanvas(image.width, image.height);
          const ctx = c.getContext("2d") as OffscreenCanvasRenderingContext2D;
          ctx.drawImage(image, 0, 0);
          const k = image.width / (l.graph.x * 3 + l.graph.width + 340);
          const px = (x: number, y: number) => [
            ...ctx.getImageData(Math.round(x * k), Math.round(y * k), 1, 1).data,
          ];
          const inked = (x0: number, y0: number, x1: number, y1: number) => {
            const d = ctx.getImageData(x0 * k, y0 * k, (x1 - x0) * k, (y1 - y0) * k).data;
            let n = 0;
            for (let i = 0; i < d.length; i += 4) if (d[i] < 200) n++;
            return n;
          };
          const gx = l.graph.x + l.graph.width + l.graph.x;
          return {
            width: image.width,
            swatch: px(gx + 6, l.graph.y + 34),
            title: inked(l.graph.x, 0, l.graph.x + 400, l.graph.y - 30),
            graph: inked(
              l.graph.x,
              l.graph.y,
              l.graph.x + l.graph.width,
              l.graph.y + l.graph.height,
            ),
          };
        },
        { png: bytes.toString("base64"), l: layout },
      );
      expect(seen.width).toBe(layout.width);
      const want = (layout.legend[0]?.colour.match(/[0-9a-f]{2}/gi) ?? []).map((h) =>
        Number.parseInt(h, 16),
      );
      expect(
        Math.abs(seen.swatch[0] - want[0]) +
          Math.abs(seen.swatch[1] - want[1]) +
          Math.abs(seen.swatch[2] - want[2]),
      ).toBeLessThan(30);
      expect(seen.title).toBeGreaterThan(100);
      expect(seen.graph).toBeGreaterThan(2_000);
      await page.close();
    });
});

describe.skipIf(skip)("a step that redraws a big view says so first", () => {
  /** Watches #busy: every text it showed, and whether it is hidden now. */
  const watchBusy = (page: Page) =>
    page.evaluate(() => {
      const note = document.getElementById("busy") as HTMLElement;
      const seen: string[] = [];
      (window as unknown as { busySeen: string[] }).busySeen = seen;
      new MutationObserver(() => {
        if (!note.hidden) seen.push(note.textContent ?? "");
      }).observe(note, { attributes: true, childList: true, characterData: true, subtree: true });
    });
  const seen = (page: Page) =>
    page.evaluate(() => (window as unknown as { busySeen: string[] }).busySeen);

  it("a step that indexes a big view shows a note, then hides it; one that shows a drawn view or a small part runs at once (big graph)", async () => {
    const { page } = await open("big");
    await watchBusy(page);
    await page.locator('button[data-view="knowledge"]').click();
    await page.waitForFunction(() => window.litgraph.state().view === "knowledge");
    await expect.poll(() => page.locator("#busy").isVisible()).toBe(false);
    expect(await seen(page)).toEqual(["Drawing the knowledge graph…"]);
    // one community of twelve: a few hundred nodes, indexed at once (busy.ts BUSY_MIN_ITEMS)
    const community = () =>
      page.evaluate(
        () =>
          (window.litgraph.state() as unknown as { filters: { community: number | null } }).filters
            .community,
      );
    await page.locator('.legend-item[data-community="3"]').click();
    expect(await community()).toBe(3);
    // Reset and going back to the paper map show scenes drawn already
    await page.locator(".reset").click();
    expect(await community()).toBeNull();
    await page.locator('button[data-view="papers"]').click();
    expect(await page.evaluate(() => window.litgraph.state().view)).toBe("papers");
    expect(await seen(page)).toEqual(["Drawing the knowledge graph…"]);
    expect(await page.locator("#busy").isVisible()).toBe(false);
    await page.close();
  });

  it("a small graph switches at once, with no note", async () => {
    const { page } = await open("small");
    await watchBusy(page);
    await page.locator('button[data-view="papers"]').click();
    expect(await page.evaluate(() => window.litgraph.state().view)).toBe("papers");
    expect(await seen(page)).toEqual([]);
    await page.close();
  });
});
