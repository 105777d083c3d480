// The details panel: a paper, an author or a concept, built from text nodes only.
import { CITED_BY_IT, CITES_IT } from "../../src/graph/reasons.ts";
import { communityColour, TYPE_COLOURS } from "./colours.ts";
import type { CommunityDetails } from "./community.ts";
import type {
  AuthorDetails,
  Collaborator,
  ConceptDetails,
  Details,
  PaperDetails,
  Ref,
} from "./details.ts";
import { type Child, el, nodeButton, safeAnchor } from "./dom.ts";
import { type Evidence, hasEvidence, type ReasonItem } from "./evidence.ts";
import { evidenceView } from "./evidence-view.ts";
import { type Span, segments } from "./highlight.ts";

export type SelectFn = (key: string) => void;
/** The evidence for one reason why the shown paper and `related` are related. */
export type ExplainFn = (related: string, item: ReasonItem) => Evidence;

const pct = (share: number) => `${Math.round(share * 100)}%`;
const PLURAL: Record<string, string> = {
  author: "authors",
  modality: "modalities",
  term: "shared words",
  citation: "shared references",
  other: "other",
  [CITES_IT]: "cites it",
  [CITED_BY_IT]: "cited by it",
};
/** A direct citation between the shown paper and the related one: no item to list after it. */
const isDirect = (kind: string) => kind === CITES_IT || kind === CITED_BY_IT;
const plural = (kind: string) => PLURAL[kind] ?? `${kind}s`;

function section(title: string, count: number | null, ...body: Child[]) {
  return el(
    "section",
    { class: "panel-section" },
    el("h3", {}, title, count === null ? null : el("span", { class: "count" }, ` ${count}`)),
    ...body,
  );
}

function typeBadge(type: string) {
  const b = el("span", { class: "type-badge" }, type);
  b.style.background = TYPE_COLOURS[type as keyof typeof TYPE_COLOURS] ?? "#888";
  return b;
}

/** Text with every entity mention highlighted and its type shown; highlights select the concept. */
function highlighted(text: string, spans: Span[], onSelect: SelectFn) {
  return segments(text, spans).map((seg) => {
    if (!seg.span) return document.createTextNode(seg.text);
    const { node, type } = seg.span;
    const mark = el(
      "mark",
      {
        class: "entity",
        attrs: { "data-type": type, "data-node": node, title: `${type} — click to open` },
        on: { click: () => onSelect(node) },
      },
      seg.text,
    );
    mark.style.setProperty("--entity", TYPE_COLOURS[type as keyof typeof TYPE_COLOURS] ?? "#888");
    return mark;
  });
}

function refList(items: (Ref & { extra?: string })[], onSelect: SelectFn, limit = 50) {
  const ul = el("ul", { class: "ref-list" });
  for (const it of items.slice(0, limit))
    ul.append(
      el(
        "li",
        {},
        it.key ? nodeButton(it.key, it.name, onSelect) : it.name,
        it.extra ? el("span", { class: "muted" }, ` ${it.extra}`) : null,
      ),
    );
  if (items.length > limit)
    ul.append(el("li", { class: "muted" }, `… ${items.length - limit} more`));
  return ul;
}

/** Hides list items after the first `keep`, behind a "show N more" button. */
function moreButton(list: HTMLElement, keep: number) {
  const extra = Array.from(list.children).slice(keep) as HTMLElement[];
  if (!extra.length) return null;
  for (const li of extra) li.hidden = true;
  const button = el(
    "button",
    {
      class: "ref more",
      attrs: { type: "button" },
      on: {
        click: () => {
          for (const li of extra) li.hidden = false;
          button.remove();
        },
      },
    },
    `Show ${extra.length} more`,
  );
  return button;
}

/**
 * A reason's item: its name (a node opens on click) and, when it has evidence, a toggle that
 * opens the evidence below the reasons of that related paper.
 */
function reasonItem(
  kind: string,
  it: { key: string; name: string },
  host: HTMLElement,
  open: () => Node,
  onSelect: SelectFn,
): Child[] {
  const name = it.key
    ? nodeButton(it.key, it.name, onSelect, "ref subtle")
    : el("span", { class: "reason-term" }, it.name);
  if (!hasEvidence({ kind, key: it.key, name: it.name })) return [name];
  return [name, toggleButton("", `where ${it.name} appears`, `${kind}:${it.name}`, host, open)];
}

/** A button that opens `open()`'s evidence at the end of `host`, and closes it again. */
function toggleButton(
  text: string,
  what: string,
  reason: string,
  host: HTMLElement,
  open: () => Node,
): HTMLElement {
  let shown: Node | null = null;
  const toggle = el(
    "button",
    {
      class: text ? "evidence-toggle with-text" : "evidence-toggle",
      attrs: {
        type: "button",
        "aria-expanded": "false",
        title: `Show ${what}`,
        "data-reason": reason,
      },
      on: {
        click: () => {
          if (shown) {
            shown.parentNode?.removeChild(shown);
            shown = null;
          } else {
            shown = open();
            host.append(shown);
          }
          toggle.setAttribute("aria-expanded", String(shown !== null));
          toggle.textContent = `${text}${shown ? "▾" : "▸"}`;
        },
      },
    },
    `${text}▸`,
  );
  return toggle;
}

function paperView(d: PaperDetails, onSelect: SelectFn, explain?: ExplainFn): Child[] {
  const authors = el("p", { class: "authors" });
  d.authors.forEach((a, i) => {
    if (i) authors.append(", ");
    authors.append(a.key ? nodeButton(a.key, a.name, onSelect) : a.name);
  });
  const meta = [d.date, d.venue, ...d.ids].filter(Boolean).join(" · ");
  const links = d.links.length
    ? el(
        "ul",
        { class: "links" },
        ...d.links.map((l) =>
          el(
            "li",
            {},
            l.href ? safeAnchor(l.href, l.text) : el("span", { class: "unsafe-link" }, l.text),
          ),
        ),
      )
    : null;
  const related = el("ol", { class: "related" });
  for (const r of d.related) {
    const reasons = el("ul", { class: "reasons" });
    for (const g of r.reasons) {
      const li = el(
        "li",
        {},
        el(
          "span",
          { class: "reason-kind" },
          `${plural(g.kind)} ${pct(g.share)}${isDirect(g.kind) ? "" : ": "}`,
        ),
      );
      if (isDirect(g.kind)) {
        reasons.append(li);
        continue;
      }
      const item = (it: (typeof g.items)[number]) =>
        explain
          ? reasonItem(
              g.kind,
              it,
              li,
              () =>
                evidenceView(
                  explain(r.key, { kind: g.kind, key: it.key, name: it.name }),
                  it.name,
                  onSelect,
                ),
              onSelect,
            )
          : [
              it.key
                ? nodeButton(it.key, it.name, onSelect, "ref subtle")
                : el("span", { class: "reason-term" }, it.name),
            ];
      if (g.kind === "citation") {
        // references are whole citations (commas inside): counted, and listed when opened
        const n = g.items.length;
        const text = `${n} reference${n === 1 ? "" : "s"}`;
        if (explain)
          li.append(
            toggleButton(`${text} `, "the shared references", "citation", li, () =>
              evidenceView(
                explain(r.key, { kind: "citation", key: "", name: text }),
                text,
                onSelect,
              ),
            ),
          );
        else li.append(text);
      } else
        g.items.forEach((it, i) => {
          if (i) li.append(", ");
          for (const c of item(it)) if (c instanceof Node) li.append(c);
        });
      reasons.append(li);
    }
    related.append(
      el(
        "li",
        { attrs: { "data-node": r.key } },
        nodeButton(r.key, r.name, onSelect),
        el("span", { class: "muted" }, ` ${r.year ?? ""} · score ${r.weight.toFixed(2)}`),
        reasons,
      ),
    );
  }
  return [
    el("div", { class: "kind" }, typeBadge("paper")),
    el("h2", { class: "title" }, ...highlighted(d.title, d.titleSpans, onSelect)),
    authors,
    meta ? el("p", { class: "muted meta" }, meta) : null,
    links,
    section(
      "Related papers",
      d.related.length,
      d.related.length ? related : el("p", { class: "muted" }, "No similar papers in this graph."),
      moreButton(related, 5),
    ),
    section(
      "Abstract",
      null,
      d.abstract
        ? el("p", { class: "abstract" }, ...highlighted(d.abstract, d.abstractSpans, onSelect))
        : el("p", { class: "muted" }, "No abstract."),
    ),
    d.entities.length
      ? section(
          "Entities",
          d.entities.length,
          el(
            "div",
            { class: "chips" },
            ...d.entities.map((e) => {
              const b = nodeButton(e.key, e.name, onSelect, "chip");
              b.style.setProperty(
                "--entity",
                TYPE_COLOURS[e.type as keyof typeof TYPE_COLOURS] ?? "#888",
              );
              b.title = e.type;
              return b;
            }),
          ),
        )
      : null,
  ];
}

function authorView(d: AuthorDetails, onSelect: SelectFn): Child[] {
  return [
    el("div", { class: "kind" }, typeBadge("author")),
    el("h2", { class: "title" }, d.name),
    d.variants.length > 1
      ? el("p", { class: "muted" }, `Also written: ${d.variants.join("; ")}`)
      : null,
    papersSection(d.papers, onSelect),
    section(
      "Collaborators",
      d.collaborators.length,
      d.collaborators.length
        ? collaboratorList(d.collaborators, onSelect)
        : el("p", { class: "muted" }, "No co-authors in this graph."),
    ),
  ];
}

/** Collaborators: name, shared papers (up to three listed) and collaboration community. */
function collaboratorList(items: Collaborator[], onSelect: SelectFn, limit = 50, shown = 3) {
  const ul = el("ul", { class: "ref-list collaborators" });
  for (const c of items.slice(0, limit)) {
    const shared = el("ul", { class: "shared" });
    for (const p of c.papers.slice(0, shown))
      shared.append(
        el("li", {}, nodeButton(p.key, p.name, onSelect), p.year ? ` ${p.year}` : null),
      );
    if (c.papers.length > shown)
      shared.append(el("li", { class: "muted" }, `… ${c.papers.length - shown} more`));
    const group = c.community ? ` · group: ${c.community.label}` : "";
    ul.append(
      el(
        "li",
        {},
        nodeButton(c.key, c.name, onSelect),
        el(
          "span",
          { class: "muted" },
          ` × ${c.count} shared paper${c.count === 1 ? "" : "s"}${group}`,
        ),
        shared,
      ),
    );
  }
  if (items.length > limit)
    ul.append(el("li", { class: "muted" }, `… ${items.length - limit} more`));
  return ul;
}

/** A node's papers, each with its year. */
function papersSection(papers: (Ref & { year: number | null })[], onSelect: SelectFn): Child {
  return section(
    "Papers",
    papers.length,
    refList(
      papers.map((p) => ({ ...p, extra: p.year ? String(p.year) : "" })),
      onSelect,
    ),
  );
}

/** Papers per year as rows of bars (years without papers between the first and last shown empty). */
function perYearChart(papers: { year: number | null }[]): Child {
  const counts = new Map<number, number>();
  for (const p of papers) if (p.year !== null) counts.set(p.year, (counts.get(p.year) ?? 0) + 1);
  if (counts.size === 0) return null;
  const years = [...counts.keys()];
  const [lo, hi] = [Math.min(...years), Math.max(...years)];
  if (hi - lo > 60) return null;
  const most = Math.max(...counts.values());
  const rows = [];
  for (let y = lo; y <= hi; y++) {
    const n = counts.get(y) ?? 0;
    const bar = el("span", { class: "year-bar" });
    bar.style.width = `${(100 * n) / most}%`;
    rows.push(
      el(
        "li",
        { attrs: { "data-year": String(y), title: `${y}: ${n} paper${n === 1 ? "" : "s"}` } },
        el("span", { class: "year-label" }, String(y)),
        el("span", { class: "year-track" }, bar),
        el("span", { class: "muted year-count" }, String(n)),
      ),
    );
  }
  const undated = papers.length - [...counts.values()].reduce((a, b) => a + b, 0);
  return section(
    "Papers per year",
    null,
    el("ul", { class: "per-year" }, ...rows),
    undated ? el("p", { class: "muted" }, `${undated} without a year`) : null,
  );
}

/**
 * A concept's papers, each with a toggle that opens the evidence of its `has` edge (the sentences
 * mentioning the concept); `open`: the paper whose evidence is open at first.
 */
function conceptPapers(
  d: ConceptDetails,
  onSelect: SelectFn,
  evidence: (paper: string) => Evidence,
  open: string | null,
): Child {
  const list = el("ul", { class: "ref-list concept-papers" });
  let opened: HTMLElement | null = null;
  for (const p of d.papers) {
    const li = el(
      "li",
      { attrs: { "data-node": p.key } },
      nodeButton(p.key, p.name, onSelect),
      p.year ? el("span", { class: "muted" }, ` ${p.year}`) : null,
      " ",
    );
    const toggle = toggleButton(
      "",
      `the sentence where ${p.name} mentions ${d.label}`,
      "has",
      li,
      () => evidenceView(evidence(p.key), d.label, onSelect),
    );
    li.append(toggle);
    list.append(li);
    if (p.key === open) {
      toggle.click();
      opened = li;
    }
  }
  const more = moreButton(list, 50);
  const host = section("Papers", d.papers.length, list, more);
  // an opened paper beyond the first fifty is shown anyway (the rest stay behind "show more")
  if (opened) {
    const target: HTMLElement = opened;
    target.hidden = false;
    requestAnimationFrame(() => target.scrollIntoView({ block: "center" }));
  }
  return host;
}

function conceptView(
  d: ConceptDetails,
  onSelect: SelectFn,
  evidence?: (paper: string) => Evidence,
  open: string | null = null,
): Child[] {
  return [
    el("div", { class: "kind" }, typeBadge(d.type)),
    el("h2", { class: "title" }, d.label),
    d.aliases.length ? el("p", { class: "muted" }, `Also: ${d.aliases.join("; ")}`) : null,
    d.parents.length ? section("Is a", d.parents.length, refList(d.parents, onSelect)) : null,
    d.children.length ? section("Kinds", d.children.length, refList(d.children, onSelect)) : null,
    perYearChart(d.papers),
    evidence ? conceptPapers(d, onSelect, evidence, open) : papersSection(d.papers, onSelect),
    d.cooccurring.length
      ? section(
          "Co-occurs with",
          d.cooccurring.length,
          refList(
            d.cooccurring.map((c) => ({ ...c, extra: `${c.type} · ${c.count}` })),
            onSelect,
          ),
        )
      : null,
  ];
}

/** A community card: its top terms and concepts with counts, its papers by centrality. */
function communityView(d: CommunityDetails, onSelect: SelectFn): Child[] {
  const badge = typeBadge("community");
  badge.style.background = communityColour(d.id);
  const years =
    d.years.min === null
      ? ""
      : d.years.min === d.years.max
        ? ` · ${d.years.min}`
        : ` · ${d.years.min}–${d.years.max}`;
  const papers = el("ol", { class: "community-papers" });
  for (const p of d.papers)
    papers.append(
      el(
        "li",
        { attrs: { "data-node": p.key } },
        nodeButton(p.key, p.name, onSelect),
        el("span", { class: "muted" }, p.year === null ? "" : ` ${p.year}`),
        p.terms.length
          ? el(
              "span",
              { class: "paper-terms" },
              ...p.terms.map((t) => nodeButton(t.key, t.name, onSelect, "chip small")),
            )
          : null,
      ),
    );
  return [
    el("div", { class: "kind" }, badge),
    el("h2", { class: "title" }, d.label),
    el("p", { class: "muted meta" }, `${d.size} paper${d.size === 1 ? "" : "s"}${years}`),
    d.topTerms.length
      ? section(
          "Top terms",
          d.topTerms.length,
          el(
            "ul",
            { class: "term-counts" },
            ...d.topTerms.map((t) =>
              el(
                "li",
                { attrs: { "data-term": t.label, title: `${t.count} of ${d.size} papers` } },
                el("span", { class: "reason-term" }, t.label),
                el("span", { class: "muted" }, ` ${t.count}`),
              ),
            ),
          ),
        )
      : null,
    d.topConcepts.length
      ? section(
          "Top concepts",
          null,
          el(
            "dl",
            { class: "concept-counts" },
            ...d.topConcepts.flatMap((g) => [
              el("dt", {}, g.type),
              el(
                "dd",
                {},
                ...g.items.flatMap((c, i) => [
                  i ? ", " : "",
                  c.key ? nodeButton(c.key, c.name, onSelect, "ref subtle") : c.name,
                  el("span", { class: "muted" }, ` ${c.count}`),
                ]),
              ),
            ]),
          ),
        )
      : null,
    section("Papers by centrality", d.papers.length, papers, moreButton(papers, 25)),
  ];
}

/** Fills `panel` with the details, or hides it for null. */
export function renderPanel(
  panel: HTMLElement,
  d: Details | CommunityDetails | null,
  onSelect: SelectFn,
  onClose: () => void,
  explain?: ExplainFn,
  mentions?: { evidence: (paper: string, concept: string) => Evidence; open: string | null },
) {
  panel.hidden = d === null;
  if (!d) {
    panel.replaceChildren();
    return;
  }
  const close = el(
    "button",
    {
      class: "close",
      attrs: { type: "button", "aria-label": "Close details" },
      on: { click: onClose },
    },
    "×",
  );
  const body =
    d.kind === "paper"
      ? paperView(d, onSelect, explain)
      : d.kind === "author"
        ? authorView(d, onSelect)
        : d.kind === "community"
          ? communityView(d, onSelect)
          : conceptView(
              d,
              onSelect,
              mentions && ((paper) => mentions.evidence(paper, d.key)),
              mentions?.open ?? null,
            );
  panel.replaceChildren(close, ...body.filter((c): c is Node => c instanceof Node));
  panel.scrollTop = 0;
}
