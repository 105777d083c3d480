// "Export papers": the papers in front of the user (the selected paper and its related papers,
// an author's or concept's papers, the filtered community, the search box's results, or every
// paper the filters show)
// written as BibTeX, RIS, CSL-JSON or CSV by src/export/records and downloaded.
import type { RecordFormat } from "../../src/export/records/formats.ts";
import { communityPapers } from "../../src/graph/queries.ts";
import type { FullGraph } from "./model.ts";
import { visibleNodes } from "./neighbourhood.ts";
import type { State } from "./state.ts";
import type { View } from "./views.ts";

export interface ExportScope {
  /** For the file name: "selection", "community-3", "shown". */
  name: string;
  papers: string[];
}

const isPaper = (graph: FullGraph, key: string) =>
  graph.hasNode(key) && graph.getNodeAttribute(key, "type") === "paper";

/** A node's papers: a paper's related papers (strongest first) after it; others' papers. */
function papersAround(graph: FullGraph, key: string): string[] {
  if (isPaper(graph, key)) {
    const related: [string, number][] = [];
    graph.forEachEdge(key, (_e, a, s, t) => {
      const other = s === key ? t : s;
      if (a.type === "similar" && other !== key) related.push([other, a.weight]);
    });
    related.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
    return [key, ...related.map(([k]) => k)];
  }
  return graph.filterNeighbors(key, (n) => isPaper(graph, n)).sort();
}

/** What "Export papers" writes for this state and the keys the search box lists. */
export function exportScope(
  graph: FullGraph,
  view: View,
  s: State,
  searchHits: readonly string[] = [],
): ExportScope {
  if (s.selection && graph.hasNode(s.selection))
    return { name: "selection", papers: papersAround(graph, s.selection) };
  const c = s.filters.community;
  if (c !== null && view.name !== "collab")
    return { name: `community-${c}`, papers: communityPapers(graph, c) };
  const hits = searchHits.filter((k) => graph.hasNode(k));
  if (hits.length) {
    const papers = new Set<string>();
    for (const k of hits)
      for (const p of isPaper(graph, k) ? [k] : papersAround(graph, k)) papers.add(p);
    return { name: "search", papers: [...papers] };
  }
  const visible = visibleNodes(view.graph, s.filters);
  const shown = new Set<string>();
  view.graph.forEachNode((key) => {
    if (visible && !visible.has(key)) return;
    if (isPaper(graph, key)) shown.add(key);
    else if (view.name === "collab") for (const p of papersAround(graph, key)) shown.add(p);
  });
  return { name: c === null ? "shown" : `group-${c}`, papers: [...shown].sort() };
}

/** Writes the scope's papers in the format and downloads the file. */
export async function downloadRecords(
  graph: FullGraph,
  scope: ExportScope,
  format: RecordFormat,
): Promise<void> {
  // the writers (and citation-js for BibTeX) load on first use, not with the page
  const { exportPapers, RECORD_FILES } = await import("../../src/export/records/index.ts");
  const text = exportPapers(graph, scope.papers, format);
  const { ext, mime } = RECORD_FILES[format];
  const url = URL.createObjectURL(new Blob([text], { type: `${mime};charset=utf-8` }));
  const a = document.createElement("a");
  a.href = url;
  a.download = `litgraph-${scope.name}.${ext}`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
