// The bare sigma page bench/web.ts compares our view with: fetch graph.json, graphology import,
// Sigma constructor, first frame, nothing else. It shows what our view opens on for a big graph
// (the paper map): paper nodes at mapX/mapY with their stored size and label, "similar" edges.
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

const data = (await (await fetch(new URL("../graph.json", location.href))).json()) as Raw;
hooks.__parsed = performance.now();
const graph = new Graph({ type: "undirected" });
graph.import({
  nodes: data.nodes
    .filter((n) => n.attributes.type === "paper")
    .map((n) => ({
      key: n.key,
      attributes: {
        x: n.attributes.mapX,
        y: n.attributes.mapY,
        size: n.attributes.size,
        label: n.attributes.label,
      },
    })),
  edges: data.edges
    .filter((e) => e.attributes.type === "similar")
    .map((e) => ({ source: e.source, target: e.target })),
});
hooks.__imported = performance.now();
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
