// DOM helpers that only ever create text nodes for content: no innerHTML anywhere in the view.

export type Child = Node | string | number | null | undefined | false;

export interface Props {
  class?: string;
  /** Attributes set with setAttribute (never event handlers; never href: see safeAnchor). */
  attrs?: Record<string, string>;
  on?: Partial<Record<keyof HTMLElementEventMap, (ev: Event) => void>>;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.class) node.className = props.class;
  for (const [k, v] of Object.entries(props.attrs ?? {})) {
    if (/^on/i.test(k) || k.toLowerCase() === "href" || k.toLowerCase() === "src")
      throw new Error(`web/dom: refusing attribute ${k}`);
    node.setAttribute(k, v);
  }
  for (const [ev, fn] of Object.entries(props.on ?? {})) if (fn) node.addEventListener(ev, fn);
  append(node, ...children);
  return node;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === "object" ? c : document.createTextNode(String(c)));
  }
}

/** A link to an http(s) URL already checked by links.ts, opened in a new tab without opener. */
export function safeAnchor(href: string, text: string): HTMLAnchorElement {
  const a = el("a", { attrs: { target: "_blank", rel: "noopener noreferrer" } }, text);
  a.href = href;
  return a;
}

/** A button that looks like a link and selects a node. */
export function nodeButton(
  key: string,
  text: string,
  onSelect: (key: string) => void,
  cls = "ref",
) {
  return el(
    "button",
    { class: cls, attrs: { type: "button", "data-node": key }, on: { click: () => onSelect(key) } },
    text,
  );
}
