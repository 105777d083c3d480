// Options of the graph stage, with their documented defaults.

import { VERSION } from "../common/version.ts";
import { IDENTITY_DEFAULTS, type IdentityOptions } from "./authors.ts";
import { TEXT_DEFAULTS, type TextOptions } from "./text/vectors.ts";

/** The version graph.json's meta names (package.json's). */
export const LITGRAPH_VERSION = VERSION;

/** Weight of each signal in the hybrid relatedness score (see SimilarityOptions.weights). */
export interface SignalWeights {
  /** TF-IDF cosine of title + abstract words. */
  text: number;
  /** Cosine of the extracted entities (typed concepts and topics), weighted by type. */
  entities: number;
  /** Cosine of the (resolved) authors. */
  authors: number;
  /** Same venue (a venue held by at most maxDfRatio of the papers). */
  venue: number;
  /** Cosine of citation links: shared references, co-citation, direct citation (BuildHooks.citations). */
  citations: number;
}

export interface SimilarityOptions {
  /**
   * The hybrid score of two papers is Σ weight · cosine over the signals, each signal a sparse
   * vector per paper with idf log((N+1)/df) (src/graph/similarity.ts). Text dominates: it is
   * the one signal every paper has. Defaults: text 1; entities 0.2 (chosen on the tune half of
   * AAAI 2022 among 0, 0.1, 0.15, 0.2, 0.3, 0.6: docs/quality.md); authors 0.35 (the tune half
   * is flat from 0.15 to 0.35 and worse at 0.4; 0.35 is the smallest that keeps the seed gold,
   * where two papers of the same team outrank one sharing a generic method); venue 0.05 (a
   * tie-breaker for papers without abstract); citations 0.5 (not tuned: the labelled corpora of
   * docs/quality.md carry no references).
   */
  weights: SignalWeights;
  /**
   * Weights of the network paper communities are found on (communities.ts): each paper's top
   * communityTopK by this score, found in the same walk as its related papers. Defaults: text 1,
   * entities 0, authors 0.2, venue 0.05, citations 0.5. Entities rank related papers well
   * (AAAI 2022 P@5 0.555 with them, 0.540 without) but split areas: a method such as
   * reinforcement learning links game theory, planning and machine learning papers whose words
   * already tell them apart (NMI on the tune half 0.33 with entities 0.2, 0.37–0.38 with 0 or
   * 0.05; docs/quality.md). Authors 0.2, not 0.35 as for related papers: the tune half is flat
   * over 0.2–0.35, and at 0.35 a shared team outweighs the seed gold's shared modality.
   */
  communityWeights: SignalWeights;
  /** Text vectors: title words weight (default 2), minimum document frequency (default 2). */
  text: TextOptions;
  /** Text terms held by more than this share of papers are ignored (default 0.5). */
  textMaxDfRatio: number;
  /** Per entity type multiplier; topics (noun phrases) count less than ontology concepts. */
  typeWeights: Record<string, number>;
  /**
   * Multiplier of an is-a parent a paper holds only through a child (default 0: a generic
   * parent such as "transfer learning" shared by hundreds of papers links nothing).
   */
  parentWeight: number;
  /**
   * "cosine" (default): each signal's vector is divided by its length, so papers with many
   * entities or long abstracts do not dominate and each signal's part is at most its weight;
   * "none": raw sums of products.
   */
  normalise: "cosine" | "none";
  /** Keep the k strongest similar edges of each paper (default 15, as the kNN peer). */
  topK: number;
  /**
   * Each paper's strongest links kept in the community network (see communityWeights; default
   * 25). On the AAAI tune half (20 Louvain seeds) 15 / 25 gave NMI 0.373 / 0.377, with 27.7 /
   * 19.4 communities for 16 areas: fewer, larger regions on the map for the same agreement.
   */
  communityTopK: number;
  /** Ignore items other than text terms held by more than this share of papers (default 0.1)… */
  maxDfRatio: number;
  /** …but never ignore an item held by at most this many papers (default 10)… */
  minDfCap: number;
  /** …unless it is held by more than this share of papers (default 0.5). */
  hardMaxDfRatio: number;
  /**
   * Candidates of a paper come from walking the paper lists of its items, rarest first: an item
   * held by more papers than this is not walked (default 1,000)…
   */
  candidateMaxDf: number;
  /**
   * …and walking stops before the paper lists walked for one paper pass this many entries
   * (default 5,000), so the cost grows about linearly with papers. Items not walked still count
   * in the weight of the edges kept (not in the ranking).
   */
  candidateBudget: number;
  /**
   * Shared items named in an edge's breakdown (default 5): shared authors, entities, venues and
   * citations always, the strongest shared words up to this many items in all; the other words
   * are one "other" share.
   */
  maxReasons: number;
  /**
   * …but at least this many of the strongest shared words are named (default 3), however many
   * entities are: the text is most of an edge's weight, and "other (77%)" beside six shared
   * methods said nothing about it.
   */
  minWordReasons: number;
}

export interface CommunityOptions {
  /** Louvain resolution (default 1; higher gives more, smaller communities). */
  resolution: number;
  /** rng seed for Louvain (default 42). */
  seed: number;
  /** Communities with fewer papers get id -1 and no card (default 2). */
  minSize: number;
  /**
   * Louvain runs of the consensus clustering (default 10; 1 is plain Louvain; communities.ts).
   * On AAAI 2022 (docs/quality.md) consensus gives NMI 0.33 against plain Louvain's 0.31 and,
   * at the same number of communities (about 27), the TF-IDF peer's 0.31: the big communities
   * stay, and small coherent ones the runs agree on (belief revision, pose estimation, clinical
   * prediction) come out of them.
   */
  consensusRuns: number;
  /**
   * Edges that fewer than this share of the runs keep inside one community are dropped
   * (default 0.7; 0.5, 0.6, 0.7, 0.8 tried on the AAAI tune half: 0.36, 0.37, 0.39, 0.40, the
   * last with 46 communities for 16 areas).
   */
  consensusThreshold: number;
  /**
   * The consensus runs' resolutions spread evenly over resolution × [1 − spread, 1 + spread]
   * (default 0.3; 0 runs every one at `resolution`). What runs at nearby resolutions agree on
   * holds at more than one scale; the last Louvain runs at `resolution`. On the AAAI tune half
   * (docs/quality.md, 10 seeds) 0 / 0.3 / 0.5 gave NMI 0.362 / 0.367 / 0.366.
   */
  consensusSpread: number;
  /** Networks of more nodes get plain Louvain: the runs cost 10× (default 20,000). */
  consensusMaxNodes: number;
  /** Entities in a community label (default 2). */
  labelTerms: number;
  /**
   * Multipliers of an entity's score by type when choosing labels (a type not listed: 1). A
   * researcher names an area by its task or method ("object detection"), less by its data
   * ("images", "KITTI") or a noun phrase of its abstracts. Default topic, keyword, dataset and
   * model 0.5, modality 0.75 (0.5 put "pose estimation" before "video" on a video community of
   * AAAI 2022; 0.75 gives "point clouds · object detection" for "point clouds · KITTI").
   */
  labelTypeWeights: Readonly<Record<string, number>>;
  /** Entities held by more than this share of all papers are generic: labels avoid them (0.25). */
  labelMaxSpread: number;
  /** Labels prefer entities found in at least this share of the community's papers (0.1). */
  labelMinCoverage: number;
  /**
   * A second label term joins the first only when at least this share of the community's papers
   * holding the rarer of the two hold both (default 0.25): no two unrelated terms glued.
   */
  labelMinCooccurrence: number;
  /**
   * The community's most distinctive word names it instead of its best entity when the word is
   * this many times as distinctive (p_c · ln(p_c / p) for both; default 3). An entity fits
   * most areas ("stroke · coronary artery disease": the word "coronary" scores 2.6 times as
   * high), but not one where it is incidental ("neural network" in 22 of 142 papers on
   * consciousness, whose word "cognitive" is in 43 and scores 3.9 times as high).
   */
  labelWordOverEntity: number;
}

export interface LayoutOptions {
  /** ForceAtlas2 iterations for small graphs (default 150). */
  iterations: number;
  /** Node-iterations per view: bigger views get budget/order iterations (default 100,000). */
  budget: number;
  /** Never fewer iterations than this (default 3). */
  minIterations: number;
  /** Barnes-Hut above this many nodes (default 1,000). */
  barnesHutAbove: number;
  /** noverlap max iterations (default 50). */
  noverlapIterations: number;
  /** Skip noverlap on views with more nodes (default 5,000): it is quadratic in dense areas. */
  noverlapMaxNodes: number;
  /**
   * Views with more nodes (default 500) and no start positions are laid out by community:
   * the community graph gets a full ForceAtlas2 and members a disc around their community's
   * centre (layout-clusters.ts), instead of a few iterations of ForceAtlas2 on every node.
   * 500, not 2,000: the paper map's kNN network (15 neighbours a paper) has so many edges between
   * communities that ForceAtlas2 mixed the 14 communities of AAAI 2022's 1,319 papers into one
   * disc (looked at in headless Chromium), where the community layout gives each its region.
   */
  clusterLayoutAbove: number;
  /**
   * …and at most this many communities (default 300) in its connected components of at least
   * `clusterComponentMin` nodes. A view with more communities than that in all (the 1,431
   * collaboration groups of 17k authors, most of them one team on its own) lays out by community
   * only those big components (75 communities in the 11,715-author component of 6,318 papers);
   * the small ones are packed around them as they are. A community graph of more communities
   * needs many iterations to settle, and without them its groups end up as dots far apart.
   */
  clusterLayoutMaxCommunities: number;
  /** A connected component of at least this many nodes counts as big (default 500; see above). */
  clusterComponentMin: number;
  /**
   * A view of more nodes than this that starts from given positions (the knowledge graph, from
   * the paper map) keeps them, without ForceAtlas2 (default 100,000): at that size the budget
   * allows only minIterations, which take seconds each on millions of edges and barely move
   * the nodes (the 265k-node graph of 100k papers).
   */
  startOnlyAbove: number;
  /** rng seed for initial positions (default 7). */
  seed: number;
}

/**
 * Author identity (`spellings`, `evidence`, `thesaurus`: see IdentityOptions in authors.ts;
 * defaults "never", "name" and none, the best B-cubed F1 of docs/quality.md ("Author identity")) and the
 * collaboration network. Front matter (front-matter.ts) makes no co-author edges either.
 */
export interface AuthorOptions extends IdentityOptions {
  /**
   * Papers with more authors than this (consortium papers, a volume's front matter listing its
   * editors) add no co-authorship edges (default 25; `--max-coauthors`). Their authored edges
   * stay, so they remain in the knowledge graph.
   */
  maxCoauthors: number;
}

export interface EvidenceOptions {
  /** Mentions kept on each paper→concept `has` edge, strongest first (default 3). */
  maxMentions: number;
}

export interface GraphOptions {
  authors: AuthorOptions;
  evidence: EvidenceOptions;
  similarity: SimilarityOptions;
  communities: CommunityOptions;
  layout: LayoutOptions;
}

export const DEFAULTS: GraphOptions = {
  authors: { maxCoauthors: 25, ...IDENTITY_DEFAULTS },
  evidence: { maxMentions: 3 },
  similarity: {
    weights: { text: 1, entities: 0.2, authors: 0.35, venue: 0.05, citations: 0.5 },
    communityWeights: { text: 1, entities: 0, authors: 0.2, venue: 0.05, citations: 0.5 },
    text: TEXT_DEFAULTS,
    textMaxDfRatio: 0.5,
    typeWeights: {
      method: 1,
      modality: 1,
      task: 1,
      dataset: 1,
      condition: 1,
      model: 1,
      topic: 0.5,
    },
    parentWeight: 0,
    normalise: "cosine",
    topK: 15,
    communityTopK: 25,
    maxDfRatio: 0.1,
    minDfCap: 10,
    hardMaxDfRatio: 0.5,
    candidateMaxDf: 1000,
    candidateBudget: 5000,
    maxReasons: 5,
    minWordReasons: 3,
  },
  communities: {
    resolution: 1,
    seed: 42,
    minSize: 2,
    consensusRuns: 10,
    consensusThreshold: 0.7,
    consensusSpread: 0.3,
    consensusMaxNodes: 20_000,
    labelTerms: 2,
    labelTypeWeights: { topic: 0.5, keyword: 0.5, modality: 0.75, dataset: 0.5, model: 0.5 },
    labelMaxSpread: 0.25,
    labelMinCoverage: 0.1,
    labelMinCooccurrence: 0.25,
    labelWordOverEntity: 3,
  },
  layout: {
    iterations: 150,
    budget: 100_000,
    minIterations: 3,
    barnesHutAbove: 1000,
    noverlapIterations: 50,
    noverlapMaxNodes: 5000,
    clusterLayoutAbove: 500,
    clusterLayoutMaxCommunities: 300,
    clusterComponentMin: 500,
    startOnlyAbove: 100_000,
    seed: 7,
  },
};

export interface GraphOptionsInput {
  authors?: Partial<AuthorOptions>;
  evidence?: Partial<EvidenceOptions>;
  similarity?: Partial<Omit<SimilarityOptions, "weights" | "communityWeights" | "text">> & {
    weights?: Partial<SignalWeights>;
    communityWeights?: Partial<SignalWeights>;
    text?: Partial<TextOptions>;
  };
  communities?: Partial<CommunityOptions>;
  layout?: Partial<LayoutOptions>;
}

/** DEFAULTS overridden by whatever the caller set. */
export function resolveOptions(input: GraphOptionsInput = {}): GraphOptions {
  return {
    authors: { ...DEFAULTS.authors, ...input.authors },
    evidence: { ...DEFAULTS.evidence, ...input.evidence },
    similarity: {
      ...DEFAULTS.similarity,
      ...input.similarity,
      weights: { ...DEFAULTS.similarity.weights, ...input.similarity?.weights },
      communityWeights: {
        ...DEFAULTS.similarity.communityWeights,
        ...input.similarity?.communityWeights,
      },
      text: { ...DEFAULTS.similarity.text, ...input.similarity?.text },
      typeWeights: { ...DEFAULTS.similarity.typeWeights, ...input.similarity?.typeWeights },
    },
    communities: { ...DEFAULTS.communities, ...input.communities },
    layout: { ...DEFAULTS.layout, ...input.layout },
  };
}
