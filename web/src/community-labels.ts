// Community labels: an HTML layer above the canvases (text nodes only), placed greedily by
// community size so they never overlap each other, a highlighted neighbourhood's labels or (when
// a free spot is near) the node labels of the frame; dimmed while a neighbourhood is highlighted.
import { communityColour } from "./colours.ts";
import { el } from "./dom.ts";
import type { LabelBox } from "./label-place.ts";
import type { ViewSigma } from "./scenes.ts";
import type { State } from "./state.ts";
import type { View, ViewCommunity } from "./views.ts";

/** What one drawing of the labels reads: the shown scene and what it drew. */
export interface CommunityLabelInput {
  sigma: ViewSigma;
  view: View;
  state: State;
  /** The highlighted neighbourhood, or null. */
  near: ReadonlySet<string> | null;
  /** The node labels the label pass drew in the scene's last frame. */
  drawn: readonly { key: string; box: LabelBox }[];
  dimmed: boolean;
}

type Box = LabelBox;
const hits = (boxes: Box[], b: Box) =>
  boxes.some((o) => o.x0 < b.x1 && b.x0 < o.x1 && o.y0 < b.y1 && b.y0 < o.y1);

/** Where a community's label is anchored in the viewport (null: none of it drawn). */
function anchor(sigma: ViewSigma, c: View["communities"][number]) {
  if (!c.members) return sigma.graphToViewport({ x: c.x, y: c.y });
  let x = 0;
  let y = 0;
  let top = Number.POSITIVE_INFINITY;
  let n = 0;
  for (const m of c.members) {
    const d = sigma.getNodeDisplayData(m);
    if (!d || d.hidden) continue;
    const v = sigma.framedGraphToViewport(d);
    x += v.x;
    y += v.y;
    top = Math.min(top, v.y - sigma.scaleSize(d.size));
    n++;
  }
  if (!n) return null;
  // a big group (hundreds of authors in one blob) is labelled at its centre, not above its top
  return c.members.length > 30 ? { x: x / n, y: y / n } : { x: x / n, y: top - 16 };
}

/** Where sigma draws a node and its label (to the right of the node, ~7 px a character). */
function nodeLabelBox(sigma: ViewSigma, m: string): Box | null {
  const d = sigma.getNodeDisplayData(m);
  if (!d || d.hidden) return null;
  const v = sigma.framedGraphToViewport(d);
  const r = sigma.scaleSize(d.size);
  const h = Math.max(r, 9);
  const text = d.label ?? "";
  return { x0: v.x - r, y0: v.y - h, x1: v.x + r + 6 + 7 * text.length, y1: v.y + h };
}

/**
 * A group of less than this share of all members names no region of the map while there are
 * more groups than labels: the Semantic Scholar map's 3-paper "historical root · intelligibility
 * axiom" sat between the big regions and read as the name of one of them. The legend lists it.
 */
const MIN_SHARE = 0.005;

/**
 * The communities to label, biggest first (placed in that order until `limit` are drawn): the
 * filtered one alone; else, when there are more than `limit`, those of 3 members and
 * MIN_SHARE of all at least.
 */
export function communitiesToLabel(
  communities: readonly ViewCommunity[],
  only: number | null,
  limit: number,
): ViewCommunity[] {
  if (only !== null) return communities.filter((c) => c.id === only);
  const total = communities.reduce((n, c) => n + c.size, 0);
  const minSize = communities.length > limit ? Math.max(3, Math.ceil(MIN_SHARE * total)) : 1;
  return communities
    .filter((c) => c.size >= minSize)
    .sort((a, b) => b.size - a.size || a.id - b.id);
}

/** Replaces the labels of `layer` with those of the input's frame. */
export function drawCommunityLabels(layer: HTMLElement, input: CommunityLabelInput): void {
  const { sigma, view, state: s, near } = input;
  const { width, height } = sigma.getDimensions();
  // never covered: other community labels, and the labels of a highlighted neighbourhood
  const placed: Box[] = [];
  // covered only when no nearby spot is free: the other node labels on screen
  const avoid: Box[] = [];
  const items: HTMLElement[] = [];
  if (near && near.size <= 60)
    for (const m of near) {
      const b = nodeLabelBox(sigma, m);
      if (b) placed.push(b);
    }
  for (const d of input.drawn) if (!near?.has(d.key)) avoid.push(d.box);
  // Few enough labels to read (fewer on a small screen: a phone, about 8)
  const room = Math.floor((width * height) / 40_000);
  const limit = Math.max(3, Math.min(view.name === "collab" ? 10 : 14, room));
  const shown = communitiesToLabel(view.communities, s.filters.community, limit);
  // at the cluster's centre (collaboration: above the group), else a little above or below it
  const shifts = view.name === "collab" ? [0, -22, -44] : [0, -26, 26, -52, 52, -78, 78];
  for (const c of shown) {
    if (items.length >= limit) break;
    const a = anchor(sigma, c);
    // the cluster itself must be in view; only its label is then pulled inside the edges
    if (!a || a.x < 0 || a.x > width || a.y < -11 || a.y > height + 11) continue;
    const w = Math.min(280, 8.5 * c.label.length + 30);
    const spots = shifts
      // kept inside the view when the cluster is near an edge
      .map((dy) => ({ x: Math.max(w / 2 + 2, Math.min(width - w / 2 - 2, a.x)), y: a.y + dy }))
      .map((p) => ({ p, box: { x0: p.x - w / 2, y0: p.y - 11, x1: p.x + w / 2, y1: p.y + 11 } }))
      .filter(({ box }) => !(box.x1 < 0 || box.x0 > width || box.y1 < 0 || box.y0 > height))
      .filter(({ box }) => !hits(placed, box));
    const spot = spots.find(({ box }) => !hits(avoid, box)) ?? spots[0];
    if (!spot) continue;
    const { p, box } = spot;
    placed.push(box);
    const label = el(
      "div",
      { class: "community-label", attrs: { "data-community": String(c.id) } },
      c.label,
    );
    label.style.left = `${p.x}px`;
    label.style.top = `${p.y}px`;
    label.style.maxWidth = `${w}px`;
    label.style.borderColor = communityColour(c.id);
    items.push(label);
  }
  layer.classList.toggle("dimmed", input.dimmed);
  layer.replaceChildren(...items);
}
