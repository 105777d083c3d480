// Repairs for hand-typed BibTeX name lists, applied before citation-js splits them:
// a stray "<" or ";" typed for a comma, a comma before "and", a leading/trailing/doubled "and",
// and a missing comma in a list that otherwise writes every name "Last, First".

/** Split on top-level " and " (outside braces), keeping the parts' text as written. */
export function splitAnd(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (c === "{") depth++;
    else if (c === "}") depth = Math.max(0, depth - 1);
    else if (depth === 0 && /\s/.test(c ?? "")) {
      const m = /^\s+and\s+/i.exec(list.slice(i));
      if (m) {
        parts.push(list.slice(start, i));
        i += m[0].length - 1;
        start = i + 1;
      }
    }
  }
  parts.push(list.slice(start));
  return parts;
}

/** Clean one name: typo'd separators become commas, edge punctuation goes. */
function cleanName(name: string): string {
  return name
    .replace(/\s+/g, " ")
    .replace(/\s*[<>;]\s*/g, ", ")
    .replace(/^[\s,]+|[\s,]+$/g, "")
    .replace(/^and\s+|\s+and$/gi, "")
    .trim();
}

/**
 * Repair a BibTeX name list. When most names are "Last, First", a two-word name without a
 * comma ("Lehman Eric") is read the same way ("Lehman, Eric").
 */
export function repairNameList(list: string): string {
  const names = splitAnd(` ${list.trim()} `)
    .map(cleanName)
    .filter((n) => n !== "" && n.toLowerCase() !== "and" && n.toLowerCase() !== "others");
  const withComma = names.filter((n) => n.includes(",")).length;
  const commaStyle = withComma * 2 > names.length;
  const fixed = names.map((n) => {
    if (!commaStyle || n.includes(",") || n.includes("{")) return n;
    const words = n.split(" ");
    return words.length === 2 ? `${words[0]}, ${words[1]}` : n;
  });
  return fixed.join(" and ");
}

/** True when the list ended with "and others" / "et al.": the source truncated it. */
export function listTruncated(list: string): boolean {
  return /\band\s+others\s*$|\bet\s*al\.?\s*$/i.test(list.trim());
}
