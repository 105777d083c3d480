// The timeline: papers per year, stacked by community (the knowledge graph's and paper map's),
// as columns of HTML boxes (text nodes only). Dragging across years, or clicking one, sets the
// year filter (and so the URL); "All years" clears it.
import type { SerializedGraph } from "../../src/graph/schema.ts";
import { communityColour } from "./colours.ts";
import { el } from "./dom.ts";
import type { Filters } from "./state.ts";

export interface YearStack {
  year: number;
  total: number;
  /** Papers per community, largest community first. */
  parts: { community: number; count: number }[];
}

/** Papers per year per community, every year from the first to the last (empty ones too). */
export function yearStacks(data: SerializedGraph): YearStack[] {
  const byYear = new Map<number, Map<number, number>>();
  for (const n of data.nodes) {
    const a = n.attributes;
    if (a.type !== "paper" || a.year === null) continue;
    const m = byYear.get(a.year) ?? new Map<number, number>();
    m.set(a.community, (m.get(a.community) ?? 0) + 1);
    byYear.set(a.year, m);
  }
  if (byYear.size === 0) return [];
  const years = [...byYear.keys()];
  const out: YearStack[] = [];
  for (let y = Math.min(...years); y <= Math.max(...years); y++) {
    const m = byYear.get(y) ?? new Map<number, number>();
    const parts = [...m]
      .map(([community, count]) => ({ community, count }))
      .sort((a, b) => b.count - a.count || a.community - b.community);
    out.push({ year: y, total: parts.reduce((n, p) => n + p.count, 0), parts });
  }
  return out;
}

const inRange = (year: number, f: Filters) =>
  (f.yearMin === null || year >= f.yearMin) && (f.yearMax === null || year <= f.yearMax);

/** Fills `host` with the timeline; `setYears` gets the brushed range (null, null: all years). */
export function renderTimeline(
  host: HTMLElement,
  stacks: YearStack[],
  filters: Filters,
  setYears: (min: number | null, max: number | null) => void,
) {
  if (stacks.length < 2 || stacks.length > 80) {
    host.replaceChildren();
    return;
  }
  const most = Math.max(...stacks.map((s) => s.total), 1);
  const ranged = filters.yearMin !== null || filters.yearMax !== null;
  let from: number | null = null;
  const columns = stacks.map((s) => {
    const col = el("div", {
      class: ranged && !inRange(s.year, filters) ? "tl-col out" : "tl-col",
      attrs: { "data-year": String(s.year), title: `${s.year}: ${s.total} papers` },
    });
    for (const p of s.parts) {
      const box = el("span", { class: "tl-part" });
      box.style.height = `${(100 * p.count) / most}%`;
      box.style.background = communityColour(p.community);
      col.append(box);
    }
    return col;
  });
  const yearAt = (ev: PointerEvent) => {
    const col = (ev.target as HTMLElement).closest<HTMLElement>(".tl-col");
    return col ? Number(col.dataset.year) : null;
  };
  const bars = el("div", {
    class: "tl-bars",
    attrs: { "aria-label": "Papers per year by community: drag across years to filter" },
    on: {
      pointerdown: (ev) => {
        from = yearAt(ev as PointerEvent);
        (ev.currentTarget as HTMLElement).setPointerCapture?.((ev as PointerEvent).pointerId);
      },
      pointerup: (ev) => {
        const pe = ev as PointerEvent;
        // pointer capture sends the release to the bars: find the column under the pointer
        const under = document
          .elementsFromPoint(pe.clientX, pe.clientY)
          .find((n) => n instanceof HTMLElement && n.classList.contains("tl-col"));
        const to = under instanceof HTMLElement ? Number(under.dataset.year) : from;
        if (from !== null && to !== null) setYears(Math.min(from, to), Math.max(from, to));
        from = null;
      },
    },
  });
  bars.append(...columns);
  const first = stacks[0].year;
  const last = stacks[stacks.length - 1].year;
  host.replaceChildren(
    el(
      "h3",
      {},
      "Timeline",
      ranged
        ? el(
            "button",
            {
              class: "tl-clear",
              attrs: { type: "button" },
              on: { click: () => setYears(null, null) },
            },
            "All years",
          )
        : null,
    ),
    bars,
    el(
      "div",
      { class: "tl-axis muted" },
      el("span", {}, String(first)),
      el("span", {}, ranged ? `${filters.yearMin ?? first}–${filters.yearMax ?? last}` : ""),
      el("span", {}, String(last)),
    ),
  );
}
