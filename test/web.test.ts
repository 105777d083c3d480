// Pure parts of the web view: URL state, highlights, links, graph loading, views, details, search.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { authorDetails, conceptDetails, detailsOf, paperDetails } from "../web/src/details.ts";
import { fitText } from "../web/src/fit-text.ts";
import { type Span, segments } from "../web/src/highlight.ts";
import { safeLink } from "../web/src/links.ts";
import {
  GraphLoadError,
  graphUrl,
  loadGraph,
  parseGraphText,
  validateGraph,
} from "../web/src/load.ts";
import { buildModel } from "../web/src/model.ts";
import { neighbourhood, visibleNodes } from "../web/src/neighbourhood.ts";
import { buildIndex, fold, type SearchEntry, search } from "../web/src/search-index.ts";
import { defaultFilters, defaultState, NODE_TYPES, type State } from "../web/src/state.ts";
import { decodeState, encodeState } from "../web/src/url.ts";
import { buildView, shortLabel } from "../web/src/views.ts";
import { assembleGraph } from "./fixtures/web/assemble.ts";
import { handmade, XSS_AUTHOR, XSS_TITLE } from "./fixtures/web/handmade.ts";

const FIXTURE = join(import.meta.dirname, "fixtures/web/graph.json");
const fixtureText = readFileSync(FIXTURE, "utf8");
const data = validateGraph(JSON.parse(fixtureText), "graph.json");
const model = buildModel(data);
const XSS_KEY = "paper:slug:xss-paper-2024";

describe("web/url: state survives the URL hash", () => {
  const base = defaultState();
  const cases: [string, State][] = [
    ["defaults", base],
    [
      "view + selection with odd characters",
      { ...base, view: "papers", selection: "paper:doi:10.1/a&b=c#d" },
    ],
    [
      "filters",
      {
        ...base,
        filters: {
          types: ["paper", "method"],
          yearMin: 2019,
          yearMax: null,
          community: 2,
          minPapers: 3,
        },
      },
    ],
    [
      "depth, colour, camera",
      { ...base, depth: 2, colourBy: "type", camera: { x: 0.25, y: 0.75, ratio: 0.5, angle: 0 } },
    ],
    ["collab, no types", { ...base, view: "collab", filters: { ...defaultFilters(), types: [] } }],
    ["community card, all neighbours labelled", { ...base, card: 3, labelAll: true }],
  ];
  it.each(cases)("%s", (_name, state) => {
    const back = decodeState(`#${encodeState(state)}`);
    expect(back).toEqual({ ...state, hovered: null });
  });

  it("the view is always written: a link keeps it whichever view the graph's size opens on", () => {
    expect(encodeState(base)).toBe("view=knowledge");
    for (const view of ["knowledge", "papers", "collab"] as const)
      for (const fallback of ["knowledge", "papers"] as const)
        expect(decodeState(encodeState({ ...base, view }), fallback).view).toBe(view);
  });

  it.each([
    ["view=nonsense", "view", "knowledge"],
    ["cam=1,2,nope,0", "camera", null],
    ["cam=0.5,0.5,0,0", "camera", null],
    ["depth=7", "depth", 1],
    ["years=abc", "filters", defaultFilters()],
  ] as const)("garbage %s keeps the default %s", (hash, key, expected) => {
    expect(decodeState(hash)[key]).toEqual(expected);
  });

  it("unknown types are dropped, known ones kept in canonical order", () => {
    expect(decodeState("types=method,bogus,paper").filters.types).toEqual(["paper", "method"]);
  });

  it("the fallback view is used only when the hash names none", () => {
    expect(decodeState("", "papers").view).toBe("papers");
    expect(decodeState("view=collab", "papers").view).toBe("collab");
  });
});

describe("web/highlight: segments from mention offsets", () => {
  const text = "deep learning for sepsis";
  const span = (start: number, end: number, node = "x"): Span => ({
    start,
    end,
    type: "method",
    node,
    text: text.slice(start, end),
  });
  it.each([
    ["no spans", [], ["deep learning for sepsis"]],
    ["one span", [span(0, 13)], ["[deep learning]", " for sepsis"]],
    ["two spans, unsorted", [span(18, 24), span(0, 4)], ["[deep]", " learning for ", "[sepsis]"]],
    [
      "overlap keeps the earlier",
      [span(5, 13), span(0, 8, "y")],
      ["[deep lea]", "rning for sepsis"],
    ],
    [
      "same start keeps the longer",
      [span(0, 4), span(0, 13, "y")],
      ["[deep learning]", " for sepsis"],
    ],
    ["out of range ignored", [span(20, 40)], ["deep learning for sepsis"]],
    ["text mismatch ignored", [{ ...span(0, 4), text: "DEEP" }], ["deep learning for sepsis"]],
  ] as [string, Span[], string[]][])("%s", (_name, spans, expected) => {
    const segs = segments(text, spans);
    expect(segs.map((s) => (s.span ? `[${s.text}]` : s.text))).toEqual(expected);
    expect(segs.map((s) => s.text).join("")).toBe(text);
  });
});

describe("web/links: only http(s) becomes a link", () => {
  it.each([
    ["https://example.org/a?b=1", "https://example.org/a?b=1"],
    ["http://example.org", "http://example.org/"],
    ["javascript:alert(1)", null],
    ["JavaScript:alert(1)", null],
    ["data:text/html,<script>alert(1)</script>", null],
    ["//example.org/x", null],
    ["example.org", null],
    ["  https://example.org/x  ", "https://example.org/x"],
  ])("%s", (raw, href) => {
    expect(safeLink(raw).href).toBe(href);
  });
});

describe("web/load: graph.json problems are explained", () => {
  it("accepts the fixture", () => {
    expect(parseGraphText(fixtureText, "graph.json").nodes.length).toBe(31);
  });
  it.each([
    ["not JSON", "{nodes: [", /not valid JSON/],
    ["wrong shape", JSON.stringify({ nodes: 3 }), /not a litgraph graph/],
    [
      "edge to a missing node",
      JSON.stringify({ ...data, edges: [{ ...data.edges[0], target: "paper:nowhere" }] }),
      /edges to nodes it does not contain/,
    ],
  ])("%s", (_name, text, message) => {
    expect(() => parseGraphText(text, "graph.json")).toThrow(message);
  });
  it("names the offending field", () => {
    const bad = structuredClone(data) as { nodes: { attributes: Record<string, unknown> }[] };
    bad.nodes[3].attributes.size = "big";
    try {
      validateGraph(bad, "g.json");
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(GraphLoadError);
      expect((err as GraphLoadError).details.join("\n")).toContain("nodes[3].attributes");
    }
  });
  it.each([
    [404, /was not found/],
    [500, /HTTP 500/],
  ])("HTTP %i", async (status, message) => {
    const fetcher = (async () => new Response("", { status })) as typeof fetch;
    await expect(loadGraph("http://h/graph.json", fetcher)).rejects.toThrow(message);
  });
  it.each([
    ["", "http://h/app/graph.json"],
    ["?graph=big.json", "http://h/app/big.json"],
    ["?graph=https://evil.example/g.json", "http://h/app/graph.json"],
  ])("graph URL for %j", (search, expected) => {
    expect(graphUrl({ href: `http://h/app/index.html${search}`, search, origin: "http://h" })).toBe(
      expected,
    );
  });
});

describe("web/views: three filtered graphs with their own layouts", () => {
  it.each([
    ["knowledge", 31, ["authored", "has", "is-a"], "x"],
    ["papers", 10, ["similar"], "mapX"],
    ["collab", 8, ["coauthor"], "collabX"],
  ] as const)("%s", (name, order, kinds, xField) => {
    const v = buildView(model, name);
    expect(v.graph.order).toBe(order);
    const seen = new Set<string>();
    v.graph.forEachEdge((_e, a) => {
      seen.add(a.kind);
    });
    expect([...seen].sort()).toEqual([...kinds].sort());
    v.graph.forEachNode((k, a) => {
      expect(a.x).toBe(model.graph.getNodeAttribute(k, xField as never));
      expect(a).not.toHaveProperty("type");
    });
    expect(v.communities.length).toBeGreaterThan(0);
  });
  it("concepts and authors carry their papers' year span", () => {
    const v = buildView(model, "knowledge");
    expect(v.graph.getNodeAttributes("condition:sepsis")).toMatchObject({
      yearMin: 2019,
      yearMax: 2024,
    });
  });
  it.each([
    ["short", "short"],
    ["a".repeat(60), `${"a".repeat(41)}…`],
  ])("shortLabel(%j)", (t, expected) => {
    expect(shortLabel(t)).toBe(expected);
  });
});

describe("web/neighbourhood: hops and filters", () => {
  const v = buildView(model, "collab");
  it.each([
    [0, 1],
    [1, 1 + v.graph.degree("author:priya-nair")],
  ])("depth %i", (depth, size) => {
    expect(neighbourhood(v.graph, "author:priya-nair", depth).size).toBe(size);
  });
  it("depth 2 reaches neighbours of neighbours", () => {
    const one = neighbourhood(v.graph, "author:tom-becker", 1);
    const two = neighbourhood(v.graph, "author:tom-becker", 2);
    for (const n of one) for (const m of v.graph.neighbors(n)) expect(two.has(m)).toBe(true);
  });
  const kg = buildView(model, "knowledge");
  it.each([
    ["no filter", defaultFilters(), null],
    ["papers only", { ...defaultFilters(), types: ["paper" as const] }, 10],
    ["2023 onward papers", { ...defaultFilters(), types: ["paper" as const], yearMin: 2023 }, 4],
    ["community 1 papers", { ...defaultFilters(), types: ["paper" as const], community: 1 }, 3],
    ["nothing", { ...defaultFilters(), types: [] }, 0],
  ])("%s", (_name, filters, size) => {
    const vis = visibleNodes(kg.graph, filters);
    expect(vis === null ? null : vis.size).toBe(size);
  });
  // the fixture's authors by their paperCount, read from graph.json, not from the view
  const authorsWith = (n: number) =>
    data.nodes.filter((x) => x.attributes.type === "author" && x.attributes.paperCount >= n).length;
  it.each([3, 4])("collaboration view, authors of at least %i papers", (min) => {
    const vis = visibleNodes(v.graph, { ...defaultFilters(), minPapers: min });
    expect(authorsWith(min)).toBeGreaterThan(0);
    expect(authorsWith(min)).toBeLessThan(v.graph.order);
    expect(vis?.size).toBe(authorsWith(min));
  });
  it("the minimum-papers filter leaves other node types alone", () => {
    const papers = visibleNodes(kg.graph, { ...defaultFilters(), types: ["paper"], minPapers: 5 });
    expect(papers?.size).toBe(10);
  });
});

describe("web/details: what the panel shows", () => {
  it("a paper: authors in order, entities from mentions, related papers with reasons", () => {
    const d = paperDetails(model.graph, "paper:doi:10.1/p1");
    expect(d.authors.map((a) => a.name)).toEqual([
      "Omid Rohanian",
      "Hannah Jauncey",
      "David Clifton",
    ]);
    for (const s of d.abstractSpans) expect(d.abstract.slice(s.start, s.end)).toBe(s.text);
    expect(d.abstractSpans.map((s) => s.type)).toContain("dataset");
    expect(d.related.length).toBeGreaterThan(0);
    const top = d.related[0];
    expect(top.key).toBe("paper:doi:10.1/p2");
    const shares = top.reasons.reduce((s, g) => s + g.share, 0);
    expect(shares).toBeCloseTo(1, 6);
    expect(top.reasons.map((g) => g.kind)).toContain("author");
    for (let i = 1; i < d.related.length; i++)
      expect(d.related[i - 1].weight).toBeGreaterThanOrEqual(d.related[i].weight);
    expect(d.links.map((l) => l.href)).toEqual(["https://example.org/p1", null]);
  });
  it("an author: papers and collaborators with counts", () => {
    const d = authorDetails(model.graph, "author:priya-nair");
    expect(d.papers).toHaveLength(4);
    const clifton = d.collaborators.find((c) => c.name === "David Clifton");
    expect(clifton?.count).toBe(1);
    expect(d.collaborators.map((c) => c.name)).toContain(XSS_AUTHOR);
  });
  it("an author's collaborators carry their shared papers and collaboration community", () => {
    const d = authorDetails(model.graph, "author:priya-nair", model.meta);
    const labels = new Map(model.meta.collabCommunities.map((c) => [c.id, c.label]));
    expect(d.collaborators.length).toBeGreaterThan(0);
    for (const c of d.collaborators) {
      expect(c.papers).toHaveLength(c.count);
      for (const p of c.papers) {
        // a shared paper is one both wrote
        expect(model.graph.hasEdge(p.key, "author:priya-nair")).toBe(true);
        expect(model.graph.hasEdge(p.key, c.key)).toBe(true);
      }
      const a = model.graph.getNodeAttributes(c.key);
      const id = a.type === "author" ? a.collabCommunity : -1;
      expect(c.community).toEqual(id >= 0 ? { id, label: labels.get(id) } : null);
    }
  });
  it("a concept: papers, is-a parents and children, co-occurring concepts", () => {
    const t = conceptDetails(model.graph, "method:transformer");
    expect(t.children.map((c) => c.key).sort()).toEqual([
      "method:knowledge-distillation",
      "model:biobert",
    ]);
    const kd = conceptDetails(model.graph, "method:knowledge-distillation");
    expect(kd.parents.map((p) => p.key)).toEqual(["method:transformer"]);
    expect(kd.papers.map((p) => p.key).sort()).toEqual(["paper:doi:10.1/p1", "paper:doi:10.1/p10"]);
    expect(kd.cooccurring[0]).toMatchObject({ key: "model:biobert", count: 2 });
  });
  it("text with markup is kept verbatim as data", () => {
    const d = detailsOf(model.graph, XSS_KEY);
    expect(d?.kind === "paper" && d.title).toBe(XSS_TITLE);
  });
  it("unknown keys give null", () => {
    expect(detailsOf(model.graph, "paper:none")).toBeNull();
  });
});

describe("web/search: autocomplete ranking", () => {
  const index = buildIndex(model.graph);
  it.each([
    ["trans", "method:transformer"],
    ["priya", "author:priya-nair"],
    ["nair", "author:priya-nair"],
    ["mimic", "dataset:mimic-iii"],
    ["lightweight", "paper:doi:10.1/p1"],
    ["SEPSIS", "condition:sepsis"],
  ])("%s → %s first", (q, key) => {
    expect(search(index, q)[0]?.key).toBe(key);
  });
  it("empty query, no match, limit and no duplicates", () => {
    expect(search(index, "  ")).toEqual([]);
    expect(search(index, "zzzz-none")).toEqual([]);
    const many = search(index, "e", 5);
    expect(many).toHaveLength(5);
    expect(new Set(many.map((m) => m.key)).size).toBe(5);
  });

  /** The ranking as first written: every match sorted by rank, size and name, then deduped. */
  function fullSort(entries: readonly SearchEntry[], query: string, limit: number) {
    const q = fold(query.trim());
    if (!q) return [];
    const rankOf = (e: SearchEntry) => {
      if (e.folded.startsWith(q)) return 0;
      const at = e.folded.indexOf(q);
      if (at < 0) return -1;
      return /[^\p{L}\p{N}]/u.test(e.folded[at - 1]) ? 1 : 2;
    };
    const seen = new Set<string>();
    return entries
      .map((e) => ({ e, r: rankOf(e) }))
      .filter((x) => x.r >= 0)
      .sort((a, b) => a.r - b.r || b.e.size - a.e.size || a.e.name.localeCompare(b.e.name))
      .filter(({ e }) => !seen.has(e.key) && seen.add(e.key))
      .slice(0, limit)
      .map((x) => x.e);
  }

  it("gives what sorting every match would (property: many ties in size, repeated keys)", () => {
    const entry = fc
      .record({
        key: fc.integer({ min: 0, max: 30 }),
        name: fc.stringMatching(/^[ab é-]{1,6}$/),
        size: fc.constantFrom(1, 2, 2.5, 3),
      })
      .map(
        ({ key, name, size }): SearchEntry => ({
          key: `k${key}`,
          name,
          type: "method",
          size,
          folded: fold(name),
        }),
      );
    fc.assert(
      fc.property(
        fc.array(entry, { maxLength: 80 }),
        fc.stringMatching(/^[ab é]{0,3}$/),
        fc.integer({ min: 1, max: 12 }),
        (entries, query, limit) => {
          expect(search(entries, query, limit)).toEqual(fullSort(entries, query, limit));
        },
      ),
      { numRuns: 500, seed: 11 },
    );
  });
});

describe("fixtures/web: the hand-made graph", () => {
  it("is what assemble(handmade) gives, holds every node type and the XSS payloads", () => {
    expect(JSON.parse(fixtureText)).toEqual(JSON.parse(JSON.stringify(assembleGraph(handmade))));
    const types = new Set(data.nodes.map((n) => n.attributes.type));
    expect([...types].sort()).toEqual([...NODE_TYPES].sort());
    expect(fixtureText).toContain("onerror=alert(1)");
  });
});

describe("web/fit-text: fitText", () => {
  const measure = (s: string) => 7 * s.length;
  it.each([
    ["fits as it is", "Clinical NLP", 84, "Clinical NLP"],
    ["cut with an ellipsis", "Clinical language models", 70, "Clinical …"],
    ["nothing fits but the ellipsis", "Clinical", 7, "…"],
  ])("%s", (_, text, width, want) => {
    const got = fitText(measure, text, width);
    expect(got).toBe(want);
    expect(measure(got) <= width || got === "…").toBe(true);
  });
});
