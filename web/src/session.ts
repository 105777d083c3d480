// One loaded graph on screen: store, views, renderer, panel, search, legend, controls, URL sync.
import type Sigma from "sigma";
import type { RecordFormat } from "../../src/export/records/formats.ts";
import type { SerializedGraph } from "../../src/graph/schema.ts";
import { createBusy } from "./busy.ts";
import { renderCitedOutside } from "./cited-outside.ts";
import { communityDetails } from "./community.ts";
import { renderControls } from "./controls.ts";
import { detailsOf } from "./details.ts";
import { el } from "./dom.ts";
import { mentionEvidence, reasonEvidence } from "./evidence.ts";
import { downloadCanvas, exportPng } from "./export-png.ts";
import { downloadRecords, exportScope } from "./export-records.ts";
import { renderWhole, type WholeExport } from "./export-whole.ts";
import { type Lazy, lazy, task, whenIdle } from "./idle.ts";
import { renderLegend } from "./legend.ts";
import { validationSteps } from "./load.ts";
import { buildModelSteps } from "./model.ts";
import { visibleNodes } from "./neighbourhood.ts";
import { renderPanel } from "./panel.ts";
import { probe } from "./probe.ts";
import { createRenderer, FILTERED_GRAPH_MIN_EDGES } from "./renderer.ts";
import { createSearch } from "./search.ts";
import { buildIndexSteps } from "./search-index.ts";
import {
  BIG_GRAPH,
  createStore,
  defaultFilters,
  defaultState,
  type State,
  VIEW_NAMES,
  type ViewName,
} from "./state.ts";
import { renderTimeline, yearStacks } from "./timeline.ts";
import { decodeState, encodeState } from "./url.ts";
import { buildViewSteps, VIEW_SPECS, type View } from "./views.ts";

export interface Ui {
  tabs: HTMLElement;
  search: HTMLElement;
  controls: HTMLElement;
  legend: HTMLElement;
  timeline: HTMLElement;
  /** The works cited most outside the set (cited-outside.ts). */
  cited: HTMLElement;
  graph: HTMLElement;
  panel: HTMLElement;
  status: HTMLElement;
  /** The note shown while a big view is redrawn. */
  busy: HTMLElement;
}

export interface Session {
  /** Downloads a PNG: the whole view with title and legend, or the visible area. */
  exportImage(kind: "whole" | "view"): Promise<void>;
  /** Download the papers in front of the user (export-records.ts) in a reference format. */
  exportRecords(format: RecordFormat): Promise<void>;
  destroy(): void;
}

export interface SessionOptions {
  /**
   * The graph passed only checkGraph: run the full validation (validationSteps) after the first
   * frame and report a failure through onError (default false: validated already).
   */
  validate?: boolean;
  /** The deferred work (validation, full graph, search index) is done. */
  onReady?: () => void;
  /** …and every view is built (after onReady). */
  onViews?: () => void;
  /** The deferred work failed (a GraphLoadError when validation did). */
  onError?: (err: unknown) => void;
}

/**
 * Shows `data`. The first frame needs only the opening view, built straight from the data; the
 * full graph (details panel), the search index and the full validation are built in idle time
 * after it, or at once when something needs them earlier.
 */
export function createSession(
  ui: Ui,
  data: SerializedGraph,
  source: string,
  opts: SessionOptions = {},
): Session {
  const keys = new Set<string>();
  const counts = { paper: 0, author: 0, concept: 0 };
  for (const n of data.nodes) {
    keys.add(n.key);
    const t = n.attributes.type;
    counts[t === "paper" || t === "author" ? t : "concept"]++;
  }
  const validation = lazy(() =>
    opts.validate ? validationSteps(data, source) : (function* () {})(),
  );
  const model = lazy(() => buildModelSteps(data));
  const index = lazy(() => buildIndexSteps(data.nodes));
  const fallbackView: ViewName = data.nodes.length > BIG_GRAPH ? "papers" : "knowledge";
  const initial = decodeState(location.hash, fallbackView);
  if (initial.selection && !keys.has(initial.selection)) initial.selection = null;
  const store = createStore(initial);
  // Each view is built once: the opening one at once, the others in idle slices after the
  // deferred work (so a view switch only draws), or at once when asked for earlier.
  const views = new Map<ViewName, Lazy<View>>(
    VIEW_NAMES.map((name) => [name, lazy(() => buildViewSteps(data, name))]),
  );
  const view = (name: ViewName) => (views.get(name) as Lazy<View>).get();
  /**
   * What a step to `next` indexes (renderer.indexCost): a view not built yet counts as a big
   * step, so that its building, too, starts once the note is on screen.
   */
  const cost = (next: State) =>
    views.get(next.view)?.done
      ? renderer.indexCost(view(next.view), next)
      : Number.POSITIVE_INFINITY;
  /** The paper whose `has` edge to the selected concept was clicked: its evidence opens. */
  let openMention: string | null = null;
  const renderer = createRenderer(ui.graph, store, view(initial.view), {
    cover: () => ui.panel,
    // a `has` edge clicked in the knowledge graph: the concept's panel with that paper's sentence
    onEdgeClick(paper, concept) {
      openMention = paper;
      if (store.get().selection === concept) showDetails(store.get());
      else select(concept, false);
      openMention = null;
    },
  });
  // on a big graph, steps that redraw the whole view show a note first (busy.ts)
  const busy = createBusy(ui.busy, data.nodes.length > BIG_GRAPH);

  /** Select a node from anywhere (search, panel, legend): switch view or clear filters if needed. */
  const select = (key: string, move = true) => {
    if (!keys.has(key)) return;
    const s = store.get();
    // A node the current view lacks opens in its own view: an author in the collaboration
    // network (lighter than the knowledge graph, and where their co-authors are), anything else
    // in the knowledge graph.
    const home: ViewName =
      key.startsWith("author:") && view("collab").graph.hasNode(key) ? "collab" : "knowledge";
    const name = view(s.view).graph.hasNode(key) ? s.view : home;
    const visible = visibleNodes(view(name).graph, s.filters);
    const filters = visible && !visible.has(key) ? defaultFilters() : s.filters;
    store.set({ view: name, selection: key, hovered: null, filters });
    if (move) requestAnimationFrame(() => renderer.focusNode(key));
  };

  const renderTabs = (s: State) =>
    ui.tabs.replaceChildren(
      ...VIEW_NAMES.map((name) =>
        el(
          "button",
          {
            class: "tab",
            attrs: { type: "button", "data-view": name, "aria-pressed": String(name === s.view) },
            on: {
              click: () => {
                const patch = { view: name, camera: null, hovered: null };
                busy.run(
                  `Drawing the ${VIEW_SPECS[name].title.toLowerCase()}…`,
                  () => store.set(patch),
                  cost({ ...store.get(), ...patch }),
                );
              },
            },
          },
          VIEW_SPECS[name].title,
        ),
      ),
    );
  // On a big view the camera moves at once, before the redraw, so that the view is drawn once
  // where it ends (an animation draws all of it in every frame: in software WebGL, seconds).
  const big = data.nodes.length > BIG_GRAPH;
  const home = () => {
    const camera = renderer.sigma.getCamera();
    if (big) camera.setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    else camera.animatedReset({ duration: 300 });
  };
  const reset = () => {
    const next = { ...defaultState(store.get().view), colourBy: store.get().colourBy };
    busy.run(
      "Showing the whole view again…",
      () => {
        if (big) home();
        store.set({ ...next, colourBy: store.get().colourBy });
        if (!big) home();
      },
      cost(next),
    );
  };
  const stacks = yearStacks(data);
  const titles = new Map(
    data.nodes.filter((n) => n.attributes.type === "paper").map((n) => [n.key, n.attributes.label]),
  );
  renderCitedOutside(ui.cited, data.meta.citedOutside ?? [], (k) => titles.get(k), select);
  const renderSide = (s: State) => {
    const v = view(s.view);
    renderTimeline(ui.timeline, stacks, s.filters, (yearMin, yearMax) => {
      const filters = { ...store.get().filters, yearMin, yearMax };
      busy.run(
        "Filtering by year…",
        () => store.set({ filters: { ...store.get().filters, yearMin, yearMax } }),
        cost({ ...store.get(), filters }),
      );
    });
    renderControls(ui.controls, v, s, store, reset, () => renderer.fitSelection());
    renderLegend(ui.legend, v, s, {
      openCard(c) {
        store.set({ card: c.id, selection: null });
      },
      toggleCommunity(c) {
        const on = store.get().filters.community !== c.id;
        const filters = { ...store.get().filters, community: on ? c.id : null };
        busy.run(
          on ? `Showing ${c.label} alone…` : "Showing every community…",
          () => {
            const f = store.get().filters;
            const move = () => (on ? renderer.focusPoint(c.x, c.y, 0.6, !big) : home());
            if (big) move();
            store.set({ filters: { ...f, community: on ? c.id : null } });
            if (!big) move();
          },
          cost({ ...store.get(), filters }),
        );
      },
    });
  };
  const renderStatus = (s: State) => {
    const v = view(s.view);
    const visible = visibleNodes(v.graph, s.filters);
    const total = `${counts.paper} papers · ${counts.author} authors · ${counts.concept} concepts`;
    ui.status.textContent = `${source} — ${total} · ${VIEW_SPECS[s.view].title}: ${
      visible ? visible.size : v.graph.order
    } of ${v.graph.order} nodes shown`;
  };
  /** A selected node's details; with none, the opened community card (if any). */
  const details = (s: State) => {
    if (s.selection) return detailsOf(model.get().graph, s.selection, model.get().meta);
    const card = s.card === null ? undefined : model.get().communities.get(s.card);
    return card ? communityDetails(model.get().graph, card) : null;
  };
  const renderDetails = (s: State) =>
    renderPanel(
      ui.panel,
      details(s),
      (key) => select(key),
      // closing a node opened from a card shows the card again
      () => store.set(store.get().selection ? { selection: null } : { card: null }),
      (related, item) => reasonEvidence(model.get().graph, s.selection as string, related, item),
      {
        evidence: (paper, concept) => mentionEvidence(model.get().graph, paper, concept),
        open: openMention,
      },
    );
  /** The full graph is built on the first selection if idle time has not built it yet. */
  const showDetails = (s: State): boolean => {
    try {
      renderDetails(s);
      return true;
    } catch (err) {
      // a graph the full build refuses: reported once, as the idle build would (the page
      // replaces this session with the message)
      stopIdle();
      opts.onError?.(err);
      return false;
    }
  };

  // URL: written (debounced, replaceState) on every change; read back on hashchange.
  let lastHash = "";
  let urlTimer: ReturnType<typeof setTimeout> | undefined;
  const writeUrl = (s: State) => {
    clearTimeout(urlTimer);
    urlTimer = setTimeout(() => {
      lastHash = encodeState(s);
      history.replaceState(null, "", `${location.pathname}${location.search}#${lastHash}`);
    }, 120);
  };
  const onHashChange = () => {
    const h = location.hash.replace(/^#/, "");
    if (h === lastHash) return;
    const next = decodeState(h, fallbackView);
    if (next.selection && !keys.has(next.selection)) next.selection = null;
    store.set({ ...next, hovered: null });
    if (next.camera) renderer.sigma.getCamera().setState(next.camera);
  };
  window.addEventListener("hashchange", onHashChange);

  // Escape closes the details panel (unless something else used it: the search list, the drawer)
  const onKey = (ev: KeyboardEvent) => {
    const { selection, card } = store.get();
    if (ev.key !== "Escape" || ev.defaultPrevented || (selection === null && card === null)) return;
    // focus inside the panel would be lost with it: start again from the page
    const active = document.activeElement;
    if (active instanceof HTMLElement && ui.panel.contains(active)) active.blur();
    store.set(selection !== null ? { selection: null } : { card: null });
  };
  document.addEventListener("keydown", onKey);

  let stopIdle = () => {};
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.view !== prev.view) {
      renderer.setView(view(s.view));
      renderTabs(s);
    }
    if (
      s.view !== prev.view ||
      s.filters !== prev.filters ||
      s.colourBy !== prev.colourBy ||
      s.depth !== prev.depth ||
      s.labelAll !== prev.labelAll
    ) {
      renderSide(s);
      renderStatus(s);
    }
    if (s.selection !== prev.selection || s.card !== prev.card) {
      if (!showDetails(s)) return;
      // The panel may take width from the graph: let sigma measure again.
      renderer.measure();
      renderer.refreshSoon();
    }
    if (s.hovered === prev.hovered) writeUrl(s);
  });

  /**
   * Each scene's canvases and WebGL contexts, made one per idle turn: a WebGL context takes a
   * round trip to the GPU process, which in a step (a first filter, a first switch) waits behind
   * the frame being drawn (0.7–1.7 s measured on the 6,318-paper map under load).
   */
  const scenesToPrepare = () => [
    ...VIEW_NAMES.map((name) => task(() => renderer.prepare(name))),
    task(() => {
      if (VIEW_NAMES.some((n) => view(n).graph.size >= FILTERED_GRAPH_MIN_EDGES))
        renderer.prepare("filtered");
    }),
  ];

  let lastExport: WholeExport | null = null;
  const exportImage = async (kind: "whole" | "view") => {
    const s = store.get();
    const name = `litgraph-${s.view}`;
    if (kind === "view")
      return exportPng(renderer.sigma as unknown as Sigma, name, renderer.labelRank, ui.graph);
    const v = view(s.view);
    const visible = visibleNodes(v.graph, s.filters);
    const shown = visible ? `${visible.size} of ${v.graph.order}` : `all ${v.graph.order}`;
    lastExport = await renderWhole(renderer.sigma, v, s, renderer.labelRank, {
      title: `${VIEW_SPECS[s.view].title} — ${source}`,
      subtitle: `${counts.paper} papers · ${counts.author} authors · ${counts.concept} concepts · ${shown} nodes shown · coloured by ${{ type: "node type", year: "year", community: "community" }[s.colourBy]} · made with litgraph`,
    });
    await downloadCanvas(lastExport.canvas, `${name}-whole`);
  };
  /** The keys the search box lists for its current text (the export's "search result"). */
  let searchHits: string[] = [];
  const exportRecords = async (format: RecordFormat) => {
    const s = store.get();
    const graph = model.get().graph;
    await downloadRecords(graph, exportScope(graph, view(s.view), s, searchHits), format);
  };
  const stopSearch = createSearch(
    ui.search,
    () => index.get(),
    (key) => select(key),
    (keys) => {
      searchHits = keys;
    },
  );
  const s0 = store.get();
  renderTabs(s0);
  renderSide(s0);
  renderStatus(s0);
  renderDetails(s0);
  renderer.measure();
  if (s0.camera) renderer.sigma.getCamera().setState(s0.camera);
  else if (s0.selection)
    requestAnimationFrame(() => s0.selection && renderer.focusNode(s0.selection));

  // Hooks of the bench build (web/src/bench-hooks.ts); the shipped app has no probe.
  probe()?.session({
    store,
    renderer,
    graphArea: ui.graph,
    select,
    lastExport: () => lastExport,
  });

  // After the first frame: validate, then the full graph, then the search index, when idle.
  let frame = requestAnimationFrame(() => {
    frame = requestAnimationFrame(() => {
      stopIdle = whenIdle([validation, model, index], {
        onDone() {
          opts.onReady?.();
          // then the views not built yet, and on a big graph the scenes not made yet
          stopIdle = whenIdle([...views.values(), ...(big ? scenesToPrepare() : [])], {
            onDone: opts.onViews,
          });
        },
        onError: opts.onError,
      });
    });
  });

  return {
    exportImage,
    exportRecords,
    destroy() {
      busy.stop();
      cancelAnimationFrame(frame);
      stopIdle();
      clearTimeout(urlTimer);
      unsubscribe();
      stopSearch();
      window.removeEventListener("hashchange", onHashChange);
      document.removeEventListener("keydown", onKey);
      renderer.destroy();
      renderPanel(
        ui.panel,
        null,
        () => {},
        () => {},
      );
    },
  };
}
