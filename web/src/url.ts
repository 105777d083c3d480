// The shareable part of the state (view, selection, filters, depth, colour, community card,
// labels, camera) in the URL hash, e.g. #view=papers&sel=paper%3Adoi%3A10.1%2Fx&types=paper,author&years=2019-2023&cam=0.5,0.5,1,0
import type { NodeType } from "../../src/graph/schema.ts";
import {
  type CameraView,
  defaultState,
  NODE_TYPES,
  type State,
  VIEW_NAMES,
  type ViewName,
} from "./state.ts";

const round = (n: number) => Math.round(n * 10_000) / 10_000;

/**
 * State → hash string (without '#'); defaults are left out so links stay short, except the view:
 * the default view depends on the graph's size (state.ts BIG_GRAPH), so it is always written.
 */
export function encodeState(state: State): string {
  const p = new URLSearchParams();
  const d = defaultState();
  p.set("view", state.view);
  if (state.selection) p.set("sel", state.selection);
  const f = state.filters;
  if (f.types.length !== NODE_TYPES.length) p.set("types", f.types.join(","));
  if (f.yearMin !== null || f.yearMax !== null)
    p.set("years", `${f.yearMin ?? ""}-${f.yearMax ?? ""}`);
  if (f.community !== null) p.set("c", String(f.community));
  if (f.minPapers > 1) p.set("minp", String(f.minPapers));
  if (state.depth !== d.depth) p.set("depth", String(state.depth));
  if (state.colourBy !== d.colourBy) p.set("colour", state.colourBy);
  if (state.card !== null) p.set("card", String(state.card));
  if (state.labelAll) p.set("labels", "all");
  const c = state.camera;
  if (c) p.set("cam", [c.x, c.y, c.ratio, c.angle].map(round).join(","));
  return p.toString();
}

const finite = (s: string) => (s.trim() === "" ? Number.NaN : Number(s));

/**
 * Hash string → state. Tolerant: an unknown or malformed value keeps the default, so a
 * hand-edited or old link still opens. `fallbackView` is the view when the hash names none.
 */
export function decodeState(hash: string, fallbackView: ViewName = "knowledge"): State {
  const p = new URLSearchParams(hash.replace(/^#/, ""));
  const s = defaultState(fallbackView);
  const view = p.get("view");
  if (view && (VIEW_NAMES as string[]).includes(view)) s.view = view as ViewName;
  const sel = p.get("sel");
  if (sel) s.selection = sel;
  const types = p.get("types");
  if (types !== null) {
    const wanted = types
      .split(",")
      .filter((t): t is NodeType => (NODE_TYPES as string[]).includes(t));
    s.filters.types = NODE_TYPES.filter((t) => wanted.includes(t));
  }
  const years = /^(\d{0,4})-(\d{0,4})$/.exec(p.get("years") ?? "");
  if (years) {
    s.filters.yearMin = years[1] ? Number(years[1]) : null;
    s.filters.yearMax = years[2] ? Number(years[2]) : null;
  }
  const c = p.get("c");
  if (c !== null && /^-?\d+$/.test(c)) s.filters.community = Number(c);
  const minp = p.get("minp");
  if (minp !== null && /^\d+$/.test(minp) && Number(minp) > 1) s.filters.minPapers = Number(minp);
  if (p.get("depth") === "2") s.depth = 2;
  const colour = p.get("colour");
  if (colour === "type" || colour === "year") s.colourBy = colour;
  const card = p.get("card");
  if (card !== null && /^\d+$/.test(card)) s.card = Number(card);
  if (p.get("labels") === "all") s.labelAll = true;
  const cam = (p.get("cam") ?? "").split(",").map(finite);
  if (cam.length === 4 && cam.every(Number.isFinite) && cam[2] > 0) {
    const [x, y, ratio, angle] = cam;
    s.camera = { x, y, ratio, angle } satisfies CameraView;
  }
  return s;
}
