// Open or drop bibliography files: the pipeline runs in a Web Worker, with progress.
import type { SerializedGraph } from "../../src/graph/schema.ts";
import { validateGraph } from "./load.ts";
import type { RunRequest, WorkerMessage } from "./worker-protocol.ts";

export interface DropHandlers {
  onProgress(text: string, fraction: number): void;
  onGraph(graph: SerializedGraph, summary: string, names: string[]): void;
  onError(message: string): void;
}

let worker: Worker | null = null;

export async function runFiles(files: File[], h: DropHandlers): Promise<void> {
  if (!files.length) return;
  const names = files.map((f) => f.name);
  h.onProgress(`Reading ${names.join(", ")}`, 0.01);
  const payload: RunRequest = {
    type: "run",
    files: await Promise.all(
      files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
    ),
    asOf: new Date().toISOString().slice(0, 10),
  };
  worker?.terminate();
  const w = new Worker(new URL("./worker.ts", import.meta.url), { type: "module" });
  worker = w;
  w.addEventListener("message", (ev: MessageEvent<WorkerMessage>) => {
    const m = ev.data;
    if (m.type === "progress") h.onProgress(`${m.stage}: ${m.detail}`, m.fraction);
    else {
      w.terminate();
      if (worker === w) worker = null;
      if (m.type === "error") h.onError(m.message);
      else {
        try {
          h.onGraph(validateGraph(m.graph, names.join(", ")), m.summary, names);
        } catch (err) {
          h.onError(err instanceof Error ? err.message : String(err));
        }
      }
    }
  });
  w.addEventListener("error", (ev) => {
    w.terminate();
    h.onError(`web/worker: ${ev.message || "the pipeline worker failed to start"}`);
  });
  w.postMessage(
    payload,
    payload.files.map((f) => f.bytes.buffer as ArrayBuffer),
  );
}

/** Whole-page drop target plus the "Open files" input. */
export function setupDrop(
  page: HTMLElement,
  overlay: HTMLElement,
  input: HTMLInputElement,
  h: DropHandlers,
) {
  let depth = 0;
  const hasFiles = (ev: DragEvent) => Array.from(ev.dataTransfer?.types ?? []).includes("Files");
  page.addEventListener("dragenter", (ev) => {
    if (!hasFiles(ev)) return;
    depth++;
    overlay.hidden = false;
  });
  page.addEventListener("dragleave", () => {
    depth = Math.max(0, depth - 1);
    if (!depth) overlay.hidden = true;
  });
  page.addEventListener("dragover", (ev) => {
    if (hasFiles(ev)) ev.preventDefault();
  });
  page.addEventListener("drop", (ev) => {
    ev.preventDefault();
    depth = 0;
    overlay.hidden = true;
    void runFiles(Array.from(ev.dataTransfer?.files ?? []), h);
  });
  input.addEventListener("change", () => {
    void runFiles(Array.from(input.files ?? []), h);
    input.value = "";
  });
}
