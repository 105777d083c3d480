import { VERSION } from "../common/version.ts";
import { UsageError } from "./args.ts";
import { logLines } from "./output.ts";

export const HELP = `litgraph — build and explore knowledge graphs of research literature

Usage: litgraph <command> [paths…] [options]
With no paths, every command reads the embedded seed listing (seeds/).

Commands:
  extract [paths…]              read papers and extract entities (--json for records)
  build [paths…]                build the graph (-o out/graph.json, --format json|gexf|graphml|csv,
                                --threads N, --no-cache, --cache-dir DIR (default .litgraph-cache),
                                --incremental: keep the previous build's layout (from the cache)
                                and place only new nodes; a rebuild then costs what new papers cost
  related <paper id|title words> ranked related papers with reasons (--top N)
  collaborators <author name>   co-authors with shared-paper counts
  clusters                      the community cards
  cited [paths…]                the works the inputs cite most that they do not contain (--top N)
  fetch <source> [query…] -o FILE
                                records from openalex, crossref, pubmed, s2 (Semantic Scholar), arxiv
                                or zotero (the desktop app's local API; --collection KEY),
                                written as one file build reads (--doi D / --id ID instead of a
                                query, --max N, --email ADDRESS, --api-key KEY, --json)
  serve [paths…]                build and serve the web view (--port N, --host H)
  site [paths…] -o DIR          write a static site of the web view and its graph (cache and
                                --threads as build)

Common options:
  --as-of YYYY-MM-DD   the listing's date (yearless seed dates take its year; default today)
  --json               machine-readable output on stdout
  --rejects FILE       write the rejected-records report as JSON
  --strict             exit 1 when any input record was rejected
  --ontology FILE      add a user ontology (JSON) to the built-in one (repeatable)
  --max-input-mb N     refuse an input file larger than N MB (default 256)
  --graph FILE         query commands: read a built graph.json instead of inputs
  --authors FILE       a thesaurus CSV (name,author) merging or splitting author names
  --max-coauthors N    papers with more authors make no co-author edges (default 25)
  -h, --help           this help

Exit codes: 0 success, 1 rejected records under --strict or a failed command, 2 usage error.
`;

type Command = (argv: string[]) => Promise<number>;

// Each command's module is loaded when the command is named (compiled, each is a chunk of its
// own): `--version` and `--help` load nothing more.
const COMMANDS: Record<string, () => Promise<Command>> = {
  extract: async () => (await import("./commands/extract.ts")).extractCommand,
  build: async () => (await import("./commands/build.ts")).buildCommand,
  related: async () => (await import("./commands/query.ts")).relatedCommand,
  collaborators: async () => (await import("./commands/query.ts")).collaboratorsCommand,
  clusters: async () => (await import("./commands/query.ts")).clustersCommand,
  cited: async () => (await import("./commands/cited.ts")).citedCommand,
  fetch: async () => (await import("./commands/fetch.ts")).fetchCommand,
  serve: async () => (await import("./commands/serve.ts")).serveCommand,
  site: async () => (await import("./commands/serve.ts")).siteCommand,
};

/** Commands that print a help of their own for -h/--help. */
const OWN_HELP = new Set(["fetch", "serve", "site"]);

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "-h" || name === "--help" || name === "help") {
    process.stdout.write(HELP);
    return name ? 0 : 2;
  }
  if (name === "--version" || name === "-v") {
    process.stdout.write(`litgraph ${VERSION}\n`);
    return 0;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    logLines(`litgraph: unknown command '${name}'`);
    process.stderr.write(`\n${HELP}`);
    return 2;
  }
  // Commands with no help of their own show this one, and do nothing else.
  if (!OWN_HELP.has(name) && rest.some((a) => a === "-h" || a === "--help")) {
    process.stdout.write(HELP);
    return 0;
  }
  try {
    return await (await load())(rest);
  } catch (err) {
    logLines(`litgraph ${name}: ${err instanceof Error ? err.message : String(err)}`);
    return err instanceof UsageError ? 2 : 1;
  }
}
