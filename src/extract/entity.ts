// A draft (draft.ts) as the Entity extraction emits, and the order entities are emitted in.
import { compareStrings as cmp } from "../common/compare.ts";
import type { Draft } from "./draft.ts";
import type { Entity, Mention } from "./types.ts";

const FIELD_ORDER = { title: 0, abstract: 1 } as const;
const byMention = (a: Mention, b: Mention) =>
  FIELD_ORDER[a.field] - FIELD_ORDER[b.field] || a.start - b.start || a.end - b.end;

/** A paper's entity order: (type, label, id). */
export const byEntity = (a: Entity, b: Entity) =>
  cmp(a.type, b.type) || cmp(a.label, b.label) || cmp(a.id, b.id);

/** The entity of a draft: mentions in text order, aliases and parents sorted, without itself. */
export function toEntity(d: Draft, relevance?: number): Entity {
  const e: Entity = {
    type: d.type,
    label: d.label,
    id: d.id,
    mentions: [...d.mentions.values()].sort(byMention),
  };
  if (d.aliases.size) {
    const aliases = [...d.aliases].filter((a) => a !== d.label).sort(cmp);
    if (aliases.length) e.aliases = aliases;
  }
  if (d.parents.size) {
    const parents = [...d.parents].filter((p) => p !== d.id).sort(cmp);
    if (parents.length) e.parents = parents;
  }
  if (relevance !== undefined) e.relevance = relevance;
  return e;
}
