// npm run eval [-- --json] [--corpora DIR]: litgraph's quality beside a peer on labelled data,
// one table (docs/quality.md). Reads ../shared/corpora (or --corpora DIR) when present; the
// sections that need it are skipped with a note otherwise.
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { AAAI_FILE, evalAaai, loadAaai } from "./aaai.ts";
import { evalAaaiTitles } from "./aaai-titles.ts";
import { evalExtraction } from "./extraction.ts";
import { evalIdentity, IDENTITY_FILES } from "./identity.ts";
import type { EvalRow } from "./types.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

function parseArgs(argv: string[]): { json: boolean; corpora: string } {
  let json = false;
  let corpora = resolve(ROOT, "../shared/corpora");
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--json") json = true;
    else if (argv[i] === "--corpora" && argv[i + 1]) corpora = resolve(argv[++i]);
    else {
      console.error(`eval: unknown argument '${argv[i]}' (usage: --json, --corpora DIR)`);
      process.exit(2);
    }
  }
  return { json, corpora };
}

const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(4));

/** The rows as a fixed-width table. */
export function table(rows: EvalRow[]): string {
  const head = ["section", "metric", "corpus", "litgraph", "peer", "peer is", "note"];
  const cells = rows.map((r) => [
    r.section,
    r.metric,
    r.corpus,
    fmt(r.litgraph),
    fmt(r.peer),
    r.peerName,
    r.note ?? "",
  ]);
  const width = head.map((h, c) => Math.max(h.length, ...cells.map((row) => row[c].length)));
  const line = (row: string[]) =>
    row
      .map((s, c) => s.padEnd(width[c]))
      .join("  ")
      .trimEnd();
  return [line(head), line(width.map((w) => "-".repeat(w))), ...cells.map(line)].join("\n");
}

async function main(): Promise<void> {
  const { json, corpora } = parseArgs(process.argv.slice(2));
  const rows: EvalRow[] = [];
  if (existsSync(resolve(corpora, AAAI_FILE))) {
    const aaai = await loadAaai(corpora);
    rows.push(...evalAaai(aaai), ...(await evalAaaiTitles(aaai)));
  } else console.error(`eval: ${resolve(corpora, AAAI_FILE)} not found: AAAI rows skipped`);
  if (IDENTITY_FILES.every((f) => existsSync(resolve(corpora, "paperlists", f))))
    rows.push(...(await evalIdentity(corpora)));
  else
    console.error(
      `eval: the ACL/COLING paperlists are not under ${corpora}: identity rows skipped`,
    );
  rows.push(...evalExtraction());
  process.stdout.write(json ? `${JSON.stringify(rows, null, 2)}\n` : `${table(rows)}\n`);
}

await main();
