// Extraction options and their defaults.

export interface TopicOptions {
  /** Find corpus-level topics at all (default true). */
  enabled: boolean;
  /** A noun phrase must occur in at least this many papers (default 2). */
  minPapers: number;
  /** Longest phrase in words (default 4). */
  maxWords: number;
  /** Shortest phrase in words (default 2: single words are mostly generic in abstracts). */
  minWords: number;
  /** Candidates kept, most frequent first, before scoring relevance (default 1000, as VOSviewer). */
  maxCandidates: number;
  /** Share of candidates kept, the most relevant first, as VOSviewer's 60 % default (default 0.6). */
  keepShare: number;
  /** Minimum relevance (KL divergence of a term's co-occurrences from the overall profile, default 0). */
  minRelevance: number;
  /** Topics kept per paper, most relevant first (default 8). */
  maxPerPaper: number;
  /**
   * Type a topic by its last word (lexicon/head-nouns.json `topicHeads`: "… learning" → method,
   * "… prediction" → task, "… signals" → modality), rule "head-noun" (default true).
   */
  typeByHead: boolean;
  /**
   * With typeByHead, a noun phrase written at least this many times in one paper (title and
   * abstract) is typed by its head even when no other paper has it (src/extract/topic-own.ts);
   * 0 turns it off (default 2).
   */
  ownHeadOccurrences: number;
}

export interface ConfidenceOptions {
  /** Ontology label/alias match (default 0.95). */
  ontology: number;
  /** A short form the paper defines, or a safe ontology abbreviation (default 0.9). */
  abbreviation: number;
  /** Contribution patterns: "we propose X", "called X", definitions (default 0.7). */
  pattern: number;
  /** Title structure "X: Y", "X for Y" (default 0.65). */
  title: number;
  /** The paper's own names and listed names ("we present X, a …", "the proposed X", default 0.6). */
  name: number;
  /** Compositional phrases typed by their head noun ("sepsis prediction", default 0.6). */
  nounPhrase: number;
  /** Corpus topics typed by their head noun ("graph contrastive learning", default 0.55). */
  headNoun: number;
  /** Corpus topics (default 0.5). */
  topic: number;
}

export interface ExtractOptions {
  /** Extra user ontology documents (already parsed JSON), merged over the built-in one (default []). */
  ontologies?: unknown[];
  /** Use the built-in ontology data files (default true). */
  builtinOntology?: boolean;
  /** Find contribution patterns, title structures and compositional tasks (default true). */
  patterns?: boolean;
  topics?: Partial<TopicOptions>;
  confidence?: Partial<ConfidenceOptions>;
}

export interface ResolvedOptions {
  ontologies: unknown[];
  builtinOntology: boolean;
  patterns: boolean;
  topics: TopicOptions;
  confidence: ConfidenceOptions;
}

export const DEFAULTS: ResolvedOptions = {
  ontologies: [],
  builtinOntology: true,
  patterns: true,
  topics: {
    enabled: true,
    minPapers: 2,
    maxWords: 4,
    minWords: 2,
    maxCandidates: 1000,
    keepShare: 0.6,
    minRelevance: 0,
    maxPerPaper: 8,
    typeByHead: true,
    ownHeadOccurrences: 2,
  },
  confidence: {
    ontology: 0.95,
    abbreviation: 0.9,
    pattern: 0.7,
    title: 0.65,
    name: 0.6,
    nounPhrase: 0.6,
    headNoun: 0.55,
    topic: 0.5,
  },
};

export function resolveOptions(opts: ExtractOptions = {}): ResolvedOptions {
  return {
    ontologies: opts.ontologies ?? DEFAULTS.ontologies,
    builtinOntology: opts.builtinOntology ?? DEFAULTS.builtinOntology,
    patterns: opts.patterns ?? DEFAULTS.patterns,
    topics: { ...DEFAULTS.topics, ...opts.topics },
    confidence: { ...DEFAULTS.confidence, ...opts.confidence },
  };
}
