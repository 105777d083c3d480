// Entry point: load graph.json (or a dropped file's graph) and show it; errors are shown, never a blank page.

import { isRecordFormat } from "../../src/export/records/formats.ts";
import type { SerializedGraph } from "../../src/graph/schema.ts";
import { setupExportMenu, setupOpenButton, setupSidebarToggle, showLocalNote } from "./chrome.ts";
import { el } from "./dom.ts";
import { setupDrop } from "./drop.ts";
import { GraphLoadError, graphUrl, loadGraphFast } from "./load.ts";
import { probe } from "./probe.ts";
import { createSession, type Session, type Ui } from "./session.ts";
import "./style.css";

const $ = <T extends HTMLElement>(id: string) => {
  const node = document.getElementById(id);
  if (!node) throw new Error(`web/main: #${id} missing from index.html`);
  return node as T;
};

const ui: Ui = {
  tabs: $("tabs"),
  search: $("search"),
  controls: $("controls"),
  legend: $("legend"),
  timeline: $("timeline"),
  cited: $("cited"),
  graph: $("graph"),
  panel: $("panel"),
  status: $("status"),
  busy: $("busy"),
};
const message = $("message");
const progress = $("progress");
let session: Session | null = null;

function showMessage(title: string, lines: string[]) {
  message.replaceChildren(
    el("h2", {}, title),
    ...lines.map((l) => el("p", {}, l)),
    el(
      "p",
      { class: "muted" },
      "You can also open or drop a bibliography file (BibTeX, RIS, CSL-JSON, arXiv Atom, …) here.",
    ),
  );
  message.hidden = false;
}

function showError(err: unknown) {
  if (err instanceof GraphLoadError) showMessage(err.message, err.details);
  else
    showMessage("web: this graph could not be shown", [
      err instanceof Error ? err.message : String(err),
    ]);
}

/** Shows a graph; `validate`: it passed only checkGraph, the full check runs after the first frame. */
function show(data: SerializedGraph, source: string, validate = false) {
  session?.destroy();
  message.hidden = true;
  document.body.classList.add("loaded");
  try {
    const mine: Session = createSession(ui, data, source, {
      validate,
      onReady: () => probe()?.ready(),
      onViews: () => probe()?.views(),
      onError(err) {
        // a graph that fails the full check after it was drawn is taken off screen
        if (session !== mine) return;
        session.destroy();
        session = null;
        showError(err);
      },
    });
    session = mine;
    probe()?.rendered();
  } catch (err) {
    session = null;
    showError(err);
  }
}

const openInput = $<HTMLInputElement>("open-input");
setupOpenButton($<HTMLButtonElement>("open"), openInput);
setupSidebarToggle($<HTMLButtonElement>("side-toggle"), $("sidebar"));
setupExportMenu($<HTMLButtonElement>("export"), $("export-menu"), (kind) => {
  const format = kind.startsWith("records:") ? kind.slice("records:".length) : null;
  if (format !== null) {
    if (!isRecordFormat(format)) return;
    session?.exportRecords(format).catch((err: unknown) => {
      showMessage("The papers could not be exported", [
        err instanceof Error ? err.message : String(err),
      ]);
    });
    return;
  }
  session?.exportImage(kind === "whole" ? "whole" : "view").catch((err: unknown) => {
    showMessage("The image could not be made", [err instanceof Error ? err.message : String(err)]);
  });
});
setupDrop(document.body, $("drop"), openInput, {
  onProgress(text, fraction) {
    progress.hidden = false;
    progress.replaceChildren(
      el("span", {}, text),
      el("progress", { attrs: { max: "1", value: String(fraction) } }),
    );
  },
  onGraph(graph, summary, names) {
    progress.hidden = true;
    history.replaceState(null, "", `${location.pathname}${location.search}`);
    showLocalNote($("local-note"), names);
    show(graph, `${names.join(", ")} (${summary})`);
  },
  onError(text) {
    progress.hidden = true;
    showMessage("The dropped files could not be turned into a graph", [text]);
  },
});

const url = graphUrl(location);
loadGraphFast(url)
  .then(({ name, data }) => {
    probe()?.parsed();
    show(data, name, true);
  })
  .catch((err: unknown) => {
    if (err instanceof GraphLoadError) showMessage(err.message, err.details);
    else showMessage("web: unexpected error", [err instanceof Error ? err.message : String(err)]);
  });
