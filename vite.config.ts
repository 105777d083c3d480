import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

// The web view (web/) is a Vite app; scripts/build.mjs builds it into dist/app/, which `litgraph
// site` and `serve` copy beside the graph.json it shows. Paths are relative to this file, not the
// cwd.
export default defineConfig({
  root: fileURLToPath(new URL("./web", import.meta.url)),
  base: "./",
  build: {
    outDir: fileURLToPath(new URL("./dist/app", import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: { host: "127.0.0.1" },
  worker: { format: "es" },
});
