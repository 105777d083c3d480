// The legend: communities of the current view by label and size (click focuses and filters),
// node types when colouring by type, or years (a sequential palette) when colouring by year.
import { communityColour, TYPE_COLOURS } from "./colours.ts";
import { el } from "./dom.ts";
import { NODE_TYPES, type State } from "./state.ts";
import type { View, ViewCommunity } from "./views.ts";
import { yearLegend, yearRange } from "./year-colours.ts";

export interface LegendActions {
  toggleCommunity(c: ViewCommunity): void;
  /** Opens a community's card in the details panel (paper communities only). */
  openCard?(c: ViewCommunity): void;
}

export function renderLegend(host: HTMLElement, view: View, state: State, actions: LegendActions) {
  const swatch = (colour: string) => {
    const s = el("span", { class: "swatch" });
    s.style.background = colour;
    return s;
  };
  if (state.colourBy === "year") {
    const unit = view.name === "papers" ? "papers" : "nodes";
    host.replaceChildren(
      el("h3", {}, "Years"),
      el(
        "p",
        { class: "muted legend-note" },
        view.name === "papers"
          ? "Each paper by its year."
          : "Papers by their year; authors and concepts by the mean year of their papers.",
      ),
      el(
        "ul",
        { class: "legend years" },
        ...yearLegend(view.graph, yearRange(view.graph)).map((e) =>
          el(
            "li",
            { attrs: { "data-year": e.label, title: `${e.label}: ${e.count} ${unit}` } },
            swatch(e.colour),
            el("span", { class: "legend-label" }, e.label),
            el("span", { class: "muted" }, e.count),
          ),
        ),
      ),
    );
    return;
  }
  if (state.colourBy === "type") {
    const present = new Set<string>();
    view.graph.forEachNode((_k, a) => {
      present.add(a.kind);
    });
    host.replaceChildren(
      el("h3", {}, "Node types"),
      el(
        "ul",
        { class: "legend" },
        ...NODE_TYPES.filter((t) => present.has(t)).map((t) =>
          el("li", {}, swatch(TYPE_COLOURS[t]), el("span", { class: "legend-label" }, t)),
        ),
      ),
    );
    return;
  }
  const list = [...view.communities]
    .filter((c) => c.size > 0)
    .sort((a, b) => b.size - a.size || a.id - b.id);
  const unit = view.name === "collab" ? "authors" : "papers";
  host.replaceChildren(
    el("h3", {}, "Communities", el("span", { class: "count" }, ` ${list.length}`)),
    list.length
      ? el(
          "ul",
          { class: "legend communities" },
          ...list.slice(0, 40).map((c) =>
            el(
              "li",
              {},
              el(
                "button",
                {
                  class: state.filters.community === c.id ? "legend-item active" : "legend-item",
                  attrs: {
                    type: "button",
                    "data-community": String(c.id),
                    title: `${c.label} — ${c.size} ${unit}; click to focus and filter`,
                  },
                  on: { click: () => actions.toggleCommunity(c) },
                },
                swatch(communityColour(c.id)),
                el("span", { class: "legend-label" }, c.label),
                el("span", { class: "muted" }, String(c.size)),
              ),
              actions.openCard && view.name !== "collab"
                ? el(
                    "button",
                    {
                      class: "card-open",
                      attrs: {
                        type: "button",
                        "data-card": String(c.id),
                        "aria-label": `Open the card of ${c.label}`,
                        title: "Its papers and top terms",
                      },
                      on: { click: () => actions.openCard?.(c) },
                    },
                    "i",
                  )
                : null,
            ),
          ),
        )
      : el("p", { class: "muted" }, "No communities in this view."),
  );
}
