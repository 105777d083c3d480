import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";

// The web view (web/) is a Vite app; scripts/build.mjs builds it into dist/app/, which `litgraph
// site` and `serve` copy beside the graph.json it shows. Paths are relative to this file, not the
// cwd. `--mode bench` builds the page with its measurement and test hooks (web/src/bench-main.ts
// in place of main.ts; test/browser/app.ts): the shipped app has none.
const benchEntry: Plugin = {
  name: "litgraph-bench-entry",
  transformIndexHtml: {
    order: "pre",
    handler: (html) => html.replace('src="./src/main.ts"', 'src="./src/bench-main.ts"'),
  },
};

export default defineConfig(({ mode }) => ({
  root: fileURLToPath(new URL("./web", import.meta.url)),
  base: "./",
  build: {
    outDir: fileURLToPath(new URL("./dist/app", import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  // citation-js.ts loads citation-js with Node's require on first use; the page imports it.
  resolve: {
    alias: [{ find: /^(.*)\/citation-js\.ts$/, replacement: "$1/citation-js.browser.ts" }],
  },
  server: { host: "127.0.0.1" },
  worker: { format: "es" },
  plugins: mode === "bench" ? [benchEntry] : [],
}));
