// Louvain communities (seeded) on the papers' community network (build.ts; the similar edges
// when none is given) and the co-authorship network.
import type Graph from "graphology";
import louvain from "graphology-communities-louvain";
import { createRng } from "../common/rng.ts";
import {
  assignIncrementally,
  type LayoutSnapshot,
  snapshotCommunities,
} from "./layout-incremental.ts";
import type { CommunityOptions } from "./options.ts";
import { type Networks, type SubNetwork, subKey, subNetwork } from "./subnetwork.ts";

/**
 * Louvain on the sub-network of `nodes` linked by edges of `edgeType`; communities renumbered
 * by size (largest 0), ties by smallest member key; those under minSize get -1.
 */
export function louvainOn(
  graph: Graph,
  nodes: string[],
  edgeType: string,
  opts: CommunityOptions,
  net: SubNetwork = subNetwork(graph, nodes, new Set([edgeType])),
): Map<string, number> {
  const sub = net.graph;
  const raw = sub.size > 0 ? consensusLouvain(sub, opts) : {};
  const groups = new Map<number, string[]>();
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i];
    const c = raw[subKey(i)];
    if (c === undefined) continue;
    {
      const list = groups.get(c);
      if (list) list.push(n);
      else groups.set(c, [n]);
    }
  }
  const ordered = [...groups.values()]
    .filter((g) => g.length >= opts.minSize)
    .map((g) => g.sort())
    .sort((a, b) => b.length - a.length || (a[0] < b[0] ? -1 : 1));
  const out = new Map<string, number>(nodes.map((n) => [n, -1]));
  ordered.forEach((g, id) => {
    for (const n of g) out.set(n, id);
  });
  return out;
}

/** One seeded Louvain run on `graph`'s weighted edges. */
function louvainRun(
  graph: Graph,
  opts: CommunityOptions,
  seed: number,
  resolution = opts.resolution,
): Record<string, number> {
  return louvain(graph, {
    resolution,
    rng: createRng(seed),
    getEdgeWeight: "weight",
  });
}

/**
 * Consensus clustering (Lancichinetti & Fortunato 2012) on the network's own edges: Louvain runs
 * `consensusRuns` times with seeds seed, seed+1, …; each edge then weighs its original weight
 * times the share of runs that put its two ends together, edges under `consensusThreshold`
 * dropped; a last Louvain (seed `seed`) on those weights gives the communities. One run, or a
 * network of more than `consensusMaxNodes` nodes, is plain Louvain. Louvain's answer moves with
 * its seed; what most runs agree on is what the data says.
 */
function consensusLouvain(sub: Graph, opts: CommunityOptions): Record<string, number> {
  if (opts.consensusRuns <= 1 || sub.order > opts.consensusMaxNodes)
    return louvainRun(sub, opts, opts.seed);
  const runs: Record<string, number>[] = [];
  for (let r = 0; r < opts.consensusRuns; r++)
    runs.push(louvainRun(sub, opts, opts.seed + r, runResolution(opts, r)));
  const agreement = new Map<string, number>();
  sub.forEachEdge((e, _a, s, t) => {
    let same = 0;
    for (const run of runs) if (run[s] === run[t]) same++;
    agreement.set(e, same / runs.length);
  });
  const consensus = sub.copy();
  consensus.forEachEdge((e, a) => {
    const share = agreement.get(e) ?? 0;
    if (share < opts.consensusThreshold) consensus.dropEdge(e);
    else consensus.setEdgeAttribute(e, "weight", (a.weight as number) * share);
  });
  return louvainRun(consensus, opts, opts.seed);
}

/** The resolution of consensus run `r`: evenly over resolution × [1 − spread, 1 + spread]. */
export function runResolution(opts: CommunityOptions, r: number): number {
  if (opts.consensusSpread === 0 || opts.consensusRuns <= 1) return opts.resolution;
  const t = r / (opts.consensusRuns - 1);
  return opts.resolution * (1 - opts.consensusSpread + 2 * opts.consensusSpread * t);
}

/** The list of `key` in `map`, added empty when absent. */
function listIn<T>(map: Map<string, T[]>, key: string): T[] {
  const list = map.get(key) ?? [];
  map.set(key, list);
  return list;
}

/** The most common community among `of`, ties to the smallest id; -1 when none. */
function majority(of: number[]): number {
  const counts = new Map<number, number>();
  for (const c of of) if (c >= 0) counts.set(c, (counts.get(c) ?? 0) + 1);
  let best = -1;
  let bestCount = 0;
  for (const [c, n] of counts)
    if (n > bestCount || (n === bestCount && c < best)) [best, bestCount] = [c, n];
  return best;
}

/**
 * Sets `community` on every node (papers from Louvain; authors and concepts take the community
 * of most of their papers) and `collabCommunity` on authors. With a `previous` build's snapshot
 * of the same community options, papers and authors keep their communities when most of them are
 * known, and new ones join their neighbours' (assignIncrementally) instead of a new Louvain run.
 * Returns which of "papers" and "authors" were assigned that way.
 */
export function assignCommunities(
  graph: Graph,
  opts: CommunityOptions,
  nets: Networks = {},
  previous?: LayoutSnapshot,
): ("papers" | "authors")[] {
  const reuse =
    previous && previous.communityOptions === JSON.stringify(opts) ? previous : undefined;
  const kept: ("papers" | "authors")[] = [];
  const papers = graph.filterNodes((_, a) => a.type === "paper");
  const similar = new Set(["similar"]);
  const paperKnown = reuse && snapshotCommunities(reuse, "community");
  const incremental = paperKnown && assignIncrementally(graph, papers, similar, paperKnown);
  if (incremental) kept.push("papers");
  const paperCommunity =
    incremental || louvainOn(graph, papers, "similar", opts, (nets.communities ?? nets.papers)?.());
  for (const [n, c] of paperCommunity) graph.setNodeAttribute(n, "community", c);
  // One walk over the directed edges, not each node's in-neighbours: a node's neighbour object
  // takes a for-in (and an enumeration cache) per node, 4 µs a neighbour on 30k nodes.
  const own = new Map<string, number[]>();
  const children = new Map<string, string[]>();
  graph.forEachDirectedEdge((_e, _a, s, t, sa) => {
    if (sa.type === "paper") listIn(own, t).push(paperCommunity.get(s) ?? -1);
    else listIn(children, t).push(s);
  });
  graph.forEachNode((n, a) => {
    if (a.type === "paper") return;
    let mine = own.get(n) ?? [];
    // Parent concepts with no papers of their own: the majority of their children's papers.
    if (mine.length === 0 && a.type !== "author")
      mine = (children.get(n) ?? []).flatMap((child) => own.get(child) ?? []);
    graph.setNodeAttribute(n, "community", majority(mine));
  });
  const authors = graph.filterNodes((_, a) => a.type === "author");
  const collabKnown = reuse && snapshotCommunities(reuse, "collabCommunity");
  const collabKept =
    collabKnown && assignIncrementally(graph, authors, new Set(["coauthor"]), collabKnown);
  if (collabKept) kept.push("authors");
  const collab = collabKept || louvainOn(graph, authors, "coauthor", opts, nets.authors?.());
  for (const [n, c] of collab) graph.setNodeAttribute(n, "collabCommunity", c);
  return kept;
}
