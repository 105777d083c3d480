// The reasons of a similar edge (its breakdown) as graph.json stores them: each ShareItem packed
// as a tuple [node, share] whose kind and label follow from the node key and the graph's nodes,
// with the label (and kind) written only where they differ from those. A breakdown was half of
// the 6,318-paper graph.json in the object form ({kind, label, node, share} per item); loaders
// unpack before validating (unpackReasons), so every reader past them sees ShareItems as before,
// and files in the object form still load.
import { z } from "zod";
import { DIRECT_CITATION, type ShareItem } from "./share-item.ts";

/** A packed reason: [node, share], [node, share, label] or [node, share, label, kind]. */
export const PackedReason = z.union([
  z.tuple([z.string(), z.number()]),
  z.tuple([z.string(), z.number(), z.string()]),
  z.tuple([z.string(), z.number(), z.string(), z.string()]),
]);
export type PackedReason = z.infer<typeof PackedReason>;

/** The name of each node key, as a reason names it: a paper's title, another node's label. */
export type NodeLabels = ReadonlyMap<string, string>;

/** Node labels of serialised nodes (a paper by its title). */
export function nodeLabels(
  nodes: readonly { key: string; attributes: { type: string; label: string; title?: string } }[],
): NodeLabels {
  const out = new Map<string, string>();
  for (const { key, attributes: a } of nodes)
    out.set(key, a.type === "paper" ? (a.title ?? a.label) : a.label);
  return out;
}

const prefixOf = (node: string) => {
  const at = node.indexOf(":");
  return at < 0 ? "" : node.slice(0, at);
};

/** The kind a reason on `node` has unless it says otherwise. */
export function defaultKind(node: string): string {
  if (node === "") return "other";
  const prefix = prefixOf(node);
  return prefix === "cites" || prefix === "citedby" ? "citation" : prefix;
}

/** The label a reason on `node` has unless it says otherwise (undefined: it must say). */
export function defaultLabel(node: string, labels: NodeLabels): string | undefined {
  const prefix = prefixOf(node);
  const rest = node.slice(prefix.length + 1);
  if (prefix === "term") return rest;
  if (prefix === "cites" || prefix === "citedby") return labels.get(`paper:${rest}`);
  return node === "" ? undefined : labels.get(node);
}

/**
 * What a packed reason writes after [node, share], given its node's default kind and label:
 * "both" (label and kind), "label", or "none".
 */
function written(item: ShareItem, kind: string, label: string | undefined) {
  if (item.kind !== kind) return "both";
  return item.label !== label ? "label" : "none";
}

/** One reason packed: only what its node key and the graph's labels do not give. */
export function packReason(item: ShareItem, labels: NodeLabels): PackedReason {
  const extra = written(item, defaultKind(item.node), defaultLabel(item.node, labels));
  if (extra === "both") return [item.node, item.share, item.label, item.kind];
  if (extra === "label") return [item.node, item.share, item.label];
  return [item.node, item.share];
}

/** What packReason needs of a node key, worked out once per key. */
interface NodeDefaults {
  json: string;
  kind: string;
  label: string | undefined;
}

/**
 * packReason's result as JSON text, for the writer of graph.json: the same bytes as
 * JSON.stringify(items.map((r) => packReason(r, labels))), with each node key's quoted form and
 * default kind and label worked out once (a 6,318-paper graph has 380k reasons on 60k keys).
 */
export class ReasonPacker {
  private readonly known = new Map<string, NodeDefaults>();
  constructor(private readonly labels: NodeLabels) {}

  private defaults(node: string): NodeDefaults {
    let d = this.known.get(node);
    if (!d) {
      d = {
        json: JSON.stringify(node),
        kind: defaultKind(node),
        label: defaultLabel(node, this.labels),
      };
      this.known.set(node, d);
    }
    return d;
  }

  /** The packed reasons of one breakdown as JSON text. */
  json(items: readonly ShareItem[]): string {
    let out = "[";
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      const d = this.defaults(item.node);
      const extra = written(item, d.kind, d.label);
      out += `${i > 0 ? "," : ""}[${d.json},${JSON.stringify(item.share)}`;
      if (extra !== "none") out += `,${JSON.stringify(item.label)}`;
      if (extra === "both") out += `,${JSON.stringify(item.kind)}`;
      out += "]";
    }
    return `${out}]`;
  }
}

/** One packed reason back as a ShareItem, or null when it names no label and none follows. */
export function unpackReason(packed: PackedReason, labels: NodeLabels): ShareItem | null {
  const [node, share, label = defaultLabel(node, labels), kind = defaultKind(node)] = packed;
  return label === undefined ? null : { kind, label, node, share };
}

/** PackedReason's test without zod (a 6,318-paper graph has 380k reasons). */
export function isPackedReason(r: unknown): r is PackedReason {
  return (
    Array.isArray(r) &&
    r.length >= 2 &&
    r.length <= 4 &&
    typeof r[0] === "string" &&
    typeof r[1] === "number" &&
    (r.length < 3 || typeof r[2] === "string") &&
    (r.length < 4 || typeof r[3] === "string")
  );
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * A parsed graph.json with its similar edges' packed reasons made ShareItems again (in place:
 * the parsed value is the caller's own). Anything that does not look like a packed reason is
 * left as it is, for the schema to report.
 */
export function unpackReasons(json: unknown): unknown {
  if (!isObject(json) || !Array.isArray(json.edges) || !Array.isArray(json.nodes)) return json;
  let labels: NodeLabels | undefined;
  for (const e of json.edges as unknown[]) {
    const a = isObject(e) ? e.attributes : undefined;
    if (!isObject(a) || a.type !== "similar" || !Array.isArray(a.breakdown)) continue;
    const breakdown = a.breakdown as unknown[];
    for (let i = 0; i < breakdown.length; i++) {
      const r = breakdown[i];
      if (!isPackedReason(r)) continue;
      labels ??= nodeLabels(json.nodes.filter(isNodeLike));
      breakdown[i] = unpackReason(r as PackedReason, labels) ?? r;
    }
  }
  return json;
}

function isNodeLike(
  n: unknown,
): n is { key: string; attributes: { type: string; label: string; title?: string } } {
  return (
    isObject(n) &&
    typeof n.key === "string" &&
    isObject(n.attributes) &&
    typeof n.attributes.type === "string" &&
    typeof n.attributes.label === "string"
  );
}

/** A paper's view of a direct citation (a DIRECT_CITATION reason): it cites the other paper. */
export const CITES_IT = "cites";
/** A paper's view of a direct citation: the other paper cites it. */
export const CITED_BY_IT = "cited-by";

/**
 * The reasons of a similar edge as `paperNode` sees them: a direct citation between the two
 * ("direct-citation", on `cites:<the cited paper's id>`) becomes CITES_IT when `paperNode` is
 * the citing paper and CITED_BY_IT when it is the cited one; the other reasons are as they are.
 */
export function fromPaper(reasons: readonly ShareItem[], paperNode: string): ShareItem[] {
  const ownCited = `cites:${paperNode.slice(paperNode.indexOf(":") + 1)}`;
  return reasons.map((r) =>
    r.kind === DIRECT_CITATION ? { ...r, kind: r.node === ownCited ? CITED_BY_IT : CITES_IT } : r,
  );
}
