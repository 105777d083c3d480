import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

// The web view (web/) is a Vite app; `litgraph site` and `npm run build` build it into a
// static folder beside the graph.json it shows. Paths are relative to this file, not the cwd,
// so `litgraph serve` works from any directory.
export default defineConfig({
  root: fileURLToPath(new URL("./web", import.meta.url)),
  base: "./",
  build: {
    outDir: fileURLToPath(new URL("./dist", import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: { host: "127.0.0.1" },
  worker: { format: "es" },
});
