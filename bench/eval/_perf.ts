import { runPipeline } from "../../src/pipeline.ts";
const t0 = performance.now();
const { serialized } = await runPipeline(["../shared/corpora/paperlists"], {
  asOf: new Date("2026-01-01"),
  onStage: (s, ms) => console.log(s, (ms / 1000).toFixed(2)),
});
console.log("total", ((performance.now() - t0) / 1000).toFixed(1), "rss MB", (process.memoryUsage().rss / 1e6).toFixed(0), "edges", serialized.edges.length);
const sim = serialized.edges.filter((e) => e.attributes.type === "similar").length;
console.log("similar", sim, "communities", serialized.meta.communities.length, "json MB", (JSON.stringify(serialized).length / 1e6).toFixed(1));
for (const c of serialized.meta.communities.slice(0, 30)) console.log(c.id, c.size, c.label);
