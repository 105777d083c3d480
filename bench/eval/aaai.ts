// AAAI 2022 (papercopilot/paperlists, 1,319 papers with their conference `primary_area`; "X I",
// "X II", "X III" merged into 16 areas): litgraph's communities and related papers against the
// areas, beside the TF-IDF peer (peer.ts) computed in the same run. The papers are split into
// two fixed halves by a hash of their title: weights are tuned on "tune" only, "check" shows
// whether a change generalises.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { extractPapersParallel } from "../../src/extract/parallel.ts";
import type { ExtractedPaper } from "../../src/extract/types.ts";
import { louvainOn } from "../../src/graph/communities.ts";
import {
  type BuiltGraph,
  buildGraph,
  communityNetworkOf,
  type GraphOptionsInput,
  related,
} from "../../src/graph/index.ts";
import { ingestPaths } from "../../src/ingest/files.ts";
import { nmi, precisionAt } from "./metrics.ts";
import { knnLouvain, tfidfNeighbours } from "./peer.ts";
import type { EvalRow } from "./types.ts";

export const AAAI_FILE = "paperlists/aaai2022.json";
const K = 5;
const HALVES: Half[] = ["tune", "check", "all"];

export type Half = "tune" | "check" | "all";
export const titleKey = (t: string) =>
  t
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
/** The fixed half of a paper: the low bit of the first byte of sha256(title key). */
export const halfOf = (title: string): Half =>
  createHash("sha256").update(titleKey(title)).digest()[0] & 1 ? "check" : "tune";
/** "Computer Vision II" → "Computer Vision". */
export const mergeArea = (area: string) => area.replace(/\s+(I|II|III)$/, "");

export interface Aaai {
  papers: ExtractedPaper[];
  /** Area by title key (titles held by two papers of different areas are left out). */
  areas: Map<string, string>;
}

/** Read, extract and label the AAAI papers. */
export async function loadAaai(corporaDir: string): Promise<Aaai> {
  const file = join(corporaDir, AAAI_FILE);
  const raw = JSON.parse(readFileSync(file, "utf8")) as { title: string; primary_area?: string }[];
  const areas = new Map<string, string>();
  const clash = new Set<string>();
  for (const [i, p] of raw.entries()) {
    if (!p.primary_area) throw new Error(`eval/aaai: ${file}: entry ${i}: no primary_area`);
    const k = titleKey(p.title);
    const area = mergeArea(p.primary_area);
    if (areas.has(k) && areas.get(k) !== area) clash.add(k);
    areas.set(k, area);
  }
  for (const k of clash) areas.delete(k);
  const ingest = await ingestPaths([file], { asOf: new Date("2022-12-31") });
  const papers = await extractPapersParallel(ingest.papers, {});
  return { papers, areas };
}

export interface Scores {
  nmi: Record<Half, number>;
  p5: Record<Half, number>;
  /** Labelled papers with no related paper at all. */
  noRelated: number;
  labelled: number;
  /** Communities (of 2+ papers) among the labelled papers. */
  communities: number;
}

interface Labelled {
  title: string;
  area: string;
  half: Half;
  community: string;
  answers: string[];
}

function score(items: Labelled[]): Scores {
  const halves: Half[] = ["tune", "check", "all"];
  const of = (h: Half) => (h === "all" ? items : items.filter((x) => x.half === h));
  const nmiOf = (xs: Labelled[]) =>
    nmi(
      xs.map((x) => x.area),
      xs.map((x) => x.community),
    );
  return {
    nmi: Object.fromEntries(halves.map((h) => [h, nmiOf(of(h))])) as Record<Half, number>,
    p5: Object.fromEntries(
      halves.map((h) => [
        h,
        precisionAt(
          K,
          of(h).map((x) => ({ label: x.area, answers: x.answers })),
        ),
      ]),
    ) as Record<Half, number>,
    noRelated: items.filter((x) => x.answers.length === 0).length,
    labelled: items.length,
    communities: new Set(items.filter((x) => x.community.startsWith("c")).map((x) => x.community))
      .size,
  };
}

/** litgraph's communities and related papers (top 5) against the areas. */
export function scoreGraph(
  built: BuiltGraph,
  areas: Map<string, string>,
  communityOf: (node: string) => number = (node) => built.graph.getNodeAttribute(node, "community"),
): Scores {
  const { graph } = built;
  const items: Labelled[] = [];
  const areaOfNode = (node: string) => areas.get(titleKey(graph.getNodeAttribute(node, "title")));
  graph.forEachNode((node, a) => {
    if (a.type !== "paper") return;
    const area = areaOfNode(node);
    if (!area) return;
    items.push({
      title: a.title,
      area,
      half: halfOf(a.title),
      community: communityOf(node) >= 0 ? `c${communityOf(node)}` : `solo:${node}`,
      answers: related(built, node, K).map((r) => areaOfNode(r.node) ?? "?"),
    });
  });
  return score(items);
}

/** Louvain seeds of the NMI figures: one seed moves NMI by about ±0.02, so the mean of five. */
export const SEEDS = process.env.EVAL_SEEDS
  ? Array.from({ length: Number(process.env.EVAL_SEEDS) }, (_, i) => i + 1)
  : [1, 2, 3, 4, 5];
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Scores with the NMI of each half the mean over SEEDS of scores(seed). */
function meanNmi(scores: (seed: number) => Scores): Scores {
  const runs = SEEDS.map(scores);
  const nmiOf = (h: Half) => mean(runs.map((r) => r.nmi[h]));
  return {
    ...runs[0],
    nmi: { tune: nmiOf("tune"), check: nmiOf("check"), all: nmiOf("all") },
    communities: mean(runs.map((r) => r.communities)),
  };
}

/** scoreGraph with its NMI the mean over Louvain seeds (the graph's other community options). */
export function scoreGraphSeeds(built: BuiltGraph, areas: Map<string, string>): Scores {
  const papers = built.graph.filterNodes((_, a) => a.type === "paper");
  const opts = built.options.communities;
  const net = communityNetworkOf(built);
  return meanNmi((seed) => {
    const c = louvainOn(built.graph, papers, "similar", { ...opts, seed }, net);
    return scoreGraph(built, areas, (node) => c.get(node) ?? -1);
  });
}

/** The TF-IDF peer on the same papers (NMI: the mean over SEEDS). */
export function scorePeer(data: Aaai, resolution = 1): Scores {
  const neighbours = tfidfNeighbours(data.papers, 15);
  return meanNmi((seed) => scorePeerSeed(data, neighbours, seed, resolution));
}

function scorePeerSeed(
  data: Aaai,
  neighbours: { j: number; w: number }[][],
  seed: number,
  resolution: number,
): Scores {
  const docs = data.papers;
  const parts = knnLouvain(neighbours, seed, resolution);
  const items: Labelled[] = [];
  docs.forEach((p, i) => {
    const area = data.areas.get(titleKey(p.title));
    if (!area) return;
    items.push({
      title: p.title,
      area,
      half: halfOf(p.title),
      community: `c${parts[i]}`,
      answers: neighbours[i]
        .slice(0, K)
        .map(({ j }) => data.areas.get(titleKey(docs[j].title)) ?? "?"),
    });
  });
  return score(items);
}

/** Build litgraph's graph of the papers with the given options (layout included, as the CLI). */
export function buildAaai(data: Aaai, opts: GraphOptionsInput = {}): BuiltGraph {
  return buildGraph(data.papers, opts);
}

/** The AAAI rows of the eval table. */
/** Resolutions tried for the peer at litgraph's number of communities. */
const PEER_RESOLUTIONS = [1, 1.5, 2, 2.5, 3];

export function evalAaai(data: Aaai): EvalRow[] {
  const lit = scoreGraphSeeds(buildAaai(data), data.areas);
  const peer = scorePeer(data);
  const rows: EvalRow[] = [];
  for (const half of HALVES) {
    rows.push({
      section: "communities",
      metric: "NMI vs areas",
      corpus: half === "all" ? "aaai2022" : `aaai2022 ${half} half`,
      litgraph: lit.nmi[half],
      peer: peer.nmi[half],
      peerName: "TF-IDF kNN15 + Louvain",
      note: `mean of Louvain seeds ${SEEDS.join(",")}${half === "all" ? `; ${lit.communities} vs ${peer.communities} communities` : ""}`,
    });
  }
  // NMI rises with the number of communities: the peer again at the Louvain resolution (of
  // PEER_RESOLUTIONS) whose number of communities is nearest litgraph's.
  const matched = PEER_RESOLUTIONS.map((r) => ({ r, s: r === 1 ? peer : scorePeer(data, r) })).sort(
    (a, b) =>
      Math.abs(a.s.communities - lit.communities) - Math.abs(b.s.communities - lit.communities) ||
      a.r - b.r,
  )[0];
  rows.push({
    section: "communities",
    metric: "NMI vs areas, peer at as many communities",
    corpus: "aaai2022",
    litgraph: lit.nmi.all,
    peer: matched.s.nmi.all,
    peerName: `TF-IDF kNN15 + Louvain at resolution ${matched.r}`,
    note: `${lit.communities} vs ${matched.s.communities} communities (check half: ${matched.s.nmi.check.toFixed(4)})`,
  });
  for (const half of HALVES) {
    rows.push({
      section: "related",
      metric: "P@5 same area",
      corpus: half === "all" ? "aaai2022" : `aaai2022 ${half} half`,
      litgraph: lit.p5[half],
      peer: peer.p5[half],
      peerName: "TF-IDF cosine top 5",
    });
  }
  rows.push({
    section: "related",
    metric: "papers with none",
    corpus: "aaai2022",
    litgraph: lit.noRelated,
    peer: peer.noRelated,
    peerName: "TF-IDF cosine top 5",
    note: `of ${lit.labelled} labelled papers`,
  });
  return rows;
}
