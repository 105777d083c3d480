// Labels of the collaboration communities: their most central authors.
import type Graph from "graphology";
import { compareStrings as cmp } from "../common/compare.ts";

/**
 * The label of one collaboration community: its `n` most central authors (default 2), joined by
 * " · ". Central = the most papers shared with fellow members (the author's co-author weight
 * inside the community); ties go to more papers, then to the name. A prolific author who only
 * passes through the group does not name it.
 */
export function collabLabel(graph: Graph, members: readonly string[], n = 2): string {
  const inside = new Set(members);
  const ranked = members.map((m) => {
    let strength = 0;
    graph.forEachUndirectedEdge(m, (_e, e, s, t) => {
      if (e.type === "coauthor" && inside.has(s === m ? t : s)) strength += e.weight;
    });
    const a = graph.getNodeAttributes(m);
    return { strength, papers: a.paperCount as number, label: a.label as string };
  });
  return ranked
    .sort((x, y) => y.strength - x.strength || y.papers - x.papers || cmp(x.label, y.label))
    .slice(0, n)
    .map((r) => r.label)
    .join(" · ");
}
