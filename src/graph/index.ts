// Public surface of the graph stage (browser-safe).
export { type AuthorIdentity, matchAuthorKey, resolveAuthors } from "./authors.ts";
export { type BuiltGraph, buildGraph, type CommunityNetwork, communityNetworkOf } from "./build.ts";
export {
  CITATION_DEFAULTS,
  type CitationOptions,
  type CitationPair,
  type CitationSignals,
  type CitingPaper,
  citationSignals,
  citationSource,
  type ExternalWork,
  inSetCitations,
  paperCitations,
} from "./citation-signals.ts";
export { DEFAULTS, type GraphOptions, type GraphOptionsInput, resolveOptions } from "./options.ts";
export {
  type Collaborator,
  clusters,
  collaborators,
  findAuthor,
  findPaper,
  type Queried,
  type RelatedPaper,
  related,
} from "./queries.ts";
export * from "./schema.ts";
export {
  type GraphContent,
  graphCounts,
  type LoadedGraph,
  loadGraph,
  type SerializeInput,
  serialize,
} from "./serialize.ts";
