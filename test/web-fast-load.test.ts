// The web view's fast first frame: views built straight from graph.json equal the views built
// from the full graph; the full graph, search index and full validation built in slices equal
// their one-go versions; the cheap check rejects what the first frame cannot draw.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { NodeAttributes, type SerializedGraph } from "../src/graph/schema.ts";
import { lazy, type Steps, whenIdle } from "../web/src/idle.ts";
import {
  checkGraph,
  DRAWN_FIELDS,
  GraphLoadError,
  validateGraph,
  validationSteps,
} from "../web/src/load.ts";
import { buildModel, buildModelSteps } from "../web/src/model.ts";
import { edgesWithin, neighbourhood } from "../web/src/neighbourhood.ts";
import { buildIndex, buildIndexSteps } from "../web/src/search-index.ts";
import { VIEW_NAMES } from "../web/src/state.ts";
import { buildView, buildViewFromData, type View } from "../web/src/views.ts";
import { syntheticGraph } from "./fixtures/web/synthetic.ts";

const FIXTURE = join(import.meta.dirname, "fixtures/web/graph.json");
const handmade = JSON.parse(readFileSync(FIXTURE, "utf8")) as SerializedGraph;
const synthetic = syntheticGraph(300) as SerializedGraph;
const GRAPHS: [string, SerializedGraph][] = [
  ["hand-made fixture", handmade],
  ["synthetic 300 papers", synthetic],
];

const drain = <T>(steps: Steps<T>): { value: T; slices: number } => {
  let slices = 0;
  for (;;) {
    const r = steps.next();
    if (r.done) return { value: r.value, slices };
    slices++;
  }
};

/** A view without graphology's generated edge keys: nodes and edges with attributes, in order. */
const shape = (v: View) => ({
  name: v.name,
  nodes: v.graph.mapNodes((k, a) => [k, a]),
  edges: v.graph.mapEdges((_e, a, s, t) => [s, t, a]),
  communities: v.communities,
});

const problems = (data: unknown): string => {
  try {
    checkGraph(data, "g.json");
    return "";
  } catch (err) {
    expect(err).toBeInstanceOf(GraphLoadError);
    return (err as GraphLoadError).details.join("\n");
  }
};

describe("web/views: buildViewFromData builds what buildView builds from the full graph", () => {
  for (const [name, data] of GRAPHS)
    it.each(VIEW_NAMES)(`${name}: %s`, (view) => {
      const fromModel = buildView(buildModel(data), view);
      const fromData = buildViewFromData(data, view);
      expect(fromData.graph.order).toBeGreaterThan(0);
      expect(shape(fromData)).toEqual(shape(fromModel));
    });

  it("edges without keys (graph.json may leave them out) give the same views", () => {
    const keyless = { ...synthetic, edges: synthetic.edges.map(({ key: _k, ...e }) => e) };
    for (const view of VIEW_NAMES)
      expect(shape(buildViewFromData(keyless, view))).toEqual(
        shape(buildView(buildModel(synthetic), view)),
      );
  });
});

describe("web: work in slices equals the work in one go", () => {
  it.each(GRAPHS)("%s: buildModelSteps in slices of 7 = buildModel", (_n, data) => {
    const { value, slices } = drain(buildModelSteps(data, 7));
    expect(slices).toBeGreaterThanOrEqual(Math.ceil((data.nodes.length + data.edges.length) / 7));
    const whole = buildModel(data);
    expect(value.graph.export()).toEqual(whole.graph.export());
    expect(value.meta).toBe(data.meta);
  });

  it.each(GRAPHS)("%s: buildIndexSteps = buildIndex", (_n, data) => {
    const { value, slices } = drain(buildIndexSteps(data.nodes, 10));
    expect(slices).toBe(Math.floor(data.nodes.length / 10));
    expect(value).toEqual(buildIndex(buildModel(data).graph));
  });

  it.each(GRAPHS)("%s: passes checkGraph and validationSteps", (_n, data) => {
    expect(checkGraph(data, "g.json")).toBe(data);
    expect(() => drain(validationSteps(data, "g.json", 5))).not.toThrow();
  });
});

// Each mutation breaks the fixture; validationSteps must refuse it with validateGraph's message.
const MUTATIONS: [string, (g: SerializedGraph) => void, RegExp][] = [
  [
    "a node's size is text",
    (g) => {
      (g.nodes[3].attributes as Record<string, unknown>).size = "big";
    },
    /nodes\[3\]\.attributes/,
  ],
  [
    "a mention without its rule",
    (g) => {
      const has = g.edges.find((e) => e.attributes.type === "has");
      if (has?.attributes.type !== "has") throw new Error("fixture has no has edge");
      delete (has.attributes.mentions[0] as Record<string, unknown>).rule;
    },
    /edges\[\d+\]\.attributes\.mentions\[0\]\.rule/,
  ],
  [
    "a community card without its centre",
    (g) => {
      delete (g.meta.communities[0] as Record<string, unknown>).centre;
    },
    /meta\.communities\[0\]\.centre/,
  ],
  [
    "an edge to a missing node",
    (g) => {
      g.edges[2].target = "paper:nowhere";
    },
    /edges\[2\]: .* → paper:nowhere/,
  ],
];

describe("web/load: validationSteps refuses what validateGraph refuses", () => {
  it.each(MUTATIONS)("%s", (_name, mutate, where) => {
    const bad = structuredClone(handmade);
    mutate(bad);
    const whole = (() => {
      try {
        validateGraph(bad, "g.json");
        return null;
      } catch (err) {
        return err as GraphLoadError;
      }
    })();
    expect(whole).toBeInstanceOf(GraphLoadError);
    expect(() => drain(validationSteps(bad, "g.json", 3))).toThrow(whole?.message);
    try {
      drain(validationSteps(bad, "g.json", 3));
    } catch (err) {
      expect((err as GraphLoadError).details.join("\n")).toMatch(where);
      expect((err as GraphLoadError).details).toEqual(whole?.details);
    }
  });
});

describe("web/load: checkGraph refuses what the first frame cannot draw", () => {
  const paper = handmade.nodes.findIndex((n) => n.attributes.type === "paper");
  const author = handmade.nodes.findIndex((n) => n.attributes.type === "author");
  const set = (i: number, field: string, value: unknown) => (g: SerializedGraph) => {
    (g.nodes[i].attributes as Record<string, unknown>)[field] = value;
  };
  it.each<[string, (g: SerializedGraph) => void, RegExp]>([
    ["a paper without mapX", set(paper, "mapX", undefined), /nodes\[\d+\]\.attributes\.mapX/],
    ["a paper year as text", set(paper, "year", "2020"), /attributes\.year: expected an integer/],
    ["an author's collabY null", set(author, "collabY", null), /attributes\.collabY/],
    ["an unknown node type", set(0, "type", "planet"), /nodes\[0\]\.attributes\.type/],
    ["a label that is a number", set(1, "label", 7), /nodes\[1\]\.attributes\.label/],
    [
      "a node key twice",
      (g) => {
        g.nodes[1].key = g.nodes[0].key;
      },
      /nodes\[1\]: the key .* appears twice/,
    ],
    [
      "an edge of an unknown type",
      (g) => {
        (g.edges[0].attributes as Record<string, unknown>).type = "likes";
      },
      /edges\[0\]\.attributes\.type/,
    ],
    [
      "an edge weight as text",
      (g) => {
        (g.edges[1].attributes as Record<string, unknown>).weight = "1";
      },
      /edges\[1\]\.attributes\.weight/,
    ],
    [
      "meta without communities",
      (g) => {
        delete (g.meta as Record<string, unknown>).communities;
      },
      /meta\.communities/,
    ],
    [
      "nodes not an array",
      (g) => {
        (g as Record<string, unknown>).nodes = {};
      },
      /nodes: expected an array/,
    ],
  ])("%s", (_name, mutate, where) => {
    const bad = structuredClone(handmade);
    mutate(bad);
    expect(problems(bad)).toMatch(where);
  });

  it.each([null, 3, "graph", []])("%j is not a graph", (data) => {
    expect(problems(data)).toMatch(/\(root\)|expected/);
  });

  it("leaves edge ends to validationSteps (views draw only edges between their nodes)", () => {
    const bad = structuredClone(handmade);
    bad.edges[0].target = "paper:nowhere";
    expect(problems(bad)).toBe("");
    expect(() => drain(validationSteps(bad, "g.json"))).toThrow(/edges to nodes it does not/);
  });

  // The checked fields are the schema's own: a wrong value in any of them fails the schema too.
  const sample = (type: string) => {
    const n = handmade.nodes.find((x) => x.attributes.type === type);
    if (!n) throw new Error(`fixture has no ${type} node`);
    return n.attributes;
  };
  for (const [group, fields] of Object.entries(DRAWN_FIELDS))
    for (const field of Object.keys(fields))
      it(`${group}.${field} is a schema field the schema also refuses when wrong`, () => {
        const a = { ...sample(group === "all" ? "method" : group), [field]: { wrong: true } };
        expect(NodeAttributes.safeParse(a).success).toBe(false);
        expect(fields[field]({ wrong: true })).toBe(false);
        expect(fields[field](sample(group === "all" ? "method" : group)[field as never])).toBe(
          true,
        );
      });
});

describe("web/idle: lazy work and the idle runner", () => {
  function* count(to: number, log: string[], fail = -1): Steps<number> {
    for (let i = 0; i < to; i++) {
      if (i === fail) throw new Error(`failed at ${i}`);
      log.push(`step ${i}`);
      yield;
    }
    return to;
  }

  it("get() runs the remaining slices once and keeps the result", () => {
    const log: string[] = [];
    const l = lazy(() => count(3, log));
    expect(l.step()).toBe(false);
    expect(log).toEqual(["step 0"]);
    expect(l.get()).toBe(3);
    expect(l.get()).toBe(3);
    expect(log).toEqual(["step 0", "step 1", "step 2"]);
    expect(l.done).toBe(true);
  });

  it("get() rethrows the work's error every time", () => {
    const l = lazy(() => count(3, [], 1));
    expect(() => l.get()).toThrow("failed at 1");
    expect(() => l.get()).toThrow("failed at 1");
  });

  it.each([
    ["all succeed", -1, "done", ["a0", "a1", "b0", "b1"]],
    ["the first fails", 1, "failed at 1", ["a0"]],
  ])("whenIdle runs items in order: %s", async (_name, fail, outcome, expected) => {
    const log: string[] = [];
    const tag = (p: string, f: number) =>
      lazy(function* () {
        for (let i = 0; i < 2; i++) {
          if (i === f) throw new Error(`failed at ${i}`);
          log.push(`${p}${i}`);
          yield;
        }
      });
    const result = await new Promise<string>((done) =>
      whenIdle([tag("a", fail), tag("b", -1)], {
        budget: 0,
        onDone: () => done("done"),
        onError: (e) => done((e as Error).message),
      }),
    );
    expect(result).toBe(outcome);
    expect(log).toEqual(expected);
  });

  it("a stopped runner does no more work", async () => {
    const log: string[] = [];
    const stop = whenIdle([lazy(() => count(50, log))], { budget: 0 });
    await new Promise((r) => setTimeout(r, 5));
    stop();
    const seen = log.length;
    await new Promise((r) => setTimeout(r, 20));
    expect(log.length).toBe(seen);
    expect(seen).toBeLessThan(50);
  });
});

describe("web/neighbourhood: edgesWithin (what the edge reducer looks up per edge)", () => {
  const view = buildViewFromData(synthetic, "knowledge");
  const paper = view.graph.findNode((_k, a) => a.kind === "paper") ?? "";
  const community = (c: number) => new Set(view.graph.filterNodes((_k, a) => a.community === c));
  it.each<[string, Set<string>]>([
    ["a paper's 1-hop neighbourhood", neighbourhood(view.graph, paper, 1)],
    ["its 2-hop neighbourhood", neighbourhood(view.graph, paper, 2)],
    ["one community", community(3)],
    ["no nodes", new Set()],
  ])("%s: exactly the edges with both ends inside", (_name, nodes) => {
    const expected = view.graph.filterEdges((_e, _a, s, t) => nodes.has(s) && nodes.has(t));
    const got = edgesWithin(view.graph, nodes);
    expect([...got].sort()).toEqual([...expected].sort());
    if (nodes.size > 1) expect(got.size).toBeGreaterThan(0);
  });
});
