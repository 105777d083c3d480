import { defineConfig } from "vite";

// The web view (web/) is a Vite app; `litgraph site` and `npm run build` build it into a
// static folder beside the graph.json it shows.
export default defineConfig({
  root: "web",
  base: "./",
  build: { outDir: "../dist", emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { host: "127.0.0.1" },
  worker: { format: "es" },
});
