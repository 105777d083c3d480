import { readFileSync } from "node:fs";
import { writeFileAtomic } from "../../common/fs.ts";
import { escapeForTerminal } from "../../common/terminal.ts";
import { extractPapers } from "../../extract/index.ts";
import type { Entity, ExtractedPaper } from "../../extract/types.ts";
import { paperRole } from "../../graph/evidence.ts";
import { ingestPaths } from "../../ingest/files.ts";
import type { IngestSummary, Rejected } from "../../ingest/types.ts";
import { COMMON_OPTIONS, parse, parseAsOf, parseMaxInputMb, UsageError } from "../args.ts";
import { defaultInputs } from "../inputs.ts";
import { logLines, prepareOutputFile, writeStdout } from "../output.ts";

export function loadOntologies(files: string[] | undefined): unknown[] {
  return (files ?? []).map((f) => {
    try {
      return JSON.parse(readFileSync(f, "utf8"));
    } catch (err) {
      throw new UsageError(`--ontology ${f}: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
}

/** The --rejects report: every rejected record with its location and reason. */
export function writeRejects(path: string, rejected: Rejected[]): void {
  writeFileAtomic(path, `${JSON.stringify(rejected, null, 2)}\n`);
}

/**
 * The first rejects for stderr, one line each with its location (reasons often name the file
 * already); logLines escapes what they quote.
 */
export function rejectLines(rejected: Rejected[], max = 20): string[] {
  const lines = rejected.slice(0, max).map((r) => {
    const where = [r.file, r.line, r.entry].filter((x) => x !== undefined).join(":");
    return r.reason.includes(r.file)
      ? `  rejected: ${r.reason}`
      : `  rejected ${where}: ${r.reason}`;
  });
  if (rejected.length > max)
    lines.push(`  … and ${rejected.length - max} more (--rejects FILE lists all)`);
  return lines;
}

export function summaryLine(s: IngestSummary): string {
  return `${s.records} records: ${s.read} read, ${s.merged} merged as duplicates, ${s.rejected} rejected → ${s.papers} papers`;
}

export async function extractCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, COMMON_OPTIONS);
  const asOf = parseAsOf(values["as-of"]);
  const ontologies = loadOntologies(values.ontology);
  const paths = positionals.length ? positionals : defaultInputs();
  const maxInputMb = parseMaxInputMb(values["max-input-mb"]);
  if (values.rejects) prepareOutputFile(values.rejects);
  const ingested = await ingestPaths(paths, { asOf, maxInputMb });
  const papers = extractPapers(ingested.papers, { ontologies });
  if (values.rejects) writeRejects(values.rejects, ingested.rejected);
  if (values.json) {
    writeStdout(
      `${JSON.stringify(
        {
          papers,
          rejected: ingested.rejected,
          summary: ingested.summary,
          merges: ingested.merges ?? [],
        },
        null,
        2,
      )}\n`,
    );
  } else {
    writeStdout(formatPapers(papers));
  }
  logLines(summaryLine(ingested.summary), ...rejectLines(ingested.rejected));
  return values.strict && ingested.rejected.length > 0 ? 1 : 0;
}

/** How a paper's use of a concept is said after its label (src/graph/evidence.ts paperRole). */
const ROLE_WORDS = { used: "uses", proposed: "proposes" } as const;

/** An entity's label, with "(uses)" or "(proposes)" where the paper's sentences say so. */
export function entityText(e: Entity): string {
  const role = paperRole(e.mentions);
  return role ? `${e.label} (${ROLE_WORDS[role]})` : e.label;
}

function formatPapers(papers: ExtractedPaper[]): string {
  const out: string[] = [];
  for (const p of papers) {
    const authors = p.authors.map((a) => a.name).join(", ") + (p.authorsTruncated ? " et al." : "");
    out.push(
      escapeForTerminal(p.title),
      escapeForTerminal(`  ${p.id} · ${p.date?.iso ?? "no date"}${p.venue ? ` · ${p.venue}` : ""}`),
    );
    if (authors) out.push(escapeForTerminal(`  ${authors}`));
    const byType = new Map<string, string[]>();
    for (const e of p.entities) byType.set(e.type, [...(byType.get(e.type) ?? []), entityText(e)]);
    for (const [type, labels] of [...byType].sort())
      out.push(escapeForTerminal(`  ${type}: ${labels.join("; ")}`));
    out.push("");
  }
  return out.join("\n");
}
