// Child process for test/reliability-bibtex.test.ts: ingests the given files and prints, as one
// JSON line, the time taken, the process's peak resident memory and the ingest summary.
//   npx tsx test/fuzz/ingest-usage.ts <files…>
import { ingestPaths } from "../../src/ingest/files.ts";

const started = performance.now();
const result = await ingestPaths(process.argv.slice(2), {
  asOf: new Date("2026-11-27T00:00:00Z"),
});
process.stdout.write(
  `${JSON.stringify({
    ms: Math.round(performance.now() - started),
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    summary: result.summary,
    rejected: result.rejected.map((r) => r.reason),
  })}\n`,
);
