// citation-js (with its BibTeX plugin), loaded on first use: only BibTeX input and BibTeX export
// need it, and loading it took part of every command's start. Node loads it here synchronously
// (createRequire); the web build, which has no require, takes citation-js.browser.ts in this
// module's place (vite.config.ts), loading it with the page.
import { createRequire } from "node:module";

export type CitationPlugins = typeof import("@citation-js/core").plugins;

let loaded: CitationPlugins | undefined;

/** citation-js's plugin registry, the BibTeX plugin registered in it. */
export function citationPlugins(): CitationPlugins {
  if (!loaded) {
    const require = createRequire(import.meta.url);
    const core = require("@citation-js/core") as typeof import("@citation-js/core");
    require("@citation-js/plugin-bibtex");
    loaded = core.plugins;
  }
  return loaded;
}
