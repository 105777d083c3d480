import { z } from "zod";
import { ENTITY_TYPES, EntityType } from "../extract/entity-types.ts";
import { unpackReasons } from "./reasons.ts";
import { ShareItem } from "./share-item.ts";

/**
 * The serialised litgraph graph: graphology's `graph.export()` plus `meta`.
 * This is the contract between src/graph (writer) and web/ (reader).
 * Node keys: "paper:<id>", "author:<key>", "<entityType>:<slug>".
 */

/**
 * The key litgraph gives an edge: "<type>:<source>-><target>", or "--" between the ends of an
 * undirected edge. graph.json leaves it out when it is this (it is a fifth of the file), and
 * loaders put it back.
 */
export function edgeKey(type: string, source: string, target: string, undirected = false): string {
  return `${type}:${source}${undirected ? "--" : "->"}${target}`;
}

/** `key === edgeKey(type, source, target, undirected)`, without building the string. */
export function isEdgeKey(
  key: string,
  type: string,
  source: string,
  target: string,
  undirected = false,
): boolean {
  const at = type.length + 1 + source.length;
  return (
    key.length === at + 2 + target.length &&
    key.startsWith(type) &&
    key.charCodeAt(type.length) === 58 && // ":"
    key.startsWith(source, type.length + 1) &&
    key.startsWith(undirected ? "--" : "->", at) &&
    key.endsWith(target)
  );
}

/** Paper, author, then the concept types (src/extract/entity-types.ts), in that order. */
export const NodeType = z.enum(["paper", "author", ...ENTITY_TYPES]);
export type NodeType = z.infer<typeof NodeType>;

const Base = z.object({
  type: NodeType,
  label: z.string(),
  /** Knowledge-graph layout (all nodes). */
  x: z.number(),
  y: z.number(),
  /** Display size from centrality, already scaled (about 2..20). */
  size: z.number(),
  /** Community in the knowledge graph / paper map (papers), -1 when none. */
  community: z.number().int(),
});

export const PaperNode = Base.extend({
  type: z.literal("paper"),
  paperId: z.string(),
  title: z.string(),
  authors: z.array(z.string()),
  date: z.string().nullable(),
  year: z.number().int().nullable(),
  abstract: z.string(),
  venue: z.string().nullable(),
  category: z.string().nullable(),
  doi: z.string().nullable(),
  arxivId: z.string().nullable(),
  links: z.array(z.string()),
  tags: z.array(z.string()),
  /** Paper-map layout (papers linked by similarity). */
  mapX: z.number(),
  mapY: z.number(),
});

export const AuthorNode = Base.extend({
  type: z.literal("author"),
  variants: z.array(z.string()),
  paperCount: z.number().int(),
  /** Community in the collaboration network. */
  collabCommunity: z.number().int(),
  /** Collaboration-network layout. */
  collabX: z.number(),
  collabY: z.number(),
});

export const ConceptNode = Base.extend({
  type: EntityType,
  aliases: z.array(z.string()),
  paperCount: z.number().int(),
  relevance: z.number().optional(),
});

export const NodeAttributes = z.discriminatedUnion("type", [PaperNode, AuthorNode, ConceptNode]);
export type NodeAttributes = z.infer<typeof NodeAttributes>;

/** What a paper does with a concept where a sentence says so (src/extract/types.ts MentionRole). */
export const MentionRole = z.enum(["used", "proposed"]);

export const EvidenceMention = z.object({
  field: z.enum(["title", "abstract"]),
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  /**
   * The sentence around the mention. The graph omits it when sentenceStart/sentenceEnd locate
   * it in the paper node's field (title or abstract): sentence === field.slice(sentenceStart,
   * sentenceEnd). `extract --json` records always carry it.
   */
  sentence: z.string().optional(),
  sentenceStart: z.number().int().optional(),
  sentenceEnd: z.number().int().optional(),
  rule: z.string(),
  confidence: z.number(),
  /** Only when the mention's sentence says the paper uses or proposes the concept (src/extract/roles.ts). */
  role: MentionRole.optional(),
});

export { ShareItem };

export const EdgeAttributes = z.discriminatedUnion("type", [
  z.object({ type: z.literal("authored"), position: z.number().int(), weight: z.number() }),
  z.object({
    type: z.literal("has"),
    /** The entity type of the target concept. */
    entityType: z.string(),
    confidence: z.number(),
    /** At most `evidence.maxMentions` of the paper's mentions of the concept (strongest first). */
    mentions: z.array(EvidenceMention),
    /** How many mentions the paper has in all (absent in graphs written before it existed). */
    mentionCount: z.number().int().optional(),
    /**
     * What the paper does with the concept, over all its mentions: "proposed" when one says so,
     * else "used" when one says so; absent when none does (src/graph/evidence.ts paperRole).
     */
    role: MentionRole.optional(),
    weight: z.number(),
  }),
  z.object({ type: z.literal("is-a"), weight: z.number() }),
  /** paper → paper: the source paper's references include the target (src/graph/citation-signals.ts). */
  z.object({ type: z.literal("cites"), weight: z.number() }),
  z.object({
    type: z.literal("coauthor"),
    weight: z.number(),
    papers: z.array(z.string()),
  }),
  z.object({
    type: z.literal("similar"),
    weight: z.number(),
    breakdown: z.array(ShareItem),
  }),
]);
export type EdgeAttributes = z.infer<typeof EdgeAttributes>;

export const CommunityCard = z.object({
  id: z.number().int(),
  label: z.string(),
  size: z.number().int(),
  /** Top entities per entity type: [{node, label, count}] */
  topEntities: z.record(
    z.string(),
    z.array(z.object({ node: z.string(), label: z.string(), count: z.number() })),
  ),
  topPapers: z.array(z.object({ node: z.string(), title: z.string() })),
  topAuthors: z.array(z.object({ node: z.string(), name: z.string(), count: z.number() })),
  /**
   * The community's most distinctive words of titles and abstracts (c-TF-IDF), with the number
   * of its papers holding each (absent in graphs written before it existed).
   */
  topTerms: z.array(z.object({ label: z.string(), count: z.number() })).optional(),
  years: z.object({ min: z.number().nullable(), max: z.number().nullable() }),
  /** Centre of the community in the paper map and knowledge graph layouts. */
  centre: z.object({ x: z.number(), y: z.number(), mapX: z.number(), mapY: z.number() }),
});
export type CommunityCard = z.infer<typeof CommunityCard>;

/** A work the papers cite that is not among them (citation-signals.ts CitedOutside). */
export const CitedOutside = z.object({
  id: z.string(),
  count: z.number().int(),
  label: z.string().optional(),
  citedBy: z.array(z.string()),
});
export type CitedOutside = z.infer<typeof CitedOutside>;

export const GraphMeta = z.object({
  litgraph: z.string(),
  options: z.record(z.string(), z.unknown()),
  inputs: z.array(z.object({ path: z.string(), sha256: z.string() })),
  counts: z.record(z.string(), z.number()),
  communities: z.array(CommunityCard),
  collabCommunities: z.array(
    z.object({ id: z.number().int(), label: z.string(), size: z.number().int() }),
  ),
  /** The works the papers cite most that are not in the graph; absent when none is cited twice. */
  citedOutside: z.array(CitedOutside).optional(),
});
export type GraphMeta = z.infer<typeof GraphMeta>;

export const SerializedGraph = z.object({
  attributes: z.record(z.string(), z.unknown()).optional(),
  options: z.object({
    type: z.string(),
    multi: z.boolean(),
    allowSelfLoops: z.boolean(),
  }),
  nodes: z.array(z.object({ key: z.string(), attributes: NodeAttributes })),
  edges: z.array(
    z.object({
      key: z.string().optional(),
      source: z.string(),
      target: z.string(),
      undirected: z.boolean().optional(),
      attributes: EdgeAttributes,
    }),
  ),
  meta: GraphMeta,
});
export type SerializedGraph = z.infer<typeof SerializedGraph>;

/**
 * graph.json as src/export/json.ts writes it: a SerializedGraph whose similar edges' reasons are
 * packed tuples (src/graph/reasons.ts; files in the object form read as well). Parsing unpacks
 * them in the parsed value itself and gives the SerializedGraph.
 */
export const GraphFile = z.preprocess((json) => unpackReasons(json), SerializedGraph);

declare const canonical: unique symbol;

/**
 * A SerializedGraph known to be well-typed and canonical (keys sorted at every depth, nodes and
 * edges in order): what `serialize` returns, or `canonicalGraph` (src/export/json.ts) makes of a
 * SerializedGraph, or `checkedGraph` (src/export/index.ts) of unchecked input. The JSON writer
 * writes it as it is, without validating or copying it again.
 */
export type CanonicalGraph = SerializedGraph & { readonly [canonical]: true };
