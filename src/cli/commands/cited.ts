// `litgraph cited [paths…] [--top N] [--json]`: the works the corpus cites most that it does
// not contain (as Local Citation Network lists them): the papers a reader may be missing.
// Reads the inputs' references only; no extraction, no graph.

import { escapeForTerminal } from "../../common/terminal.ts";
import { citationSignals } from "../../graph/citation-signals.ts";
import { ingestPaths } from "../../ingest/files.ts";
import { COMMON_OPTIONS, parse, parseAsOf, parseMaxInputMb, UsageError } from "../args.ts";
import { defaultInputs } from "../inputs.ts";
import { logLines, writeStdout } from "../output.ts";
import { rejectLines, summaryLine, writeRejects } from "./extract.ts";

const CITED_OPTIONS = { ...COMMON_OPTIONS, top: { type: "string" } } as const;

/** --top N: a positive integer (default 20). */
function parseTop(value: string | undefined): number {
  if (value === undefined) return 20;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`--top wants a positive integer, got '${value}'`);
  return n;
}

export async function citedCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, CITED_OPTIONS);
  const top = parseTop(values.top);
  const ingested = await ingestPaths(positionals.length ? positionals : defaultInputs(), {
    asOf: parseAsOf(values["as-of"]),
    maxInputMb: parseMaxInputMb(values["max-input-mb"]),
  });
  if (values.rejects) writeRejects(values.rejects, ingested.rejected);
  const papers = ingested.papers;
  const signals = citationSignals(papers);
  const citedBy = new Map<string, string[]>();
  signals.references.forEach((ids, i) => {
    for (const id of ids) citedBy.set(id, [...(citedBy.get(id) ?? []), papers[i]?.id ?? ""]);
  });
  const cited = signals.external
    .slice(0, top)
    .map((w) => ({ ...w, citedBy: citedBy.get(w.id) ?? [] }));
  const totals = {
    papers: papers.length,
    papersWithReferences: signals.references.filter((r) => r.length > 0).length,
    references: signals.references.reduce((n, r) => n + r.length, 0),
    inSetCitations: signals.cites.length,
    outsideWorks: signals.external.length,
  };
  if (values.json) writeStdout(`${JSON.stringify({ ...totals, cited }, null, 2)}\n`);
  else writeStdout(formatCited(totals, cited));
  logLines(summaryLine(ingested.summary), ...rejectLines(ingested.rejected));
  return values.strict && ingested.rejected.length > 0 ? 1 : 0;
}

function formatCited(
  t: {
    papers: number;
    papersWithReferences: number;
    references: number;
    inSetCitations: number;
    outsideWorks: number;
  },
  cited: { id: string; count: number; label?: string }[],
): string {
  const out = [
    `${t.papersWithReferences} of ${t.papers} papers list references (${t.references} in all); ${t.inSetCitations} cite a paper of the set; ${t.outsideWorks} works cited are outside the set.`,
    "",
  ];
  if (!cited.length) out.push("  (no references outside the set)");
  cited.forEach((w, i) => {
    out.push(`${String(i + 1).padStart(3)}. ${String(w.count).padStart(4)}×  ${w.label ?? w.id}`);
    if (w.label) out.push(`             ${w.id}`);
  });
  // Labels come from the inputs' reference lines: escaped like every text output.
  return `${out.map(escapeForTerminal).join("\n")}\n`;
}
