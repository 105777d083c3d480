import { existsSync, readFileSync } from "node:fs";
import { escapeForTerminal } from "../../common/terminal.ts";
import { isRecordFormat, RECORD_FORMATS, type RecordFormat } from "../../export/records/formats.ts";
import {
  clusters,
  collaborators,
  communityPapers,
  findAuthor,
  findPaper,
  related,
  yearCounts,
} from "../../graph/queries.ts";
import { CITED_BY_IT, CITES_IT } from "../../graph/reasons.ts";
import type { CommunityCard, ShareItem } from "../../graph/schema.ts";
import { type LoadedGraph, loadGraph } from "../../graph/serialize.ts";
import { COMMON_OPTIONS, parse, parseAsOf, parseMaxInputMb, UsageError } from "../args.ts";
import { AUTHOR_OPTIONS, authorOptions } from "../authors-options.ts";
import { defaultInputs } from "../inputs.ts";
import { logLines, writeStdout } from "../output.ts";

/** Text output: one line per entry, titles and names from the inputs escaped. */
const textLines = (lines: string[]) => `${lines.map(escapeForTerminal).join("\n")}\n`;

const QUERY_OPTIONS = {
  ...COMMON_OPTIONS,
  ...AUTHOR_OPTIONS,
  graph: { type: "string" },
  top: { type: "string" },
  resolution: { type: "string" },
  format: { type: "string" },
  community: { type: "string" },
} as const;

type Values = ReturnType<typeof parse<typeof QUERY_OPTIONS>>["values"];

/** The graph from --graph FILE, else built from the input paths (none: seeds/). */
export async function loadQueryGraph(values: Values, paths: string[]): Promise<LoadedGraph> {
  if (values.graph) {
    if (paths.length) throw new UsageError("give either input paths or --graph, not both");
    if (values.authors !== undefined || values["max-coauthors"] !== undefined)
      throw new UsageError("--authors and --max-coauthors shape a build: not with --graph");
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(values.graph, "utf8"));
    } catch (err) {
      throw new Error(
        `--graph ${values.graph}: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
    return loadGraph(json, values.graph);
  }
  for (const p of paths)
    if (!existsSync(p))
      throw new UsageError(
        `no such input '${p}' (quote multi-word queries: litgraph related "dataset condensation")`,
      );
  // Loaded only here: a query on a built graph.json starts without the readers and extraction.
  const [{ runPipeline }, { parseResolution }, { loadOntologies, summaryLine }] = await Promise.all(
    [import("../../pipeline.ts"), import("./build.ts"), import("./extract.ts")],
  );
  const { serialized, ingest } = await runPipeline(paths.length ? paths : defaultInputs(), {
    asOf: parseAsOf(values["as-of"]),
    resolution: parseResolution(values.resolution),
    ontologies: loadOntologies(values.ontology),
    maxInputMb: parseMaxInputMb(values["max-input-mb"]),
    graph: { authors: authorOptions(values) },
  });
  logLines(summaryLine(ingest.summary));
  return loadGraph(serialized, "pipeline");
}

function queryArgs(argv: string[], what: string) {
  const { values, positionals } = parse(argv, QUERY_OPTIONS);
  const [query, ...paths] = positionals;
  if (!query) throw new UsageError(`give ${what}`);
  return { values, query, paths };
}

const pct = (share: number) => `${Math.round(share * 100)}%`;

const KIND_NAMES: Record<string, string> = {
  term: "terms",
  author: "authors",
  citation: "references",
  other: "other",
  [CITES_IT]: "cites it",
  [CITED_BY_IT]: "cited by it",
};

/** A direct citation between the paper and the related one, as `related` gives it (fromPaper). */
const isDirect = (kind: string) => kind === CITES_IT || kind === CITED_BY_IT;

/**
 * The reasons of a related paper (as `related` gives them: a direct citation seen from the
 * query, reasons.ts fromPaper): a direct citation first, then the shared items grouped by kind,
 * largest group first ("other", the shared items not named, last), each with its summed share:
 * "cites it (20%); shared terms graph, nodes (45%); authors Lei Clifton (30%); other (5%)"
 */
export function formatReasons(reasons: ShareItem[]): string {
  const direct = reasons
    .filter((r) => isDirect(r.kind))
    .map((r) => `${KIND_NAMES[r.kind]} (${pct(r.share)})`);
  const shared = formatShared(reasons.filter((r) => !isDirect(r.kind)));
  return [...direct, ...(shared ? [`shared ${shared}`] : [])].join("; ");
}

/** The shared items grouped by kind (see formatReasons). */
function formatShared(reasons: ShareItem[]): string {
  const groups = new Map<string, { share: number; labels: string[] }>();
  for (const r of reasons) {
    const g = groups.get(r.kind) ?? { share: 0, labels: [] };
    g.share += r.share;
    if (r.kind !== "other") g.labels.push(r.label);
    groups.set(r.kind, g);
  }
  return [...groups]
    .sort(
      (a, b) =>
        Number(a[0] === "other") - Number(b[0] === "other") ||
        b[1].share - a[1].share ||
        (a[0] < b[0] ? -1 : 1),
    )
    .map(([kind, g]) =>
      [KIND_NAMES[kind] ?? kind, labelList(kind, g.labels), `(${pct(g.share)})`]
        .filter(Boolean)
        .join(" "),
    )
    .join("; ");
}

/** Shown references at most: a reference label is a whole citation. */
const MAX_REFERENCES_SHOWN = 3;

/** A group's labels; references (whole citations, commas inside) counted and cut to a few. */
function labelList(kind: string, labels: string[]): string {
  if (kind !== "citation") return labels.join(", ");
  const shown = labels.slice(0, MAX_REFERENCES_SHOWN).join(" | ");
  const more =
    labels.length > MAX_REFERENCES_SHOWN ? ` | … ${labels.length - MAX_REFERENCES_SHOWN} more` : "";
  return `${labels.length}: ${shown}${more}`;
}

/** --format bibtex|ris|csl|csv: the papers written as records; undefined: the usual output. */
function recordFormat(values: Values): RecordFormat | undefined {
  const f = values.format;
  if (f === undefined) return undefined;
  if (!isRecordFormat(f))
    throw new UsageError(`--format wants one of ${RECORD_FORMATS.join(", ")}, got '${f}'`);
  if (values.json) throw new UsageError("give either --json or --format, not both");
  return f;
}

export async function relatedCommand(argv: string[]): Promise<number> {
  const { values, query, paths } = queryArgs(argv, "a paper id or title words");
  const top = values.top === undefined ? 10 : Number(values.top);
  if (!Number.isInteger(top) || top < 1)
    throw new UsageError(`--top wants a positive integer, got '${values.top}'`);
  const format = recordFormat(values);
  const loaded = await loadQueryGraph(values, paths);
  const { graph } = loaded;
  const node = findPaper(graph, query);
  const list = related(loaded, node, top);
  if (format) {
    const { exportPapers } = await import("../../export/records/index.ts");
    writeStdout(
      exportPapers(
        graph,
        list.map((r) => r.node),
        format,
      ),
    );
    return 0;
  }
  const title = graph.getNodeAttribute(node, "title") as string;
  if (values.json) {
    writeStdout(`${JSON.stringify({ paper: { node, title }, related: list }, null, 2)}\n`);
    return 0;
  }
  const out = [`Related to: ${title}`, `  ${node}`, ""];
  if (list.length === 0)
    out.push("  (no paper shares a specific word, entity, author or citation with it)");
  list.forEach((r, i) => {
    out.push(`${String(i + 1).padStart(3)}. ${r.score.toFixed(2).padStart(6)}  ${r.title}`);
    out.push(`             because: ${formatReasons(r.reasons)}`);
  });
  writeStdout(textLines(out));
  return 0;
}

export async function collaboratorsCommand(argv: string[]): Promise<number> {
  const { values, query, paths } = queryArgs(argv, "an author name");
  const loaded = await loadQueryGraph(values, paths);
  const { graph } = loaded;
  const node = findAuthor(graph, query);
  const a = graph.getNodeAttributes(node);
  const list = collaborators(loaded, node);
  if (values.json) {
    const author = { node, name: a.label, variants: a.variants, paperCount: a.paperCount };
    writeStdout(`${JSON.stringify({ author, collaborators: list }, null, 2)}\n`);
    return 0;
  }
  const others = (a.variants as string[]).filter((v) => v !== a.label);
  const out = [
    `${a.label} — ${a.paperCount} paper${a.paperCount === 1 ? "" : "s"}${others.length ? `; also written ${others.join(", ")}` : ""}`,
    `  ${node}`,
    "",
  ];
  if (list.length === 0) out.push("  (no co-authors listed)");
  for (const c of list) {
    out.push(`${String(c.count).padStart(4)}  ${c.name}`);
    for (const p of c.papers) out.push(`        ${p.title}`);
  }
  writeStdout(textLines(out));
  return 0;
}

export function formatCard(card: CommunityCard): string {
  const years =
    card.years.min === null
      ? "no dates"
      : card.years.min === card.years.max
        ? `${card.years.min}`
        : `${card.years.min}–${card.years.max}`;
  const out = [`#${card.id}  ${card.label}  (${card.size} papers, ${years})`];
  for (const [type, list] of Object.entries(card.topEntities).sort()) {
    out.push(`  ${type}: ${list.map((e) => `${e.label} (${e.count})`).join(", ")}`);
  }
  if (card.topTerms?.length)
    out.push(`  terms: ${card.topTerms.map((t) => `${t.label} (${t.count})`).join(", ")}`);
  out.push(`  authors: ${card.topAuthors.map((a) => `${a.name} (${a.count})`).join(", ") || "—"}`);
  out.push("  papers:");
  for (const p of card.topPapers) out.push(`    ${p.title}`);
  return out.join("\n");
}

/** --community N: a community id, which --format needs. */
function communityArg(values: Values, format: RecordFormat | undefined): number | undefined {
  if (values.community === undefined) {
    if (format) throw new UsageError("--format writes one community's papers: give --community N");
    return undefined;
  }
  const id = Number(values.community);
  if (!/^\d+$/.test(values.community) || !Number.isSafeInteger(id))
    throw new UsageError(`--community wants a community id (0, 1, …), got '${values.community}'`);
  return id;
}

export async function clustersCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, QUERY_OPTIONS);
  const format = recordFormat(values);
  const community = communityArg(values, format);
  const { graph, meta } = await loadQueryGraph(values, positionals);
  const all = clusters(meta);
  const cards = community === undefined ? all : all.filter((c) => c.id === community);
  if (community !== undefined && cards.length === 0)
    throw new UsageError(
      `no community ${community} (ids ${all[0]?.id ?? "–"}–${all.at(-1)?.id ?? "–"})`,
    );
  if (format && community !== undefined) {
    const { exportPapers } = await import("../../export/records/index.ts");
    writeStdout(exportPapers(graph, communityPapers(graph, community), format));
    return 0;
  }
  if (values.json) {
    const withYears = cards.map((c) => ({
      ...c,
      ...yearCounts(graph, communityPapers(graph, c.id)),
    }));
    writeStdout(
      `${JSON.stringify({ communities: withYears, collabCommunities: meta.collabCommunities }, null, 2)}\n`,
    );
    return 0;
  }
  const unassigned = (meta.counts["nodes.paper"] ?? 0) - cards.reduce((n, c) => n + c.size, 0);
  writeStdout(
    textLines([
      ...cards.flatMap((card, i) => [...(i > 0 ? [""] : []), ...formatCard(card).split("\n")]),
      "",
      `${cards.length} communities; ${unassigned} papers in none`,
    ]),
  );
  return 0;
}
