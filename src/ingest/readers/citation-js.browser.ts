// citation-js for the web build, in place of citation-js.ts (vite.config.ts): loaded with the
// page, since a browser has no synchronous require.
import { plugins } from "@citation-js/core";
import "@citation-js/plugin-bibtex";

export type CitationPlugins = typeof plugins;

/** citation-js's plugin registry, the BibTeX plugin registered in it. */
export function citationPlugins(): CitationPlugins {
  return plugins;
}
