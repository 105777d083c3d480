// Labels of the collaboration communities: their most central authors.
import { compareStrings as cmp } from "../common/compare.ts";
import type { Relations } from "./relations.ts";

/**
 * The label of one collaboration community: its `n` most central authors (default 2), joined by
 * " · ". Central = the most papers shared with fellow members (the author's co-author weight
 * inside the community); ties go to more papers, then to the name. A prolific author who only
 * passes through the group does not name it.
 */
export function collabLabel(rel: Relations, members: readonly string[], n = 2): string {
  const inside = new Set(members);
  const ranked = members.map((m) => {
    let strength = 0;
    rel.forEachNeighbour(m, "coauthor", (other, e) => {
      if (inside.has(other)) strength += e.weight;
    });
    const a = rel.graph.getNodeAttributes(m);
    return { strength, papers: a.paperCount as number, label: a.label as string };
  });
  return ranked
    .sort((x, y) => y.strength - x.strength || y.papers - x.papers || cmp(x.label, y.label))
    .slice(0, n)
    .map((r) => r.label)
    .join(" · ");
}
