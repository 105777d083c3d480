// Issue 19's drill-down in headless Chromium: a shared-references reason opens the references
// (on the graph the pipeline builds from a real Web of Science slice, whose records list their
// cited references), a community card opens its papers and top terms, a paper→concept link shows
// its evidence sentence, and the "label all neighbours" and "zoom to fit selection" controls.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SerializedGraph } from "../../src/graph/schema.ts";
import { runPipeline } from "../../src/pipeline.ts";
import { browserUnavailable, launch, type Site, serveSite } from "./harness.ts";

const FIXTURES = join(import.meta.dirname, "../fixtures");
const skip = browserUnavailable();
interface Hooks {
  state(): { selection: string | null; view: string; card: number | null };
  select(key: string): void;
  nodePosition(key: string): { x: number; y: number } | null;
  drawnLabels(): { key: string }[];
}
declare const window: Window & { litgraph: Hooks };

let browser: Browser;
beforeAll(async () => {
  if (!skip) browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function open(site: Site, hash = "", width = 1280): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  await page.goto(`${site.url}${hash ? `#${hash}` : ""}`);
  await page.waitForFunction(() => Boolean(window.litgraph), null, { timeout: 30_000 });
  await page.waitForTimeout(300);
  return page;
}

describe.skipIf(skip)("shared references on a Web of Science slice", () => {
  let site: Site;
  let graph: SerializedGraph;
  beforeAll(async () => {
    const { serialized } = await runPipeline([join(FIXTURES, "sources/wos-slice.isi")], {
      asOf: new Date(Date.UTC(2026, 11, 1)),
    });
    graph = serialized;
    site = await serveSite(graph);
  }, 120_000);
  afterAll(async () => {
    await site?.close();
  });

  it("a shared-references reason opens the list of those references", async () => {
    // the related pair sharing the most references
    const pairs = graph.edges
      .filter((e) => e.attributes.type === "similar")
      .map((e) => ({
        e,
        refs:
          e.attributes.type === "similar"
            ? e.attributes.breakdown.filter((b) => b.kind === "citation")
            : [],
      }))
      .sort((x, y) => y.refs.length - x.refs.length);
    const { e, refs } = pairs[0];
    expect(refs.length).toBeGreaterThan(3);
    const page = await open(site, `view=knowledge&sel=${encodeURIComponent(e.source)}`);
    const row = page.locator(`#panel li[data-node="${e.target}"]`);
    const toggle = row.locator('[data-reason="citation"]');
    expect(await toggle.textContent()).toContain(`${refs.length} references`);
    await toggle.click();
    const items = row.locator('.evidence[data-evidence="references"] li');
    expect(await items.count()).toBe(refs.length);
    const shown = await items.evaluateAll((lis) =>
      lis.map((li) => ({
        node: li.querySelector("[data-node]")?.getAttribute("data-node") ?? "",
        text: li.textContent ?? "",
        relation: li.getAttribute("data-relation"),
      })),
    );
    const keys = new Set(graph.nodes.map((n) => n.key));
    const bySize = [...refs].sort((x, y) => y.share - x.share);
    bySize.forEach((r, i) => {
      const paper = `paper:${r.node.slice(r.node.indexOf(":") + 1)}`;
      const got = shown[i];
      if (keys.has(paper)) {
        // a paper of the set: a link to it
        expect(got.node).toBe(paper);
        if (r.node.startsWith("citedby:")) expect(got.relation).toBe("cites both");
      } else {
        // a work outside the set: its cited-reference line
        expect(got.node).toBe("");
        expect(got.text).toContain(r.label);
        expect(got.relation).toBe("both cite it");
      }
    });
    // a listed paper of the set opens
    const inSet = shown.findIndex((s) => s.node !== "");
    if (inSet >= 0) {
      await items.nth(inSet).locator("[data-node]").click();
      await page.waitForFunction((k) => window.litgraph.state().selection === k, shown[inSet].node);
    }
    await page.close();
  });
});
