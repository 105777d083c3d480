// Runs the litgraph pipeline (ingest → extract → graph → serialise) on dropped files, off the page's thread.
import { extractPapers } from "../../src/extract/index.ts";
import { buildGraph, serialize } from "../../src/graph/index.ts";
import { ingestTexts } from "../../src/ingest/index.ts";
import type { RunRequest, WorkerMessage } from "./worker-protocol.ts";

const post = (m: WorkerMessage) => (self as unknown as Worker).postMessage(m);

self.addEventListener("message", (ev: MessageEvent<RunRequest>) => {
  const req = ev.data;
  if (req?.type !== "run") return;
  try {
    const asOf = new Date(`${req.asOf}T00:00:00Z`);
    post({
      type: "progress",
      stage: "ingest",
      detail: `reading ${req.files.length} file(s)`,
      fraction: 0.05,
    });
    const ingest = ingestTexts(
      req.files.map((f) => ({ file: f.name, bytes: f.bytes })),
      { asOf },
    );
    const s = ingest.summary;
    if (!ingest.papers.length) {
      const why = ingest.rejected
        .slice(0, 3)
        .map((r) => `${r.file}${r.line ? `:${r.line}` : ""}: ${r.reason}`);
      post({ type: "error", message: `No papers could be read. ${why.join("; ")}` });
      return;
    }
    post({
      type: "progress",
      stage: "extract",
      detail: `${s.papers} papers: extracting entities`,
      fraction: 0.3,
    });
    const papers = extractPapers(ingest.papers);
    post({
      type: "progress",
      stage: "graph",
      detail: "building graph, communities and layouts",
      fraction: 0.55,
    });
    const built = buildGraph(papers);
    post({ type: "progress", stage: "serialise", detail: "preparing the view", fraction: 0.9 });
    const serialized = serialize(built, {
      inputs: [],
      options: { asOf: req.asOf, source: "browser" },
      counts: {
        "ingest.records": s.records,
        "ingest.read": s.read,
        "ingest.merged": s.merged,
        "ingest.rejected": s.rejected,
        "ingest.papers": s.papers,
      },
    });
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
