// XML helpers shared by the Atom, OAI-PMH and PubMed readers: split a feed into its record elements
// (with 1-based start lines, so one broken record is rejected alone), parse each with
// fast-xml-parser with namespace prefixes stripped (feeds declare namespaces differently),
// and read text out of the parsed tree.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { squash } from "../../common/text.ts";
import { lineAt, lineStarts } from "./common.ts";

export interface XmlChunk {
  line: number;
  text: string;
  /** False when the element's closing tag is missing (truncated file). */
  closed: boolean;
}

/** Every `<name …>…</name>` element (any namespace prefix), with its start line. */
export function xmlChunks(text: string, name: string): XmlChunk[] {
  const starts = lineStarts(text);
  const open = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${name}(?=[\\s/>])[^>]*?(/?)>`, "g");
  const close = new RegExp(`</(?:[A-Za-z_][\\w.-]*:)?${name}\\s*>`, "g");
  const chunks: XmlChunk[] = [];
  let m = open.exec(text);
  while (m) {
    const begin = m.index;
    const line = lineAt(starts, begin);
    if (m[1] === "/") {
      chunks.push({ line, text: m[0], closed: true });
      m = open.exec(text);
      continue;
    }
    close.lastIndex = open.lastIndex;
    const c = close.exec(text);
    open.lastIndex = begin + m[0].length;
    const nextOpen = open.exec(text);
    if (c && (!nextOpen || c.index < nextOpen.index)) {
      chunks.push({ line, text: text.slice(begin, c.index + c[0].length), closed: true });
      open.lastIndex = c.index + c[0].length;
      m = open.exec(text);
    } else {
      const end = nextOpen ? nextOpen.index : text.length;
      chunks.push({ line, text: text.slice(begin, end), closed: false });
      m = nextOpen;
    }
  }
  return chunks;
}

export type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  removeNSPrefix: true,
  textNodeName: "#text",
  trimValues: true,
  htmlEntities: true,
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (_name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute,
});

/**
 * Parse one element's XML into a tree whose every child element is an array.
 * Returns an error message (with the absolute line) instead of throwing.
 */
export function parseXmlChunk(chunk: XmlChunk): XmlNode | string {
  const valid = XMLValidator.validate(chunk.text);
  if (valid !== true) {
    const line = chunk.line + (valid.err.line ?? 1) - 1;
    return `malformed XML at line ${line}: ${valid.err.msg}`;
  }
  try {
    return parser.parse(chunk.text) as XmlNode;
  } catch (err) {
    return `malformed XML: ${err instanceof Error ? err.message : String(err)}`;
  }
}

/** Child elements named `name` (namespace prefix already stripped). */
export function children(node: unknown, name: string): XmlNode[] {
  if (!node || typeof node !== "object") return [];
  const v = (node as XmlNode)[name];
  return Array.isArray(v) ? (v as XmlNode[]) : v === undefined ? [] : [v as XmlNode];
}

/** The text of a node: a string leaf or its "#text"; nested markup is flattened. */
export function textOf(node: unknown): string {
  if (node === null || node === undefined) return "";
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map(textOf).join(" ");
  if (typeof node === "object") {
    const parts: string[] = [];
    for (const [k, v] of Object.entries(node as XmlNode))
      if (!k.startsWith("@_")) parts.push(textOf(v));
    return parts.join(" ");
  }
  return "";
}

/** Texts of all `name` children, whitespace collapsed, mojibake repaired, empty ones dropped. */
export function texts(node: unknown, name: string): string[] {
  return children(node, name)
    .map((c) => fixMojibake(squash(textOf(c))))
    .filter(Boolean);
}

export function attr(node: unknown, name: string): string {
  if (!node || typeof node !== "object") return "";
  const v = (node as XmlNode)[`@_${name}`];
  return v === undefined ? "" : String(v);
}

/**
 * UTF-8 that was decoded as Latin-1 ("RamÃ­rez" → "Ramírez"). Repaired only when every
 * character fits in a byte and the bytes are valid UTF-8; otherwise the text is kept.
 */
export function fixMojibake(s: string): string {
  if (!/[\u00C2-\u00F4][\u0080-\u00BF]/.test(s)) return s;
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0xff) return s;
    bytes[i] = c;
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return s;
  }
}
