// The page around the graph: the "Open files…" button, the sidebar drawer of narrow windows and
// the note shown over a graph built in the page.

/** "Open files…" is a real button (reached by Tab) that opens the hidden file input. */
export function setupOpenButton(button: HTMLButtonElement, input: HTMLInputElement) {
  button.addEventListener("click", () => input.click());
}

/** The "Filters" button of phone-width windows shows and hides the sidebar over the graph. */
export function setupSidebarToggle(button: HTMLButtonElement, sidebar: HTMLElement) {
  const set = (open: boolean) => {
    sidebar.classList.toggle("open", open);
    button.setAttribute("aria-expanded", String(open));
  };
  button.addEventListener("click", () => set(!sidebar.classList.contains("open")));
  // Escape closes the drawer first (the details panel waits for the next Escape: it checks
  // defaultPrevented); the controls inside are redrawn on change, so listen on the document.
  document.addEventListener("keydown", (ev) => {
    if (ev.key !== "Escape" || ev.defaultPrevented || !sidebar.classList.contains("open")) return;
    ev.preventDefault();
    set(false);
    button.focus();
  });
}

/**
 * A graph built from files opened in the page exists only in this tab: say so, since its link
 * would open the site's own graph. `names` null hides the note.
 */
export function showLocalNote(note: HTMLElement, names: string[] | null) {
  note.hidden = names === null;
  note.textContent = names
    ? `This graph was built in your browser from ${names.join(", ")}. It is local to this tab: ` +
      "a copied link opens the site's own graph, not this one. Reload the page to return to it."
    : "";
}

/**
 * The "Export PNG" menu: the button opens it, a choice or Escape or a click elsewhere closes it;
 * `choose` gets the item's data-export value ("whole" or "view").
 */
export function setupExportMenu(
  button: HTMLButtonElement,
  menu: HTMLElement,
  choose: (kind: string) => void,
) {
  const set = (open: boolean) => {
    menu.hidden = !open;
    button.setAttribute("aria-expanded", String(open));
  };
  button.addEventListener("click", () => {
    set(Boolean(menu.hidden));
    if (!menu.hidden) menu.querySelector<HTMLButtonElement>("button")?.focus();
  });
  menu.addEventListener("click", (ev) => {
    const kind = (ev.target as HTMLElement).closest("[data-export]")?.getAttribute("data-export");
    if (!kind) return;
    set(false);
    choose(kind);
  });
  document.addEventListener("keydown", (ev) => {
    if (ev.key !== "Escape" || ev.defaultPrevented || menu.hidden) return;
    ev.preventDefault();
    set(false);
    button.focus();
  });
  document.addEventListener("pointerdown", (ev) => {
    if (!menu.hidden && !button.parentElement?.contains(ev.target as Node)) set(false);
  });
}
