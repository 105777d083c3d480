// Helpers shared by the JSON readers (CSL-JSON, Semantic Scholar, paperlists): a parse that
// reports the failing line instead of throwing, a cheap sniff of the text's head, and a scanner
// that finds the 1-based line where each object of the document starts (keyed by JSON pointer).
import type { ParseResult } from "./types.ts";

export type JsonParse = { ok: true; value: unknown } | { ok: false; line: number; message: string };

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Offset of the first syntax error in a JSON text (text.length when it ends too early), found by
 * a small iterative scanner; -1 when the text is valid JSON.
 */
export function jsonErrorOffset(text: string): number {
  const n = text.length;
  let i = 0;
  const ws = () => {
    while (i < n && /[ \t\n\r]/.test(text[i] as string)) i++;
  };
  const literal = (): boolean => {
    const m = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
      text.slice(i, i + 400),
    );
    if (!m) return false;
    i += m[0].length;
    return true;
  };
  const string = (): boolean => {
    if (text[i] !== '"') return false;
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return true;
      }
      if (c < 32) return false;
      if (c === 92) {
        const e = text[i + 1] ?? "";
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return false;
          i += 6;
        } else if ('"\\/bfnrt'.includes(e) && e) i += 2;
        else return false;
      } else i++;
    }
    return false;
  };
  // stack of open containers: "{" or "["; expecting a value after ":" / "," / "["
  const stack: string[] = [];
  ws();
  for (;;) {
    // parse a value
    ws();
    const c = text[i];
    if (c === "{" || c === "[") {
      stack.push(c);
      i++;
      ws();
      if (text[i] === (c === "{" ? "}" : "]")) {
        stack.pop();
        i++;
      } else if (c === "{") {
        if (!string()) return i;
        ws();
        if (text[i] !== ":") return i;
        i++;
        continue;
      } else continue;
    } else if (c === '"') {
      if (!string()) return i;
    } else if (!literal()) return i;
    // after a value: close containers or take a separator
    for (;;) {
      ws();
      const top = stack[stack.length - 1];
      if (!top) {
        return i === n ? -1 : i;
      }
      const d = text[i];
      if (d === ",") {
        i++;
        if (top === "{") {
          ws();
          if (!string()) return i;
          ws();
          if (text[i] !== ":") return i;
          i++;
        }
        break;
      }
      if ((top === "{" && d === "}") || (top === "[" && d === "]")) {
        stack.pop();
        i++;
        continue;
      }
      return i;
    }
  }
}

/** JSON.parse without throwing; on failure, the line of the first syntax error and a message. */
export function parseJson(text: string): JsonParse {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    const at = jsonErrorOffset(text);
    const offset = at < 0 ? text.length : at;
    const line = lineAt(text, offset);
    const col = offset - text.lastIndexOf("\n", offset - 1);
    const found = offset >= text.length ? "end of text" : JSON.stringify(text[offset]);
    const why = err instanceof RangeError ? "nested too deeply" : `unexpected ${found}`;
    return { ok: false, line, message: `${why} at line ${line} column ${col}` };
  }
}

/** The first `n` characters with leading whitespace and a BOM removed, for cheap sniffs. */
export function head(text: string, n = 65536): string {
  return text.slice(0, n + 16).replace(/^\uFEFF?\s*/, "");
}

/** Escape one JSON pointer segment (RFC 6901). */
function escapeSegment(s: string): string {
  return s.replace(/~/g, "~0").replace(/\//g, "~1");
}

/**
 * Map JSON pointer ("" for the root, "/citations/3", "/0") → 1-based line where that object or
 * array value starts, for values at most `maxDepth` containers deep (default all; the root is
 * depth 0, the items of a top-level array depth 1). Tolerates malformed input: it stops where
 * the text stops making sense.
 */
export function locateValues(
  text: string,
  maxDepth = Number.POSITIVE_INFINITY,
): Map<string, number> {
  const out = new Map<string, number>();
  // Each frame: container kind, the pointer of the container, next array index, pending key.
  const stack: { array: boolean; ptr: string; index: number; key: string | null }[] = [];
  let line = 1;
  // The last string, as a span of the text: decoded only when it turns out to be a key.
  let lastStart = 0;
  let lastEnd = 0;
  let lastPlain = true;
  const n = text.length;
  const childPtr = (): string => {
    const top = stack[stack.length - 1];
    if (!top) return "";
    if (top.array) return `${top.ptr}/${top.index}`;
    return `${top.ptr}/${escapeSegment(top.key ?? "")}`;
  };
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      continue;
    }
    if (c === 34) {
      // string: read to its closing quote
      let j = i + 1;
      let plain = true;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === 92) {
          plain = false;
          j += 2;
          continue;
        }
        if (d === 34) break;
        if (d === 10) line++;
        j++;
      }
      lastStart = i + 1;
      lastEnd = j;
      lastPlain = plain;
      i = j;
      continue;
    }
    if (c === 58) {
      // ':' — the last string was a key (needed only where pointers are still recorded)
      const top = stack[stack.length - 1];
      if (top && !top.array && stack.length <= maxDepth)
        top.key = decodeKey(text, lastStart, lastEnd, lastPlain);
      continue;
    }
    if (c === 44) {
      // ','
      const top = stack[stack.length - 1];
      if (top?.array) top.index++;
      continue;
    }
    if (c === 123 || c === 91) {
      // '{' or '['
      const deep = stack.length > maxDepth;
      const ptr = deep ? "" : childPtr();
      if (!deep) out.set(ptr, line);
      stack.push({ array: c === 91, ptr, index: 0, key: null });
      continue;
    }
    if (c === 125 || c === 93) {
      stack.pop();
    }
  }
  return out;
}

/** A JSON string's text between its quotes, unescaped (the raw text when it does not decode). */
function decodeKey(text: string, start: number, end: number, plain: boolean): string {
  const raw = text.slice(start, end);
  if (plain) return raw;
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}

/** A plain object (not null, not an array). */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A trimmed non-empty string, or null. */
export function str(v: unknown): string | null {
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  if (typeof v !== "string") return null;
  const s = v.trim();
  return s ? s : null;
}

/** The one reject a JSON reader returns when the whole file is not valid JSON. */
export function invalidJson(
  format: string,
  file: string,
  json: { line: number; message: string },
): ParseResult {
  const reason = `ingest/${format}: ${file}:${json.line}: invalid JSON (${json.message})`;
  return { papers: [], rejected: [{ file, line: json.line, format, reason }] };
}
