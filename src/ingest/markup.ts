// Markup found inside bibliographic text fields: JATS/HTML tags (CSL abstracts from Crossref,
// <i> in titles) and HTML character entities.

const NAMED: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  ndash: "–",
  mdash: "—",
};

/** Decode HTML character references: named (a few common ones), decimal and hex. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === "#") {
      const code =
        ref[1] === "x" || ref[1] === "X" ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

/** Block-level tags whose boundaries become a space, so words on either side stay apart. */
const BLOCK = /^(?:p|div|br|li|ul|ol|title|sec|abstract|h\d|tr|td|table)$/i;

/**
 * Strip JATS/HTML tags to plain text: "<jats:p>A<jats:italic>b</jats:italic></jats:p>" → "Ab".
 * Only tag-shaped runs are removed ("a < b > c" in prose stays).
 */
export function stripTags(s: string): string {
  const text = s.replace(
    /<\/?([a-z][\w.-]*:)?([a-z][\w.-]*)(?:\s[^<>]*)?\/?>/gi,
    (_m, _ns, name: string) => (BLOCK.test(name) ? " " : ""),
  );
  return decodeEntities(text).replace(/\s+/g, " ").trim();
}
