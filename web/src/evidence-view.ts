// The evidence of a reason as DOM (text nodes only): each paper's sentence with the shared item
// marked (and "uses" / "proposes" beside the paper where its sentences say so), a shared
// author's other papers, or the references two papers share.
import { type Child, el, nodeButton } from "./dom.ts";
import type { Evidence, EvidenceSentence } from "./evidence.ts";

type SelectFn = (key: string) => void;

/** The sentence with its marks as <mark> elements around text nodes. */
function marked(s: EvidenceSentence): Child[] {
  if (s.text === null) return [el("span", { class: "muted" }, "(not in its title or abstract)")];
  const text = s.text;
  const out: Child[] = [];
  let at = 0;
  for (const m of [...s.marks].sort((a, b) => a.start - b.start)) {
    if (m.start < at || m.end > text.length) continue;
    if (m.start > at) out.push(text.slice(at, m.start));
    out.push(el("mark", { class: "evidence-mark" }, text.slice(m.start, m.end)));
    at = m.end;
  }
  out.push(text.slice(at));
  return out;
}

/** How each kind of shared reference is said beside it. */
const RELATION: Record<string, string> = {
  "both cite it": "cited by both",
  cited: "one cites the other",
  "cites both": "cites both",
};

export function evidenceView(ev: Evidence, name: string, onSelect: SelectFn): Node {
  if (ev.kind === "references")
    return el(
      "div",
      { class: "evidence", attrs: { "data-evidence": "references" } },
      el(
        "p",
        { class: "evidence-head" },
        `${ev.references.length} shared reference${ev.references.length === 1 ? "" : "s"}`,
      ),
      el(
        "ol",
        { class: "ref-list shared-references" },
        ...ev.references.map((r) =>
          el(
            "li",
            { attrs: { "data-relation": r.relation } },
            r.key
              ? nodeButton(r.key, r.name, onSelect)
              : el("span", { class: "reference" }, r.name),
            el("span", { class: "muted" }, ` — ${RELATION[r.relation]}`),
          ),
        ),
      ),
    );
  if (ev.kind === "papers")
    return el(
      "div",
      { class: "evidence", attrs: { "data-evidence": "papers" } },
      el("p", { class: "evidence-head" }, `Other papers by ${name}`),
      ev.papers.length
        ? el(
            "ul",
            { class: "ref-list" },
            ...ev.papers
              .slice(0, 20)
              .map((p) =>
                el("li", {}, nodeButton(p.key, p.name, onSelect), p.year ? ` ${p.year}` : null),
              ),
          )
        : el("p", { class: "muted" }, "None in this graph."),
    );
  return el(
    "div",
    { class: "evidence", attrs: { "data-evidence": "sentences" } },
    ...ev.sentences.map((s) =>
      el(
        "blockquote",
        { class: "evidence-sentence", attrs: { "data-paper": s.paper } },
        el("span", { class: "evidence-paper" }, nodeButton(s.paper, s.title, onSelect)),
        s.role
          ? el("span", { class: "evidence-role muted", attrs: { "data-role": s.role } }, s.role)
          : null,
        el("span", { class: "evidence-text" }, ...marked(s)),
      ),
    ),
  );
}
