// Worker body: stage-1 extraction (src/extract/staged.ts) of the chunks the parent posts.
import { parentPort } from "node:worker_threads";
import type { ExtractOptions } from "./options.ts";
import { extractParts, type PaperText } from "./staged.ts";

export interface ChunkRequest {
  id: number;
  opts: ExtractOptions;
  papers: PaperText[];
}

parentPort?.on("message", (req: ChunkRequest) => {
  try {
    parentPort?.postMessage({ id: req.id, parts: extractParts(req.papers, req.opts) });
  } catch (err) {
    parentPort?.postMessage({ id: req.id, error: String((err as Error)?.stack ?? err) });
  }
});
