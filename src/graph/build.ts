// Typed graph from extracted papers: nodes and edges per src/graph/schema.ts, then similarity,
// communities, layout and sizes. Same papers (in any order) and options → the same graph.

import Graph from "graphology";
import { compareStrings as byString } from "../common/compare.ts";
import type { ExtractedPaper } from "../extract/types.ts";
import { resolveAuthors, slotKey } from "./authors.ts";
import { communityCards } from "./cards.ts";
import { paperCitations } from "./citation-signals.ts";
import { type CitationSource, citationItems } from "./citations.ts";
import { coauthorPairs } from "./coauthors.ts";
import { assignCommunities } from "./communities.ts";
import { hasAttributes } from "./evidence.ts";
import { isFrontMatter } from "./front-matter.ts";
import { assignLayouts } from "./layout.ts";
import { INCREMENTAL_DEFAULTS, type LayoutSnapshot, type View } from "./layout-incremental.ts";
import { type GraphOptions, type GraphOptionsInput, resolveOptions } from "./options.ts";
import { type CommunityCard, edgeKey, type GraphMeta } from "./schema.ts";
// Attributes are stored canonical (keys sorted, numbers rounded, no undefined), so that
// serialize shares them instead of copying or even walking them (BuiltGraph.canonicalAttributes):
// nodes through roundDeep, edges (160k on 6,318 papers) written in that form directly;
// test/graph.test.ts checks that roundDeep leaves every one of them as it is.
import { roundDeep as canonical, type GraphContent } from "./serialize.ts";
import {
  forEachSimilar,
  internItems,
  type PaperNetwork,
  paperItems,
  runHere,
  type SimilarityRunner,
} from "./similarity.ts";
import { linkedNetwork, type Networks, type SubNetwork, subNetwork } from "./subnetwork.ts";
import { type TextSource, textVectors } from "./text/vectors.ts";

/**
 * What buildGraph returns: `graph` (graphology, type "mixed") holds every node and edge, as a
 * loaded graph does (directed authored, has, is-a, cites; undirected coauthor, similar), beside
 * the resolved options, the community cards and the incremental info.
 */
export interface BuiltGraph extends GraphContent {
  /** The resolved options the graph was built with (recorded in meta.options). */
  readonly options: GraphOptions;
  /** The network paper communities were found on (SimilarityOptions.communityWeights). */
  readonly communityNetwork: CommunityNetwork;
  /** The community cards of the knowledge graph / paper map (meta.communities). */
  readonly communities: CommunityCard[];
  /** The collaboration communities (meta.collabCommunities). */
  readonly collabCommunities: GraphMeta["collabCommunities"];
  /** Every attribute object is stored canonical: serialize shares them as they are. */
  readonly canonicalAttributes: true;
  /**
   * With BuildHooks.previousLayout: the views whose known positions were kept (the others were
   * laid out in full) and whether papers' and authors' communities were kept. Absent otherwise.
   */
  readonly incremental?: { views: View[]; communities: ("papers" | "authors")[] };
}

/** Paper node keys, and the community network's pairs of indices into them with weights. */
export interface CommunityNetwork extends PaperNetwork {
  papers: string[];
}

/** The community network over the graph's papers, in graph order (as Louvain takes it). */
export function communityNetworkOf(
  built: Pick<BuiltGraph, "graph" | "communityNetwork">,
): SubNetwork {
  const { papers, pairs, weights } = built.communityNetwork;
  return linkedNetwork(
    built.graph.filterNodes((_, a) => a.type === "paper"),
    (link) => {
      for (let e = 0; e < weights.length; e++)
        link(papers[pairs[2 * e]], papers[pairs[2 * e + 1]], weights[e]);
    },
  );
}

export interface BuildHooks {
  /**
   * Called after each step (similarity-input: text vectors and items; nodes, edges, similarity:
   * the result picked up and named; communities, layout, cards) with its wall ms.
   */
  onStep?: (step: string, ms: number) => void;
  /**
   * The previous build's positions (layoutSnapshot): views whose nodes are mostly known keep
   * them and place only the new nodes. BuiltGraph.incremental lists those views.
   */
  previousLayout?: LayoutSnapshot;
  /**
   * Where the paper similarity is computed (default here, in the similarity step): it is handed
   * its input before the nodes and edges are added and asked for the result after them, so a
   * runner in another thread overlaps with that work (src/graph/similarity-thread.ts).
   */
  similarity?: SimilarityRunner;
  /**
   * Each paper's citation links, for the citation signal of the relatedness score (citations.ts);
   * default: the references the records carry, resolved to the papers of the set
   * (`paperCitations` in citation-signals.ts).
   */
  citations?: CitationSource;
  /**
   * Where the text vectors of the papers come from (default: built here, in the similarity-input
   * step); src/graph/similarity-thread.ts gives the ones its worker built during extraction.
   */
  textVectors?: TextSource;
}

/** Stable order whatever the input order: by id, then title, then sources; entities by id. */
function canonicalPapers(papers: ExtractedPaper[]): ExtractedPaper[] {
  const sorted = [...papers].sort(
    (a, b) =>
      byString(a.id, b.id) ||
      byString(a.title, b.title) ||
      byString(JSON.stringify(a.sources), JSON.stringify(b.sources)),
  );
  // Entities sorted by id too: edge insertion order feeds float sums in the layouts.
  return sorted
    .filter((p, i) => i === 0 || sorted[i - 1].id !== p.id)
    .map((p) => ({ ...p, entities: [...p.entities].sort((a, b) => byString(a.id, b.id)) }));
}

export const paperNode = (id: string) => `paper:${id}`;
export const authorNode = (key: string) => `author:${key}`;

/** A paper's venue as a similarity item (folded, so "AAAI" and "aaai" are one venue). */
const venueItem = (venue: string) => ({
  node: `venue:${venue.toLowerCase().replace(/\s+/g, " ").trim()}`,
  kind: "venue",
  label: venue,
  factor: 1,
});

const labelFromId = (id: string) => id.slice(id.indexOf(":") + 1).replace(/-/g, " ");

/** Build the litgraph graph: every node and edge in graphology, the cards and options (BuiltGraph). */
export function buildGraph(
  input: ExtractedPaper[],
  optsIn: GraphOptionsInput = {},
  hooks: BuildHooks = {},
): BuiltGraph {
  let t = performance.now();
  const step = (name: string) => {
    const now = performance.now();
    hooks.onStep?.(name, now - t);
    t = now;
  };
  const opts = resolveOptions(optsIn);
  const papers = canonicalPapers(input);
  const graph = new Graph({ type: "mixed", multi: false, allowSelfLoops: false });
  const identity = resolveAuthors(
    papers.map((p) => p.authors),
    opts.authors,
  );

  // Concepts: label, aliases, type, papers, relevance, parents.
  interface Concept {
    type: string;
    label: string;
    aliases: Set<string>;
    papers: number;
    relevance: number[];
    parents: Set<string>;
  }
  const concepts = new Map<string, Concept>();
  for (const p of papers) {
    for (const e of p.entities) {
      let c = concepts.get(e.id);
      if (!c) {
        c = {
          type: e.type,
          label: e.label,
          aliases: new Set(),
          papers: 0,
          relevance: [],
          parents: new Set(),
        };
        concepts.set(e.id, c);
      }
      c.papers++;
      for (const a of e.aliases ?? []) if (a !== e.label) c.aliases.add(a);
      if (e.relevance !== undefined) c.relevance.push(e.relevance);
      for (const parent of e.parents ?? []) if (parent !== e.id) c.parents.add(parent);
    }
  }
  for (const c of [...concepts.values()]) {
    for (const parent of c.parents) {
      if (!concepts.has(parent)) {
        const type = parent.slice(0, parent.indexOf(":"));
        concepts.set(parent, {
          type,
          label: labelFromId(parent),
          aliases: new Set(),
          papers: 0,
          relevance: [],
          parents: new Set(),
        });
      }
    }
  }
  const labelOf = (node: string) => concepts.get(node)?.label ?? labelFromId(node);
  // Node keys made once, each string then used for its node and every edge at it (a string
  // made again per edge is hashed again where graphology looks it up).
  const paperKeys = papers.map((p) => paperNode(p.id));
  const authorKeys = new Map<string, string>();
  const authorKey = (root: string) => {
    let key = authorKeys.get(root);
    if (key === undefined) {
      key = authorNode(root);
      authorKeys.set(root, key);
    }
    return key;
  };
  const rootsOf = papers.map((p) =>
    p.authors.map((a) => identity.rootOf.get(slotKey(a)) as string),
  );
  const authorKeysOf = rootsOf.map((roots) => roots.map(authorKey));

  // Similarity input first, so that a runner in another thread works while the nodes and
  // edges go in.
  const citations = paperCitations(papers);
  const cited = citationItems(papers, hooks.citations ?? citations.source);
  const similarItems = papers.map((p, i) => {
    const items = paperItems(
      [...new Set(rootsOf[i])].map((r) => ({
        node: authorKey(r),
        label: identity.roots.get(r)?.label ?? r,
      })),
      p.entities,
      labelOf,
      opts.similarity,
    );
    if (p.venue) items.push(venueItem(p.venue));
    items.push(...cited[i]);
    return items.sort((x, y) => byString(x.node, y.node));
  });
  const text = (hooks.textVectors ?? textVectors)(papers, opts.similarity.text);
  const similarResult = (hooks.similarity ?? runHere)(
    internItems(similarItems, text),
    opts.similarity,
  );
  step("similarity-input");

  // Attribute objects are written as literals with their keys in sorted order: roundDeep then
  // returns them as they are instead of copying them key by key (a paper's 20 keys added one by
  // one also made a slow dictionary-mode object of each).
  papers.forEach((p, i) => {
    graph.addNode(
      paperKeys[i],
      canonical({
        abstract: p.abstract,
        arxivId: p.arxivId,
        authors: p.authors.map((a) => a.name),
        category: p.category,
        community: -1,
        date: p.date?.iso ?? null,
        doi: p.doi,
        label: p.title,
        links: p.links,
        mapX: 0,
        mapY: 0,
        paperId: p.id,
        size: 1,
        tags: p.tags,
        title: p.title,
        type: "paper",
        venue: p.venue,
        x: 0,
        y: 0,
        year: p.date ? Number(p.date.iso.slice(0, 4)) : null,
      }),
    );
  });
  const authorPapers = new Map<string, string[]>();
  papers.forEach((p, i) => {
    for (const root of rootsOf[i]) {
      const list = authorPapers.get(root) ?? [];
      if (list[list.length - 1] !== p.id) list.push(p.id);
      authorPapers.set(root, list);
    }
  });
  for (const [root, info] of identity.roots) {
    graph.addNode(
      authorKey(root),
      canonical({
        collabCommunity: -1,
        collabX: 0,
        collabY: 0,
        community: -1,
        label: info.label,
        paperCount: authorPapers.get(root)?.length ?? 0,
        size: 1,
        type: "author",
        variants: info.variants,
        x: 0,
        y: 0,
      }),
    );
  }
  for (const [id, c] of [...concepts].sort((a, b) => byString(a[0], b[0]))) {
    const aliases = [...c.aliases].sort();
    // A loop, not Math.max(...): a concept in 200k papers would overflow the call stack.
    const relevance = c.relevance.length ? c.relevance.reduce((m, r) => Math.max(m, r)) : undefined;
    const attrs =
      relevance === undefined
        ? {
            aliases,
            community: -1,
            label: c.label,
            paperCount: c.papers,
            size: 1,
            type: c.type,
            x: 0,
            y: 0,
          }
        : {
            aliases,
            community: -1,
            label: c.label,
            paperCount: c.papers,
            relevance,
            size: 1,
            type: c.type,
            x: 0,
            y: 0,
          };
    graph.addNode(id, canonical(attrs));
  }

  step("nodes");
  // authored, has
  // Two name variants of one author, or one entity listed twice, give one edge: the first. A
  // set per paper, not graph.hasEdge: a lookup among millions of edge keys at 100k papers.
  const linked = new Set<string>();
  papers.forEach((p, n) => {
    const pk = paperKeys[n];
    linked.clear();
    authorKeysOf[n].forEach((ak, i) => {
      if (linked.has(ak)) return;
      linked.add(ak);
      graph.addDirectedEdgeWithKey(edgeKey("authored", pk, ak), pk, ak, {
        position: i + 1,
        type: "authored",
        weight: 1,
      });
    });
    for (const e of p.entities) {
      if (linked.has(e.id)) continue;
      linked.add(e.id);
      const key = edgeKey("has", pk, e.id);
      graph.addDirectedEdgeWithKey(key, pk, e.id, hasAttributes(e, p, opts.evidence.maxMentions));
    }
  });
  // is-a
  for (const [id, c] of [...concepts].sort((a, b) => byString(a[0], b[0]))) {
    for (const parent of [...c.parents].sort()) {
      graph.addDirectedEdgeWithKey(edgeKey("is-a", id, parent), id, parent, {
        type: "is-a",
        weight: 1,
      });
    }
  }
  // cites: papers of the set that cite each other (works outside the set are not nodes)
  for (const c of citations.cites) {
    const [s, t] = [paperKeys[c.source], paperKeys[c.target]];
    graph.addDirectedEdgeWithKey(edgeKey("cites", s, t), s, t, { type: "cites", weight: 1 });
  }
  // coauthor: pairs in the order of their keys
  coauthorPairs(
    papers.flatMap((p, i) =>
      isFrontMatter(p) ? [] : [{ node: paperKeys[i], authors: authorKeysOf[i] }],
    ),
    opts.authors.maxCoauthors,
    (s, t, attributes) =>
      graph.addUndirectedEdgeWithKey(edgeKey("coauthor", s, t, true), s, t, attributes),
  );
  step("edges");
  // similar: each edge's attributes made once, as graphology keeps them
  const similarOut = similarResult();
  const ids = papers.map((p) => p.id);
  forEachSimilar(similarItems, similarOut, text, ids, (a, b, weight, breakdown) => {
    const [s, t] = [paperKeys[a], paperKeys[b]];
    graph.addUndirectedEdgeWithKey(edgeKey("similar", s, t, true), s, t, {
      breakdown,
      type: "similar",
      weight,
    });
  });
  step("similarity");
  // Built once when first needed, used by Louvain and by the paper-map and collaboration layouts
  // (an incremental rebuild that keeps communities and positions needs neither).
  const lazyNet = (type: string, edgeType: string) => {
    let net: SubNetwork | undefined;
    return () => {
      net ??= subNetwork(
        graph,
        graph.filterNodes((_, a) => a.type === type),
        new Set([edgeType]),
      );
      return net;
    };
  };
  const communityNetwork: CommunityNetwork = {
    papers: paperKeys,
    ...similarOut.network,
  };
  const nets: Networks = {
    papers: lazyNet("paper", "similar"),
    // Asked for once, by Louvain, and not kept: the layouts that follow build the similar one.
    communities: () => communityNetworkOf({ graph, communityNetwork }),
    authors: lazyNet("author", "coauthor"),
  };
  const kept = assignCommunities(graph, opts.communities, nets, hooks.previousLayout);
  step("communities");
  const reused = assignLayouts(
    graph,
    opts.layout,
    hooks.previousLayout,
    INCREMENTAL_DEFAULTS,
    nets,
  );
  step("layout");
  const paperIndex = new Map(paperKeys.map((k, i) => [k, i]));
  const { communities, collabCommunities } = communityCards(graph, opts.communities, {
    labels: text.labels,
    termsOf: (node) => {
      const i = paperIndex.get(node);
      return i === undefined ? undefined : text.ids[i];
    },
  });
  step("cards");
  return {
    graph,
    options: opts,
    communityNetwork,
    communities,
    collabCommunities,
    ...(citations.citedOutside.length ? { citedOutside: citations.citedOutside } : {}),
    canonicalAttributes: true,
    ...(hooks.previousLayout ? { incremental: { views: reused, communities: kept } } : {}),
  };
}
