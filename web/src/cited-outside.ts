// "Cited most, not in your set": the works the papers cite most that the graph does not contain
// (graph.json meta.citedOutside, src/graph/citation-signals.ts), as Local Citation Network lists
// them: the papers a researcher may be missing. Each opens the papers of the set citing it, and
// a click on one selects it. Text from the graph is data: text nodes only (dom.ts).
import type { CitedOutside } from "../../src/graph/schema.ts";
import { el, nodeButton } from "./dom.ts";

/** Works listed at first; "Show all" lists the rest (at most the 50 of graph.json). */
const SHOWN = 10;

/** Fills `host` with the list (empty when the graph names no such work). */
export function renderCitedOutside(
  host: HTMLElement,
  works: readonly CitedOutside[],
  titleOf: (paperKey: string) => string | undefined,
  select: (paperKey: string) => void,
): void {
  if (works.length === 0) {
    host.replaceChildren();
    return;
  }
  const list = el("ol", { class: "cited-list" });
  const fill = (n: number) => list.replaceChildren(...works.slice(0, n).map(item));
  const item = (w: CitedOutside) => {
    const papers = w.citedBy.map((id) => {
      const key = `paper:${id}`;
      return el("li", {}, nodeButton(key, titleOf(key) ?? id, select));
    });
    return el(
      "li",
      { attrs: { "data-work": w.id } },
      el(
        "details",
        {},
        el(
          "summary",
          {},
          el("span", { class: "cited-label" }, w.label ?? w.id),
          el("span", { class: "count" }, ` cited by ${w.count}`),
        ),
        el("ul", { class: "cited-by" }, ...papers),
      ),
    );
  };
  fill(SHOWN);
  const more =
    works.length > SHOWN
      ? el(
          "button",
          {
            class: "tl-clear",
            attrs: { type: "button" },
            on: {
              click: (ev) => {
                fill(works.length);
                (ev.currentTarget as HTMLElement).remove();
              },
            },
          },
          `Show all ${works.length}`,
        )
      : null;
  host.replaceChildren(
    el(
      "h3",
      { attrs: { title: "Works your papers cite most that are not among them" } },
      "Cited most, not in your set",
    ),
    list,
    ...(more ? [more] : []),
  );
}
