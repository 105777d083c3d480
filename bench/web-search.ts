// Search in the web view, for bench/web.ts: a query typed one key at a time into the search box
// (each keystroke: the input event's script time, i.e. matching and listing, and the time to two
// animation frames later, i.e. the list on screen), then Enter on the first result (→ selection
// in the state and two frames later: details panel and camera move started). Runs on our page
// only: a bare sigma page has no search.
import type { Page } from "playwright-core";

export interface Keystroke {
  query: string;
  /** input event → handler done (ms): search and list rendering, script only. */
  scriptMs: number;
  /** input event → two animation frames later (ms). */
  frameMs: number;
  results: number;
}

export interface SearchRun {
  typed: string;
  keystrokes: Keystroke[];
  /** Enter on the first result → selected in the state, and → two frames later (ms). */
  chooseMs: number;
  chooseFrameMs: number;
  chosen: string | null;
}

/** Type `text` key by key into the search box of a ready page, then choose the first result. */
export async function typeAndChoose(page: Page, text: string): Promise<SearchRun> {
  // tsx keeps function names with a __name helper the page does not have: give it one.
  await page.evaluate("globalThis.__name ??= (f) => f");
  return page.evaluate(async (typed) => {
    const frames = () =>
      new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
    const input = document.querySelector<HTMLInputElement>(".search-input");
    if (!input) throw new Error("bench/web-search: no search box");
    input.focus();
    input.value = "";
    input.dispatchEvent(new Event("input", { bubbles: true }));
    await frames();
    const keystrokes = [];
    for (let i = 1; i <= typed.length; i++) {
      input.value = typed.slice(0, i);
      const t0 = performance.now();
      input.dispatchEvent(new Event("input", { bubbles: true }));
      const t1 = performance.now();
      await frames();
      const t2 = performance.now();
      const results = document.querySelectorAll("#search-results li[role=option]").length;
      keystrokes.push({ query: input.value, scriptMs: t1 - t0, frameMs: t2 - t0, results });
    }
    const first = document.querySelector("#search-results li[role=option]");
    const key = first?.getAttribute("data-node") ?? null;
    const state = () =>
      (
        window as unknown as { litgraph: { state(): { selection: string | null } } }
      ).litgraph.state();
    const t0 = performance.now();
    input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
    while (key && state().selection !== key && performance.now() - t0 < 10_000)
      await new Promise((r) => setTimeout(r, 2));
    const t1 = performance.now();
    await frames();
    const t2 = performance.now();
    return {
      typed,
      keystrokes,
      chooseMs: t1 - t0,
      chooseFrameMs: t2 - t0,
      chosen: state().selection,
    };
  }, text);
}

/** Queries for a graph: a common title word, and the name of the author with most papers. */
export function searchQueries(
  nodes: { key: string; attributes?: { type?: string; label?: string; paperCount?: number } }[],
): string[] {
  let top: { label: string; papers: number } | null = null;
  for (const n of nodes) {
    const a = n.attributes;
    if (a?.type !== "author" || !a.label) continue;
    if (!top || (a.paperCount ?? 0) > top.papers)
      top = { label: a.label, papers: a.paperCount ?? 0 };
  }
  return ["learning", ...(top ? [top.label] : [])];
}
