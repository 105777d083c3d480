// Runs the litgraph pipeline's browser-safe core (src/core.ts: ingest → extract → graph →
// serialise, the same as the CLI's) on dropped files, off the page's thread.
import { graphFromTexts } from "../../src/core.ts";
import type { RunRequest, WorkerMessage } from "./worker-protocol.ts";

const post = (m: WorkerMessage) => (self as unknown as Worker).postMessage(m);

const STAGES = {
  extract: { detail: (n: number) => `${n} papers: extracting entities`, fraction: 0.3 },
  graph: { detail: () => "building graph, communities and layouts", fraction: 0.55 },
  serialise: { detail: () => "preparing the view", fraction: 0.9 },
} as const;

self.addEventListener("message", (ev: MessageEvent<RunRequest>) => {
  const req = ev.data;
  if (req?.type !== "run") return;
  try {
    post({
      type: "progress",
      stage: "ingest",
      detail: `reading ${req.files.length} file(s)`,
      fraction: 0.05,
    });
    const { ingest, serialized } = graphFromTexts(
      req.files.map((f) => ({ file: f.name, bytes: f.bytes })),
      { asOf: new Date(`${req.asOf}T00:00:00Z`) },
      (stage, ing) =>
        post({
          type: "progress",
          stage,
          detail: STAGES[stage].detail(ing.summary.papers),
          fraction: STAGES[stage].fraction,
        }),
    );
    const s = ingest.summary;
    if (!serialized) {
      const why = ingest.rejected
        .slice(0, 3)
        .map((r) => `${r.file}${r.line ? `:${r.line}` : ""}: ${r.reason}`);
      post({ type: "error", message: `No papers could be read. ${why.join("; ")}` });
      return;
    }
    post({
      type: "done",
      graph: serialized,
      summary: `${s.records} records: ${s.read} read, ${s.merged} merged, ${s.rejected} rejected → ${s.papers} papers`,
    });
  } catch (err) {
    post({
      type: "error",
      message: `web/worker: ${err instanceof Error ? err.message : String(err)}`,
    });
  }
});
