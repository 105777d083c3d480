// The bare sigma page bench/web.ts compares our view with: fetch graph.json, graphology import,
// Sigma constructor, first frame, nothing else. By default it shows what our view opens on for a
// big graph (the paper map): paper nodes at mapX/mapY with their stored size and label, "similar"
// edges. ?view=knowledge (every node at x/y; authored, has, is-a and cites edges) or
// ?view=collab (authors at collabX/collabY; coauthor edges) shows our other views, and
// &community=N only the paper-map nodes of community N and the edges between them: the graph a
// view switch or a community filter leaves on screen, for "bare sigma's first render of the
// resulting graph" (__renderMs: new Sigma → two animation frames later; __gpuMs: → the GPU
// process done drawing it).
// ?w=&h= size the container like our page's graph area (same pixels to draw). After the first
// render it registers sigma's enterNode/leaveNode for bench/web.ts's hover timing.
import Graph from "graphology";
import Sigma from "sigma";

interface Raw {
  nodes: { key: string; attributes: Record<string, unknown> }[];
  edges: { source: string; target: string; attributes: { type: string } }[];
}
const hooks = window as unknown as Record<string, unknown>;
const params = new URLSearchParams(location.search);
const container = document.getElementById("graph") as HTMLElement;
if (params.get("w")) container.style.width = `${params.get("w")}px`;
if (params.get("h")) container.style.height = `${params.get("h")}px`;
const view = params.get("view") ?? "papers";
const community = params.get("community");

const VIEWS: Record<
  string,
  { nodes: (a: Record<string, unknown>) => boolean; x: string; y: string; edges: string[] }
> = {
  papers: { nodes: (a) => a.type === "paper", x: "mapX", y: "mapY", edges: ["similar"] },
  knowledge: { nodes: () => true, x: "x", y: "y", edges: ["authored", "has", "is-a", "cites"] },
  collab: { nodes: (a) => a.type === "author", x: "collabX", y: "collabY", edges: ["coauthor"] },
};
const spec = VIEWS[view] ?? VIEWS.papers;
const inCommunity = (a: Record<string, unknown>) =>
  community === null || String(a.community) === community;

const data = (await (await fetch(new URL("../graph.json", location.href))).json()) as Raw;
hooks.__parsed = performance.now();
const graph = new Graph({ type: "undirected" });
const edgeTypes = new Set(spec.edges);
if (view === "papers") {
  graph.import({
    nodes: data.nodes
      .filter((n) => spec.nodes(n.attributes) && inCommunity(n.attributes))
      .map((n) => ({
        key: n.key,
        attributes: {
          x: n.attributes[spec.x],
          y: n.attributes[spec.y],
          size: n.attributes.size,
          label: n.attributes.label,
        },
      })),
  });
  // then the edges (a community's: those between its nodes, now in the graph)
  graph.import({
    edges: data.edges
      .filter((e) => edgeTypes.has(e.attributes.type))
      .filter((e) => community === null || (graph.hasNode(e.source) && graph.hasNode(e.target)))
      .map((e) => ({ source: e.source, target: e.target })),
  });
} else {
  // these views may hold both directions of a pair (two papers citing each other): merged
  for (const n of data.nodes)
    if (spec.nodes(n.attributes))
      graph.addNode(n.key, {
        x: n.attributes[spec.x],
        y: n.attributes[spec.y],
        size: n.attributes.size,
        label: n.attributes.label,
      });
  for (const e of data.edges)
    if (
      edgeTypes.has(e.attributes.type) &&
      e.source !== e.target &&
      graph.hasNode(e.source) &&
      graph.hasNode(e.target)
    )
      graph.mergeEdge(e.source, e.target);
}
hooks.__imported = performance.now();
const before = performance.now();
const sigma = new Sigma(graph, container);
hooks.__rendered = performance.now();
hooks.__view = {
  nodes: graph.order,
  edges: graph.size,
  labels: sigma.getNodeDisplayedLabels().size,
};
requestAnimationFrame(() =>
  requestAnimationFrame(() => {
    hooks.__firstFrame = performance.now();
    hooks.__renderMs = performance.now() - before;
    // …and until the GPU process has drawn it (a pixel read waits for every command before it)
    for (const c of container.querySelectorAll("canvas")) {
      const gl = c.getContext("webgl2") ?? c.getContext("webgl");
      gl?.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
    }
    hooks.__gpuMs = performance.now() - before;
  }),
);

// For the hover measurement only (registered after the first render): sigma's own hover state.
let hovered: string | null = null;
sigma.on("enterNode", ({ node }) => {
  hovered = node;
});
sigma.on("leaveNode", () => {
  hovered = null;
});
hooks.__hovered = () => hovered;
hooks.__nodeAt = (key: string) => {
  const d = sigma.getNodeDisplayData(key);
  if (!d) return null;
  const p = sigma.framedGraphToViewport(d);
  const r = container.getBoundingClientRect();
  return { x: r.left + p.x, y: r.top + p.y };
};
