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
interface Hooks {
  state(): {
    colourBy: string;
    selection: string | null;
    filters: { yearMin: number | null; yearMax: number | null };
  };
  nodeDisplay(key: string): { color: string } | null;
  select(key: string): void;
}
declare const window: Window & { litgraph: Hooks };

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

  it("colours by year with a year legend, in every view and through the URL", async () => {
    const page = await open();
    await page.locator('input[name="colour"][value="year"]').check();
    await page.waitForTimeout(400);
    expect(await page.evaluate(() => window.litgraph.state().colourBy)).toBe("year");
    const legend = await page
      .locator("#legend ul.years li")
      .evaluateAll((lis) => lis.map((li) => li.getAttribute("data-year")));
    expect(legend).toEqual(["2024", "2023", "2022", "2021", "2020", "2019"]);
    // the oldest paper dark violet, the newest yellow (the palette's ends)
    const colour = (key: string) =>
      page.evaluate((k) => window.litgraph.nodeDisplay(k)?.color, key);
    expect(await colour("paper:doi:10.1/p8")).toBe("#440154");
    expect(await colour("paper:doi:10.1/p10")).toBe("#fde725");
    // a concept takes the mean year of its papers: somewhere between
    const concept = await colour("method:transformer");
    expect(concept).not.toBe("#440154");
    expect(concept).not.toBe("#fde725");
    await page.waitForFunction(() => location.hash.includes("colour=year"));
    for (const view of ["papers", "collab"]) {
      await page.locator(`[data-view="${view}"]`).click();
      await page.waitForTimeout(300);
      expect(await page.locator("#legend ul.years li").count()).toBeGreaterThan(1);
    }
    // reopened from its link, the page colours by year again
    const again = await open(page.url().split("#")[1]);
    expect(await again.evaluate(() => window.litgraph.state().colourBy)).toBe("year");
    await again.close();
    await page.close();
  });

  it("a concept's panel shows its papers per year", async () => {
    const page = await open("view=knowledge&sel=method%3Atransformer");
    await page.waitForSelector("#panel .per-year li");
    const rows = await page
      .locator("#panel .per-year li")
      .evaluateAll((lis) =>
        lis.map(
          (li) => `${li.getAttribute("data-year")}:${li.querySelector(".year-count")?.textContent}`,
        ),
      );
    const years = graph.edges
      .filter((e) => e.attributes.type === "has" && e.target === "method:transformer")
      .map((e) => graph.nodes.find((n) => n.key === e.source)?.attributes)
      .map((a) => (a?.type === "paper" ? a.year : null));
    const lo = Math.min(...(years as number[]));
    const hi = Math.max(...(years as number[]));
    const want = [];
    for (let y = lo; y <= hi; y++) want.push(`${y}:${years.filter((x) => x === y).length}`);
    expect(rows).toEqual(want);
    await page.close();
  });

  it("a reason opens the evidence sentence of both papers, highlighted; an author their other papers", async () => {
    const page = await open("view=knowledge&sel=paper%3Adoi%3A10.1%2Fp1");
    const item = page.locator(
      '#panel li[data-node="paper:doi:10.1/p3"] [data-reason="modality:clinical notes"]',
    );
    await item.click();
    const quotes = page.locator('#panel li[data-node="paper:doi:10.1/p3"] .evidence blockquote');
    expect(await quotes.count()).toBe(2);
    const got = await quotes.evaluateAll((qs) =>
      qs.map((q) => ({
        paper: q.getAttribute("data-paper"),
        text: q.querySelector(".evidence-text")?.textContent ?? "",
        marks: [...q.querySelectorAll("mark")].map((m) => m.textContent),
      })),
    );
    expect(got.map((g) => g.paper)).toEqual(["paper:doi:10.1/p1", "paper:doi:10.1/p3"]);
    for (const g of got) {
      expect(g.marks.length).toBeGreaterThan(0);
      for (const m of g.marks) expect(m?.toLowerCase()).toContain("clinical note");
      // the sentence is a sentence of that paper's title or abstract
      const a = graph.nodes.find((n) => n.key === g.paper)?.attributes;
      const fields = a?.type === "paper" ? `${a.title}\n${a.abstract}` : "";
      expect(fields).toContain(g.text);
    }
    // closed again by the same button
    await item.click();
    expect(await quotes.count()).toBe(0);
    // a shared author: the author's other papers
    await page
      .locator('#panel li[data-node="paper:doi:10.1/p3"] [data-reason="author:Hannah Jauncey"]')
      .click();
    const others = await page
      .locator('#panel li[data-node="paper:doi:10.1/p3"] .evidence[data-evidence="papers"] li')
      .allTextContents();
    const want = graph.edges
      .filter((e) => e.attributes.type === "authored" && e.target === "author:hannah-jauncey")
      .map((e) => e.source)
      .filter((p) => p !== "paper:doi:10.1/p1" && p !== "paper:doi:10.1/p3");
    expect(others.length).toBe(want.length);
    // evidence from a paper with markup in its abstract stays text
    await page
      .locator('#panel li[data-node="paper:slug:xss-paper-2024"] .evidence-toggle')
      .first()
      .click();
    expect(await page.locator("#panel .evidence img, #panel .evidence script").count()).toBe(0);
    await page.close();
  });

  it("a range brushed on the timeline filters the graph and round-trips through the URL", async () => {
    const page = await open("view=papers");
    const col = (y: number) => page.locator(`#timeline .tl-col[data-year="${y}"]`);
    expect(await page.locator("#timeline .tl-col").count()).toBe(6); // 2019–2024
    const a = await col(2020).boundingBox();
    const b = await col(2022).boundingBox();
    if (!a || !b) throw new Error("no timeline columns");
    await page.mouse.move(a.x + a.width / 2, a.y + a.height - 2);
    await page.mouse.down();
    await page.mouse.move(b.x + b.width / 2, b.y + b.height - 2, { steps: 4 });
    await page.mouse.up();
    await page.waitForTimeout(300);
    const years = () => page.evaluate(() => window.litgraph.state().filters);
    expect(await years()).toMatchObject({ yearMin: 2020, yearMax: 2022 });
    // papers outside the range are hidden, inside shown
    const hidden = (key: string) =>
      page.evaluate(
        (k) =>
          (
            window.litgraph as unknown as { nodeDisplay(k: string): { hidden: boolean } | null }
          ).nodeDisplay(k)?.hidden ?? null,
        key,
      );
    expect(await hidden("paper:doi:10.1/p8")).toBe(true); // 2019
    expect(await hidden("paper:doi:10.1/p6")).toBe(false); // 2022
    expect(await page.locator("#timeline .tl-col.out").count()).toBe(3);
    await page.waitForFunction(() => location.hash.includes("years=2020-2022"));
    const again = await open(page.url().split("#")[1]);
    expect(await again.evaluate(() => window.litgraph.state().filters)).toMatchObject({
      yearMin: 2020,
      yearMax: 2022,
    });
    expect(await again.locator("#timeline .tl-col.out").count()).toBe(3);
    // "All years" clears it
    await again.locator("#timeline .tl-clear").click();
    await again.waitForTimeout(300);
    expect(await again.evaluate(() => window.litgraph.state().filters)).toMatchObject({
      yearMin: null,
      yearMax: null,
    });
    await again.close();
    await page.close();
  });

  it("the search box's results download as their papers", async () => {
    const page = await open();
    await page.locator(".search-input").fill("chest");
    await page.waitForSelector("#search-results li[data-node]");
    const keys = await page
      .locator("#search-results li[data-node]")
      .evaluateAll((lis) => lis.map((li) => li.getAttribute("data-node") as string));
    await page.locator("#export").click();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.locator('[data-export="records:csl"]').click(),
    ]);
    expect(download.suggestedFilename()).toBe("litgraph-search.json");
    const { papers } = parseText(readFileSync(await download.path(), "utf8"), "s.json", {
      asOf: new Date("2026-06-01"),
    });
    // each listed paper, and the papers of each listed author or concept
    const want = new Set<string>();
    for (const k of keys) {
      if (k.startsWith("paper:")) want.add(k);
      else
        for (const e of graph.edges)
          if (e.target === k && e.source.startsWith("paper:")) want.add(e.source);
    }
    const title = (k: string) => {
      const a = graph.nodes.find((n) => n.key === k)?.attributes;
      return a?.type === "paper" ? a.title : "";
    };
    expect(want.size).toBeGreaterThan(1);
    expect(papers.map((p) => p.title).sort()).toEqual([...want].map(title).sort());
    await page.close();
  });
});
