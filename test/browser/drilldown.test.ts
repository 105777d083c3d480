// Issue 19's drill-down in headless Chromium: a shared-references reason opens the references
// (on the graph the pipeline builds from a real Web of Science slice, whose records list their
// cited references), a community card opens its papers and top terms, a paper→concept link shows
// its evidence sentence, and the "label all neighbours" and "zoom to fit selection" controls.
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SerializedGraph } from "../../src/graph/schema.ts";
import { runPipeline } from "../../src/pipeline.ts";
import { syntheticGraph } from "../fixtures/web/synthetic.ts";
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

  it("a direct citation shows as 'cites it' from the citing paper, 'cited by it' from the cited one", async () => {
    const cites = graph.edges.filter((c) => c.attributes.type === "cites");
    const direct = cites.find((c) =>
      graph.edges.some(
        (e) =>
          e.attributes.type === "similar" &&
          [e.source, e.target].includes(c.source) &&
          [e.source, e.target].includes(c.target) &&
          e.attributes.breakdown.some((b) => b.kind === "direct-citation"),
      ),
    );
    expect(direct).toBeDefined();
    if (!direct) return;
    for (const [from, to, text] of [
      [direct.source, direct.target, "cites it"],
      [direct.target, direct.source, "cited by it"],
    ]) {
      const page = await open(site, `view=knowledge&sel=${encodeURIComponent(from)}`);
      const kinds = await page
        .locator(`#panel li[data-node="${to}"] .reason-kind`)
        .evaluateAll((spans) => spans.map((s) => s.textContent ?? ""));
      expect(kinds.some((k) => k.startsWith(`${text} `))).toBe(true);
      await page.close();
    }
  });

  it("the sidebar lists the works cited most outside the set, each opening the papers citing it", async () => {
    const works = graph.meta.citedOutside ?? [];
    expect(works.length).toBeGreaterThan(10);
    const page = await open(site);
    const items = page.locator("#cited .cited-list > li");
    expect(await items.count()).toBe(10);
    expect(await items.evaluateAll((lis) => lis.map((li) => li.getAttribute("data-work")))).toEqual(
      works.slice(0, 10).map((w) => w.id),
    );
    const first = items.first();
    expect(await first.locator("summary").textContent()).toContain(`cited by ${works[0].count}`);
    await first.locator("summary").click();
    const citing = first.locator("button[data-node]");
    expect(await citing.count()).toBe(works[0].count);
    const key = `paper:${works[0].citedBy[0]}`;
    await citing.first().click();
    await page.waitForFunction((k) => window.litgraph.state().selection === k, key);
    await page.locator("#cited button", { hasText: "Show all" }).click();
    expect(await items.count()).toBe(works.length);
    await page.close();
  });
});

describe.skipIf(skip)("community cards and has-edge evidence on the seed graph", () => {
  let site: Site;
  let graph: SerializedGraph;
  beforeAll(async () => {
    const { serialized } = await runPipeline([join(import.meta.dirname, "../../seeds")], {
      asOf: new Date(Date.UTC(2026, 10, 27)),
    });
    graph = serialized;
    site = await serveSite(graph);
  }, 120_000);
  afterAll(async () => {
    await site?.close();
  });

  const attrs = (key: string) => graph.nodes.find((n) => n.key === key)?.attributes;

  it("a community card opens its papers by centrality, with years and terms, and its top terms with counts", async () => {
    const card = [...graph.meta.communities].sort((a, b) => b.size - a.size)[0];
    expect(card.size).toBeGreaterThan(2);
    expect(card.topTerms?.length).toBeGreaterThan(0);
    const page = await open(site, "view=papers");
    await page.locator(`button.card-open[data-card="${card.id}"]`).click();
    await page.waitForSelector("#panel .community-papers li");
    expect(await page.locator("#panel h2.title").textContent()).toBe(card.label);
    // papers: every paper of the community, by their summed similar weight inside it
    const members = graph.nodes
      .filter((n) => n.attributes.type === "paper" && n.attributes.community === card.id)
      .map((n) => n.key);
    const inside = new Set(members);
    const centrality = new Map(members.map((m) => [m, 0]));
    for (const e of graph.edges)
      if (e.attributes.type === "similar" && inside.has(e.source) && inside.has(e.target)) {
        const w = e.attributes.weight;
        centrality.set(e.source, (centrality.get(e.source) ?? 0) + w);
        centrality.set(e.target, (centrality.get(e.target) ?? 0) + w);
      }
    const rows = await page.locator("#panel .community-papers > li").evaluateAll((lis) =>
      lis.map((li) => ({
        key: li.getAttribute("data-node") ?? "",
        text: li.textContent ?? "",
        terms: [...li.querySelectorAll(".paper-terms [data-node]")].map((b) =>
          b.getAttribute("data-node"),
        ),
      })),
    );
    expect(rows.map((r) => r.key).sort()).toEqual([...members].sort());
    const c = rows.map((r) => centrality.get(r.key) ?? 0);
    for (let i = 1; i < c.length; i++) expect(c[i - 1] + 1e-9).toBeGreaterThanOrEqual(c[i]);
    // the most central paper first, as the stored card's top papers say
    expect(rows[0].key).toBe(card.topPapers[0].node);
    for (const r of rows) {
      const a = attrs(r.key);
      if (a?.type === "paper" && a.year !== null) expect(r.text).toContain(String(a.year));
      // a paper's terms are concepts it holds
      for (const t of r.terms)
        expect(graph.edges.some((e) => e.source === r.key && e.target === t)).toBe(true);
    }
    expect(rows.some((r) => r.terms.length > 0)).toBe(true);
    // top terms with their counts, as the card stores them
    const terms = await page
      .locator("#panel .term-counts li")
      .evaluateAll((lis) => lis.map((li) => li.textContent?.replace(/\s+/g, " ").trim()));
    expect(terms).toEqual((card.topTerms ?? []).map((t) => `${t.label} ${t.count}`));
    // the card is in the URL, and a paper opened from it closes back to it
    await page.waitForFunction((id) => location.hash.includes(`card=${id}`), card.id);
    await page.locator(`#panel .community-papers li[data-node="${rows[1].key}"] > button`).click();
    await page.waitForFunction((k) => window.litgraph.state().selection === k, rows[1].key);
    await page.locator("#panel button.close").click();
    await page.waitForSelector("#panel .community-papers li");
    await page.keyboard.press("Escape");
    await expect.poll(() => page.locator("#panel").isHidden()).toBe(true);
    await page.close();
  });

  it("a paper listed in a concept's panel opens the sentence of its has edge", async () => {
    // the concept with the most papers
    const count = new Map<string, number>();
    for (const e of graph.edges)
      if (e.attributes.type === "has") count.set(e.target, (count.get(e.target) ?? 0) + 1);
    const concept = [...count].sort((a, b) => b[1] - a[1])[0][0];
    const edge = graph.edges.find(
      (e) => e.attributes.type === "has" && e.target === concept && e.attributes.mentions.length,
    );
    if (edge?.attributes.type !== "has") throw new Error("no has edge with mentions");
    const page = await open(site, `view=knowledge&sel=${encodeURIComponent(concept)}`);
    const row = page.locator(`#panel .concept-papers li[data-node="${edge.source}"]`);
    await row.locator('[data-reason="has"]').click();
    const quote = row.locator(".evidence blockquote");
    expect(await quote.count()).toBeGreaterThan(0);
    const paper = attrs(edge.source);
    const fields = paper?.type === "paper" ? `${paper.title}\n${paper.abstract}` : "";
    const text = (await quote.first().locator(".evidence-text").textContent()) ?? "";
    expect(fields).toContain(text);
    const marks = await quote.first().locator("mark").allTextContents();
    expect(marks).toContain(edge.attributes.mentions[0].text);
    await page.close();
  });

  it("clicking a has edge in the knowledge graph shows its evidence sentence", async () => {
    const page = await open(site, "view=knowledge");
    await page.evaluate(
      () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
    );
    const has = graph.edges.filter((e) => e.attributes.type === "has");
    // Edges whose middle is clear of every node (a click there hits the edge, not a node).
    const positions = await page.evaluate(
      (keys) => Object.fromEntries(keys.map((k) => [k, window.litgraph.nodePosition(k)])),
      graph.nodes.map((n) => n.key),
    );
    const box = await page.locator("#graph").boundingBox();
    if (!box) throw new Error("no graph area");
    let opened = 0;
    for (const e of has) {
      const p = positions[e.source];
      const q = positions[e.target];
      if (!p || !q) continue;
      const m = { x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 };
      if (Math.hypot(p.x - q.x, p.y - q.y) < 60) continue;
      if (m.x < box.x + 10 || m.y < box.y + 10 || m.x > box.x + box.width - 10) continue;
      if (m.y > box.y + box.height - 10) continue;
      const clear = Object.values(positions).every(
        (o) => !o || Math.hypot(o.x - m.x, o.y - m.y) > 25,
      );
      if (!clear) continue;
      await page.mouse.click(m.x, m.y);
      await page.waitForTimeout(300);
      const sel = await page.evaluate(() => window.litgraph.state().selection);
      if (sel !== e.target) continue;
      const row = page.locator(`#panel .concept-papers li[data-node="${e.source}"]`);
      await row.locator(".evidence blockquote").first().waitFor();
      const text = (await row.locator(".evidence-text").first().textContent()) ?? "";
      const paper = attrs(e.source);
      expect(paper?.type === "paper" ? `${paper.title}\n${paper.abstract}` : "").toContain(text);
      expect(await row.locator(".evidence mark").count()).toBeGreaterThan(0);
      opened++;
      if (opened >= 2) break;
      await page.keyboard.press("Escape");
      await page.waitForTimeout(200);
    }
    expect(opened).toBeGreaterThan(0);
    await page.close();
  });
});

describe.skipIf(skip)("label all neighbours, zoom to fit selection (2,500-paper graph)", () => {
  const big = syntheticGraph(2_500);
  let site: Site;
  beforeAll(async () => {
    site = await serveSite(big);
  }, 120_000);
  afterAll(async () => {
    await site?.close();
  });

  it("labels more than the strongest 24 neighbours, and fits the neighbourhood on screen", async () => {
    // a concept with many papers
    const near = new Map<string, Set<string>>();
    for (const e of big.edges)
      if (e.attributes.type === "has") {
        const s = near.get(e.target) ?? new Set<string>();
        s.add(e.source);
        near.set(e.target, s);
      }
    const [concept, papers] = [...near].sort((a, b) => b[1].size - a[1].size)[0];
    expect(papers.size).toBeGreaterThan(24);
    const page = await open(site, `view=knowledge&sel=${encodeURIComponent(concept)}`);
    await page.waitForTimeout(1_000);
    const labelled = async () => {
      await page.evaluate(
        () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
      );
      return (await page.evaluate(() => window.litgraph.drawnLabels())).filter((d) =>
        papers.has(d.key),
      ).length;
    };
    const zoomToFit = async () => {
      await page.locator('[data-control="fit"]').click();
      await page.waitForTimeout(900);
    };
    await zoomToFit();
    // every neighbour inside the part of the graph the panel leaves free
    const graphBox = await page.locator("#graph").boundingBox();
    const panelBox = await page.locator("#panel").boundingBox();
    if (!graphBox || !panelBox) throw new Error("no graph area or panel");
    const right = Math.min(graphBox.x + graphBox.width, panelBox.x);
    const spots = await page.evaluate(
      (keys) => keys.map((k) => window.litgraph.nodePosition(k)),
      [concept, ...papers],
    );
    for (const p of spots) {
      expect(p).not.toBeNull();
      expect(p?.x).toBeGreaterThanOrEqual(graphBox.x);
      expect(p?.x).toBeLessThanOrEqual(right);
      expect(p?.y).toBeGreaterThanOrEqual(graphBox.y);
      expect(p?.y).toBeLessThanOrEqual(graphBox.y + graphBox.height);
    }
    const before = await labelled();
    expect(before).toBeLessThanOrEqual(24);
    await page.locator('[data-control="label-all"]').check();
    await page.waitForFunction(() => location.hash.includes("labels=all"));
    const after = await labelled();
    expect(after).toBeGreaterThan(24);
    expect(after).toBeGreaterThan(before);
    await page.close();
  });
});
