// Connected components of a laid-out view, each brought to one node density and packed around the
// biggest one, so an isolated paper does not sit far off (shrinking the rest of the view) and a
// paper's co-authors are not a tight clump beside wide empty gaps. Pure arithmetic: deterministic.
import type Graph from "graphology";
import type { Attributes } from "graphology-types";

/** Whether an edge (by its attributes) links its two ends into one component; default every edge. */
export type Links = (attributes: Attributes) => boolean;
const everyEdge: Links = () => true;

export interface PackOptions {
  /** Centre-to-centre spacing of nodes, in multiples of the view's mean node size (default 3). */
  spacing: number;
  /** Empty space between two components, in multiples of the spacing unit (default 1). */
  gap: number;
  /**
   * Distances from a component's centre beyond reach × their median are compressed (default 1.7;
   * a uniform disc reaches 1.41× its median).
   */
  reach: number;
}

export const PACK_DEFAULTS: PackOptions = { spacing: 3, gap: 1, reach: 1.7 };

function median(xs: Float64Array): number {
  const sorted = Float64Array.from(xs).sort();
  const m = sorted.length >> 1;
  return sorted.length % 2 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
}

export interface Circle {
  x: number;
  y: number;
  r: number;
}

/** Connected components (union-find over the edges of `graph` that `links`), as lists of node keys. */
export function components(
  graph: Graph,
  name: (key: string) => string = (k) => k,
  links: Links = everyEdge,
): string[][] {
  const index = new Map<string, number>();
  const keys = graph.nodes();
  keys.forEach((k, i) => {
    index.set(k, i);
  });
  const parent = Int32Array.from(keys, (_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r];
    while (parent[i] !== r) {
      const next = parent[i];
      parent[i] = r;
      i = next;
    }
    return r;
  };
  graph.forEachEdge((_e, attributes, s, t) => {
    if (!links(attributes)) return;
    const a = find(index.get(s) as number);
    const b = find(index.get(t) as number);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  });
  const groups = new Map<number, string[]>();
  keys.forEach((k, i) => {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(k);
    else groups.set(r, [k]);
  });
  // biggest first; ties by the name of the first key (keys come in graph order, deterministic)
  return [...groups.values()].sort(
    (a, b) => b.length - a.length || (name(a[0]) < name(b[0]) ? -1 : 1),
  );
}

/**
 * Places circles (biggest first, in the given order) without overlap, as close to the first as an
 * outward spiral allows. A uniform grid keeps the collision test local. Returns the centres.
 */
export function packCircles(radii: number[]): { x: number; y: number }[] {
  const out: { x: number; y: number }[] = [];
  if (radii.length === 0) return out;
  // grid cells (and spiral turns) about the size of a typical circle after the first, but not so
  // small that the biggest spans more than ~100×100 of them
  const rest = (radii.length > 1 ? radii.slice(1) : radii).sort((a, b) => a - b);
  const biggest = radii.reduce((m, r) => Math.max(m, r), 0);
  const cell = Math.max(1e-9, 2 * rest[Math.floor(rest.length / 2)], biggest / 50);
  const grid = new Map<string, number[]>();
  const placed: Circle[] = [];
  const cells = (c: Circle, visit: (key: string) => boolean | undefined) => {
    const x0 = Math.floor((c.x - c.r) / cell);
    const x1 = Math.floor((c.x + c.r) / cell);
    const y0 = Math.floor((c.y - c.r) / cell);
    const y1 = Math.floor((c.y + c.r) / cell);
    for (let i = x0; i <= x1; i++)
      for (let j = y0; j <= y1; j++) if (visit(`${i},${j}`)) return true;
    return false;
  };
  const collides = (c: Circle) =>
    cells(c, (key) =>
      grid.get(key)?.some((p) => {
        const o = placed[p];
        const d = c.r + o.r;
        return (o.x - c.x) ** 2 + (o.y - c.y) ** 2 < d * d * (1 - 1e-9);
      }),
    );
  const add = (c: Circle) => {
    placed.push(c);
    const id = placed.length - 1;
    cells(c, (key) => {
      const list = grid.get(key);
      if (list) list.push(id);
      else grid.set(key, [id]);
      return undefined;
    });
    out.push({ x: c.x, y: c.y });
  };
  add({ x: 0, y: 0, r: radii[0] });
  // Spiral ρ = b·θ with one cell between turns; θ only grows, so later (smaller) circles go on
  // from where the last one went: gaps left behind stay empty, the walk stays short.
  const b = cell / (2 * Math.PI);
  // nothing fits inside the first circle: start on the turn just outside it
  let theta = (radii[0] + (radii[1] ?? 0)) / b;
  for (let i = 1; i < radii.length; i++) {
    const r = radii[i];
    const step = Math.max(r, cell / 4);
    // back up a little so a small circle can take a slot beside the last one
    theta = Math.max(0, theta - Math.PI / 4);
    for (;;) {
      const rho = b * theta;
      const c = { x: rho * Math.cos(theta), y: rho * Math.sin(theta), r };
      if (!collides(c)) {
        add(c);
        break;
      }
      theta += step / Math.max(rho, step);
    }
  }
  return out;
}

/**
 * Rescales each connected component of `sub` about its centroid to one node density (root-mean-
 * square radius spacing·mean size·√(n/2π), i.e. a disc of n cells of that spacing; the mean size
 * of the component's nodes when bigger than the view's) and packs the
 * components around the biggest. Reads and writes the `x`, `y` node attributes of `sub`. `name`
 * gives a node's name in the whole graph (sub-networks use short keys), for tie-breaks; `links`
 * says which edges join components (default every edge).
 */
export function packComponents(
  sub: Graph,
  opts: PackOptions = PACK_DEFAULTS,
  name?: (key: string) => string,
  links: Links = everyEdge,
): void {
  if (sub.order < 2) return;
  let sizeSum = 0;
  sub.forEachNode((_n, a) => {
    sizeSum += typeof a.size === "number" ? a.size : 1;
  });
  const unit = opts.spacing * Math.max(1e-6, sizeSum / sub.order);
  const comps = components(sub, name, links);
  const shapes = comps.map((members) => {
    const xs = new Float64Array(members.length);
    const ys = new Float64Array(members.length);
    let sizes = 0;
    members.forEach((n, i) => {
      const a = sub.getNodeAttributes(n);
      xs[i] = a.x as number;
      ys[i] = a.y as number;
      sizes += typeof a.size === "number" ? a.size : 1;
    });
    // Centre and spread by medians: a few nodes hanging far out on one edge (ForceAtlas2 leaves
    // some) must not move them. Distances beyond `reach`·median are compressed logarithmically
    // (order kept), or those nodes would set the component's radius and leave an empty ring
    // around its body.
    const cx = median(xs);
    const cy = median(ys);
    const ds = Float64Array.from(xs, (x, i) => Math.hypot(x - cx, ys[i] - cy));
    const cap = opts.reach * median(ds);
    let far = 0;
    let sq = 0;
    for (let i = 0; i < members.length; i++) {
      const d = ds[i];
      if (d > cap && cap > 0) {
        const k = (cap * (1 + 0.25 * Math.log(d / cap))) / d;
        xs[i] = cx + (xs[i] - cx) * k;
        ys[i] = cy + (ys[i] - cy) * k;
        far = Math.max(far, d * k);
        sq += (d * k) ** 2;
      } else {
        far = Math.max(far, d);
        sq += d * d;
      }
    }
    const rms = Math.sqrt(sq / members.length);
    // big nodes (a prolific author, a central paper) need more room than the view's mean
    const own = Math.max(unit, opts.spacing * (sizes / members.length));
    const want = own * Math.sqrt(members.length / (2 * Math.PI));
    const scale = rms > 0 ? want / rms : 0;
    const r = far * scale;
    return { xs, ys, cx, cy, scale, r: r + own / 2 + (unit * opts.gap) / 2 };
  });
  const centres = packCircles(shapes.map((s) => s.r));
  comps.forEach((members, i) => {
    const { xs, ys, cx, cy, scale } = shapes[i];
    const at = centres[i];
    members.forEach((n, j) => {
      sub.mergeNodeAttributes(n, {
        x: at.x + (xs[j] - cx) * scale,
        y: at.y + (ys[j] - cy) * scale,
      });
    });
  });
}
