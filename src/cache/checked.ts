// Cache files the build wrote itself, read back without a schema pass over their contents: a
// header line (JSON, with `check`: the sha256 of the body) and the body (JSON) on the next line.
// A body that does not match its check was torn, edited or damaged: the file reads as absent.
// Trusting a matching body is sound because only this program writes these files, from values
// that were already typed; a schema pass over them cost 0.1–0.15 s of a 6,318-paper rebuild each.
// A file is checked on its bytes as read, and only then decoded (header and body apart): decoding
// first and hashing the text encoded it back to UTF-8.
import { sha256 } from "./version.ts";

/** The file text for `header` (an object without `check`) and `body`. */
export function checkedText(header: Record<string, unknown>, body: unknown): string {
  const text = JSON.stringify(body);
  return `${JSON.stringify({ ...header, check: sha256(text) })}\n${text}\n`;
}

const LINE_BREAK = 0x0a;

/**
 * Header and body of a checked file's bytes, or undefined when it is not one or fails its check.
 */
export function readChecked(
  data: Uint8Array,
): { header: Record<string, unknown>; body: unknown } | undefined {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.length);
  const cut = bytes.indexOf(LINE_BREAK);
  if (cut < 0 || bytes[bytes.length - 1] !== LINE_BREAK) return undefined;
  const body = bytes.subarray(cut + 1, bytes.length - 1);
  try {
    const header = JSON.parse(bytes.toString("utf8", 0, cut)) as unknown;
    if (typeof header !== "object" || header === null || Array.isArray(header)) return undefined;
    const h = header as Record<string, unknown>;
    if (h.check !== sha256(body)) return undefined;
    return { header: h, body: JSON.parse(body.toString("utf8")) };
  } catch {
    return undefined;
  }
}
