// Sidebar controls: colour, depth, all neighbours labelled, zoom to fit, node-type and year
// filters, reset.
import { TYPE_COLOURS } from "./colours.ts";
import { append, el } from "./dom.ts";
import { NODE_TYPES, type State, type Store } from "./state.ts";
import type { View } from "./views.ts";

function yearRange(view: View): [number | null, number | null] {
  let lo: number | null = null;
  let hi: number | null = null;
  view.graph.forEachNode((_k, a) => {
    if (a.yearMin !== null) lo = lo === null ? a.yearMin : Math.min(lo, a.yearMin);
    if (a.yearMax !== null) hi = hi === null ? a.yearMax : Math.max(hi, a.yearMax);
  });
  return [lo, hi];
}

export function renderControls(
  host: HTMLElement,
  view: View,
  state: State,
  store: Store,
  onReset: () => void,
  onFit: () => void = () => {},
) {
  const radio = <T extends string | number>(
    name: string,
    value: T,
    current: T,
    label: string,
    set: (v: T) => void,
  ) =>
    el(
      "label",
      { class: "radio" },
      (() => {
        const i = el("input", { attrs: { type: "radio", name, value: String(value) } });
        i.checked = value === current;
        i.addEventListener("change", () => set(value));
        return i;
      })(),
      label,
    );
  const present = new Set<string>();
  view.graph.forEachNode((_k, a) => {
    present.add(a.kind);
  });
  const types = NODE_TYPES.filter((t) => present.has(t)).map((t) => {
    const box = el("input", { attrs: { type: "checkbox", "data-type": t } });
    box.checked = state.filters.types.includes(t);
    box.addEventListener("change", () => {
      const f = store.get().filters;
      const next = box.checked
        ? NODE_TYPES.filter((x) => x === t || f.types.includes(x))
        : f.types.filter((x) => x !== t);
      store.set({ filters: { ...f, types: next } });
    });
    const dot = el("span", { class: "dot" });
    dot.style.background = TYPE_COLOURS[t];
    return el("label", { class: "check" }, box, dot, t);
  });
  const [lo, hi] = yearRange(view);
  const yearInput = (which: "yearMin" | "yearMax", placeholder: number | null) => {
    const i = el("input", {
      class: "year",
      attrs: {
        type: "number",
        "aria-label": which === "yearMin" ? "From year" : "To year",
        placeholder: String(placeholder ?? ""),
      },
    });
    const v = state.filters[which];
    i.value = v === null ? "" : String(v);
    i.addEventListener("change", () => {
      const n = i.value.trim() === "" ? null : Math.trunc(Number(i.value));
      store.set({ filters: { ...store.get().filters, [which]: Number.isFinite(n) ? n : null } });
    });
    return i;
  };
  let maxPapers = 0;
  view.graph.forEachNode((_k, a) => {
    if (a.kind === "author") maxPapers = Math.max(maxPapers, a.papers);
  });
  const minPapers = el("input", {
    class: "year",
    attrs: {
      type: "number",
      min: "1",
      "aria-label": "Minimum papers per author",
      placeholder: "1",
    },
  });
  minPapers.value = state.filters.minPapers > 1 ? String(state.filters.minPapers) : "";
  minPapers.addEventListener("change", () => {
    const n = Math.trunc(Number(minPapers.value));
    const next = Number.isFinite(n) && n > 1 ? n : 1;
    store.set({ filters: { ...store.get().filters, minPapers: next } });
  });
  host.replaceChildren();
  append(
    host,
    el(
      "div",
      { class: "control" },
      el("h3", {}, "Colour by"),
      radio("colour", "community", state.colourBy, "community", (v) => store.set({ colourBy: v })),
      radio("colour", "type", state.colourBy, "node type", (v) => store.set({ colourBy: v })),
      radio("colour", "year", state.colourBy, "year", (v) => store.set({ colourBy: v })),
    ),
    el(
      "div",
      { class: "control" },
      el("h3", {}, "Neighbourhood"),
      radio("depth", 1, state.depth, "1 hop", (v) => store.set({ depth: v })),
      radio("depth", 2, state.depth, "2 hops", (v) => store.set({ depth: v })),
      (() => {
        const box = el("input", { attrs: { type: "checkbox", "data-control": "label-all" } });
        box.checked = state.labelAll;
        box.addEventListener("change", () => store.set({ labelAll: box.checked }));
        return el(
          "label",
          {
            class: "check",
            attrs: { title: "Label every neighbour of the selected node, not only the strongest" },
          },
          box,
          "label all neighbours",
        );
      })(),
      el(
        "button",
        {
          class: "fit",
          attrs: {
            type: "button",
            "data-control": "fit",
            title: "Zoom to the selected node and its neighbours (nothing selected: all shown)",
          },
          on: { click: onFit },
        },
        "Zoom to fit selection",
      ),
    ),
    types.length > 1 ? el("div", { class: "control types" }, el("h3", {}, "Show"), ...types) : null,
    lo !== null
      ? el(
          "div",
          { class: "control" },
          el("h3", {}, "Years"),
          yearInput("yearMin", lo),
          " – ",
          yearInput("yearMax", hi),
        )
      : null,
    maxPapers > 1 && present.has("author")
      ? el("div", { class: "control" }, el("h3", {}, "Min. papers per author"), minPapers)
      : null,
    el(
      "button",
      { class: "reset", attrs: { type: "button" }, on: { click: onReset } },
      "Reset view and filters",
    ),
  );
}
