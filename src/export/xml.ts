import type { FlatAttributes, FlatGraph } from "./flatten.ts";

/**
 * XML 1.0 text helpers shared by the GEXF and GraphML writers.
 *
 * XML 1.0 allows only #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF];
 * anything else (C0 controls, lone surrogates, U+FFFE/U+FFFF) cannot be written even as a
 * character reference, so it is removed.
 */
const INVALID_XML_CHARS = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Remove characters that XML 1.0 forbids. */
export function cleanXmlText(value: string): string {
  return value.replace(INVALID_XML_CHARS, "");
}

const ATTR_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "\t": "&#9;",
  "\n": "&#10;",
  "\r": "&#13;",
};

/**
 * Escape for a double-quoted attribute value. Tab, newline and carriage return become character
 * references so attribute-value normalisation does not turn them into spaces.
 */
export function escapeXmlAttr(value: string): string {
  return cleanXmlText(value).replace(/[&<>"\t\n\r]/g, (c) => ATTR_ESCAPES[c]);
}

/** Escape for element text; carriage returns are referenced so parsers do not fold them into \n. */
export function escapeXmlText(value: string): string {
  return cleanXmlText(value).replace(/[&<>\r]/g, (c) => ATTR_ESCAPES[c]);
}

/**
 * The flat graph with every string (keys, attribute names and values) cleaned for XML 1.0.
 * Throws when cleaning makes two node keys (or two edge keys) equal.
 */
export function xmlSafeGraph(flat: FlatGraph, module: string): FlatGraph {
  const cleanAttrs = (attrs: FlatAttributes): FlatAttributes => {
    const out: FlatAttributes = {};
    for (const [name, value] of Object.entries(attrs)) {
      const v = typeof value === "string" ? cleanXmlText(value) : value;
      if (v !== "") out[cleanXmlText(name)] = v;
    }
    return out;
  };
  const nodes = flat.nodes.map((n) => ({
    key: cleanXmlText(n.key),
    attributes: cleanAttrs(n.attributes),
  }));
  const edges = flat.edges.map((e) => ({
    ...e,
    key: cleanXmlText(e.key),
    source: cleanXmlText(e.source),
    target: cleanXmlText(e.target),
    attributes: cleanAttrs(e.attributes),
  }));
  assertUnique(
    flat.nodes.map((n) => n.key),
    nodes.map((n) => n.key),
    module,
    "node",
  );
  assertUnique(
    flat.edges.map((e) => e.key),
    edges.map((e) => e.key),
    module,
    "edge",
  );
  return { nodes, edges };
}

function assertUnique(raw: string[], cleaned: string[], module: string, what: string): void {
  const seen = new Map<string, number>();
  cleaned.forEach((key, i) => {
    const j = seen.get(key);
    if (j !== undefined) {
      throw new Error(
        `${module}: ${what} keys ${JSON.stringify(raw[j])} and ${JSON.stringify(raw[i])} are the same once characters XML 1.0 forbids are removed`,
      );
    }
    seen.set(key, i);
  });
}
