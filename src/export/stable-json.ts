/**
 * JSON with object keys sorted (code-unit order) at every depth, so the same value always gives
 * the same bytes whatever order its keys were inserted in. Arrays keep their order.
 */
export function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort(compareStrings)) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeysDeep(v);
    }
    return out;
  }
  return value;
}

/**
 * JSON.stringify of sortKeysDeep(value). Without indent it writes the sorted keys directly,
 * with no deep copy of the value (big graphs: less memory and GC).
 */
export function stableStringify(value: unknown, indent?: number): string {
  if (indent) return JSON.stringify(sortKeysDeep(value), null, indent);
  return writeSorted(value) ?? (undefined as unknown as string);
}

const isIndex = (k: string) => /^(?:0|[1-9]\d*)$/.test(k) && Number(k) < 4294967295;

/**
 * The key order of sortKeysDeep's copy: integer-like keys first in numeric order (JavaScript
 * puts them there whatever the insertion order, as Object.keys does), then the others sorted.
 */
function keysInOrder(obj: object): string[] {
  const keys = Object.keys(obj);
  let p = 0;
  while (p < keys.length && isIndex(keys[p])) p++;
  for (let i = p + 1; i < keys.length; i++) {
    if (keys[i - 1] > keys[i]) return [...keys.slice(0, p), ...keys.slice(p).sort(compareStrings)];
  }
  return keys;
}

/**
 * Compact JSON with keys sorted at every depth; the same text as
 * JSON.stringify(sortKeysDeep(value)) (undefined, functions and symbols are dropped from
 * objects and become null in arrays; like sortKeysDeep, class instances are read as plain
 * objects, so toJSON is not called).
 */
function writeSorted(value: unknown): string | undefined {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) {
      if (i) out += ",";
      out += writeSorted(value[i]) ?? "null";
    }
    return `${out}]`;
  }
  let out = "{";
  let first = true;
  for (const key of keysInOrder(value)) {
    const text = writeSorted((value as Record<string, unknown>)[key]);
    if (text === undefined) continue;
    out += `${first ? "" : ","}${JSON.stringify(key)}:${text}`;
    first = false;
  }
  return `${out}}`;
}

/** Locale-independent string order (UTF-16 code units), the same on every machine. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
