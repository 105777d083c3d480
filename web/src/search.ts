// The search box: autocomplete over papers, authors and concepts (keyboard and mouse).
import { TYPE_COLOURS } from "./colours.ts";
import { el } from "./dom.ts";
import { type SearchEntry, search } from "./search-index.ts";

export function createSearch(
  host: HTMLElement,
  /** The entries, or a function giving them (built on first use). */
  index: readonly SearchEntry[] | (() => readonly SearchEntry[]),
  onChoose: (key: string) => void,
  /** Told the keys listed for the query after each keystroke ([] for an empty box). */
  onResults?: (keys: string[]) => void,
): () => void {
  const input = el("input", {
    class: "search-input",
    attrs: {
      type: "search",
      placeholder: "Search papers, authors, concepts…",
      "aria-label": "Search",
      role: "combobox",
      "aria-expanded": "false",
      "aria-controls": "search-results",
      autocomplete: "off",
    },
  });
  const list = el("ul", {
    class: "search-results",
    attrs: { id: "search-results", role: "listbox" },
  });
  list.hidden = true;
  let results: SearchEntry[] = [];
  let active = 0;

  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
  };
  const choose = (e: SearchEntry | undefined) => {
    if (!e) return;
    input.value = e.name;
    close();
    onChoose(e.key);
  };
  const render = () => {
    list.replaceChildren(
      ...results.map((r, i) => {
        const dot = el("span", { class: "dot" });
        dot.style.background = TYPE_COLOURS[r.type];
        const li = el(
          "li",
          {
            class: i === active ? "active" : "",
            attrs: { role: "option", "data-node": r.key, "aria-selected": String(i === active) },
          },
          dot,
          el("span", { class: "name" }, r.name),
          el("span", { class: "muted" }, r.type),
        );
        li.addEventListener("mousedown", (ev) => {
          ev.preventDefault();
          choose(r);
        });
        return li;
      }),
    );
    if (!results.length && input.value.trim())
      list.append(el("li", { class: "muted empty" }, "No match"));
    list.hidden = !input.value.trim();
    input.setAttribute("aria-expanded", String(!list.hidden));
  };
  input.addEventListener("input", () => {
    results = search(typeof index === "function" ? index() : index, input.value);
    onResults?.(results.map((r) => r.key));
    active = 0;
    render();
  });
  input.addEventListener("keydown", (ev) => {
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      ev.preventDefault();
      if (!results.length) return;
      active = (active + (ev.key === "ArrowDown" ? 1 : results.length - 1)) % results.length;
      render();
    } else if (ev.key === "Enter") {
      ev.preventDefault();
      choose(results[active]);
    } else if (ev.key === "Escape" && !list.hidden) {
      // this Escape closes the list only, not the details panel as well
      ev.preventDefault();
      close();
    }
  });
  input.addEventListener("blur", close);
  host.replaceChildren(input, list);
  return () => host.replaceChildren();
}
