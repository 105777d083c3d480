// citation-js as the bundled CLI sees it (bin/build-cli.mjs puts this module in place of
// "@citation-js/core" and "@citation-js/plugin-bibtex"): loaded, with its BibTeX plugin, on
// first use. Only BibTeX input and output need it (src/ingest/readers/bibtex*.ts,
// src/export/records/bibtex.ts), and loading it took
// 50-80 ms of every command's start: builds from JSON listings, queries on graph.json.
import { createRequire } from "node:module";

const req = createRequire(import.meta.url);
let core;
const load = () => {
  if (!core) {
    core = req("@citation-js/core");
    req("@citation-js/plugin-bibtex");
  }
  return core;
};

/** The part of citation-js's `plugins` the readers use, each call going to the loaded library. */
export const plugins = {
  input: { chainLink: (...args) => load().plugins.input.chainLink(...args) },
  config: { get: (...args) => load().plugins.config.get(...args) },
  output: { format: (...args) => load().plugins.output.format(...args) },
};
