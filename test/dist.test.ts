// The compiled CLI (dist/, scripts/build.mjs; test/setup/dist.ts compiles it from the current
// sources before the suite) does what the sources do: the same graph as src/ through tsx, the
// same BibTeX reading, and worker bodies that answer as the sources do in this thread.
import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { sourceVersion } from "../src/cache/version.ts";
import { PACKAGE_ROOT } from "../src/common/package-root.ts";
import { openSyncWorker } from "../src/common/sync-worker.ts";
import { BUILTIN_INPUTS, conceptInputsKey } from "../src/extract/concept-snapshot.ts";
import { extractParts } from "../src/extract/staged.ts";
import { DEFAULTS } from "../src/graph/options.ts";
import {
  internItems,
  materialize,
  paperItems,
  type SimilarityOutput,
  similarPairs,
} from "../src/graph/similarity.ts";
import { CLI } from "./cli-bin.ts";
import { seedPapers } from "./fixtures/extract/records.ts";
import { seedExtracted } from "./seed-extracted.ts";
import { tempDirs } from "./temp-dirs.ts";

const tmp = tempDirs("dist");
const exec = promisify(execFile);
const run = async (args: string[]) =>
  (await exec(process.execPath, args, { maxBuffer: 64 * 1024 * 1024, timeout: 180_000 })).stdout;
const FROM_SRC = ["--import", "tsx", join(PACKAGE_ROOT, "src", "cli", "bin.ts")];

describe("dist/", () => {
  it("writes the same graph as the sources through tsx, and reads BibTeX alike", async () => {
    const out = tmp();
    const common = ["build", "--as-of", "2026-11-27", "--no-cache"];
    const bib = ["extract", "--json", "--as-of", "2026-11-27", "test/fixtures/ingest-b"];
    const [, , compiledBib, srcBib] = await Promise.all([
      run([CLI, ...common, "-o", join(out, "dist.json")]),
      run([...FROM_SRC, ...common, "-o", join(out, "src.json")]),
      run([CLI, ...bib]),
      run([...FROM_SRC, ...bib]),
    ]);
    const compiled = readFileSync(join(out, "dist.json"), "utf8");
    expect(compiled === readFileSync(join(out, "src.json"), "utf8")).toBe(true);
    expect(JSON.parse(compiled).meta.counts["nodes.paper"]).toBe(14);
    expect(compiledBib === srcBib).toBe(true);
    expect(JSON.parse(compiledBib).papers.length).toBeGreaterThan(10);
  }, 240_000);

  it("names its cache files as the sources do: the stage versions compiled in are src/'s", () => {
    const dist = join(PACKAGE_ROOT, "dist");
    const code = readdirSync(dist)
      .filter((f) => f.endsWith(".js"))
      .map((f) => readFileSync(join(dist, f), "utf8"))
      .join("\n");
    for (const stage of ["extract", "ingest"] as const)
      expect(code).toContain(`${stage}: "${sourceVersion(stage)}"`);
  });

  it("compiles in the concept index snapshot of the current ontology and word lists", () => {
    const dist = join(PACKAGE_ROOT, "dist");
    const code = readdirSync(dist)
      .filter((f) => f.endsWith(".js"))
      .map((f) => readFileSync(join(dist, f), "utf8"))
      .join("\n");
    // The snapshot is JSON text in a string literal (its quotes escaped or not).
    const key = conceptInputsKey(BUILTIN_INPUTS);
    expect(code).toMatch(new RegExp(`\\\\?"key\\\\?":\\\\?"${key}\\\\?"`));
    expect(code).not.toContain("LITGRAPH_CONCEPT_SNAPSHOT");
  });

  // The compiled CLI starts these (src/common/package-root.ts workerModule) only on big corpora.
  it("its worker bodies answer as the sources do", async () => {
    const url = (name: string) => pathToFileURL(join(PACKAGE_ROOT, "dist", `${name}.js`));
    const items = seedExtracted().map((p) =>
      paperItems([], p.entities, (n) => n, DEFAULTS.similarity),
    );
    const similarity = openSyncWorker<unknown, SimilarityOutput>(url("similarity-worker"));
    const papers = seedPapers
      .slice(0, 4)
      .map(({ id, title, abstract }) => ({ id, title, abstract }));
    const extraction = new Worker(url("parallel-worker"));
    try {
      const input = internItems(items);
      const there = similarity.post({ input, opts: DEFAULTS.similarity }, 60_000)();
      expect(there?.pairs.length).toBeGreaterThan(0);
      expect(there && materialize(items, there)).toEqual(
        materialize(items, similarPairs(input, DEFAULTS.similarity)),
      );
      const answer = await new Promise<{ parts: unknown }>((resolve, reject) => {
        extraction.once("message", resolve);
        extraction.once("error", reject);
        extraction.postMessage({ id: 1, opts: {}, papers });
      });
      expect(answer.parts).toEqual(extractParts(papers, {}));
    } finally {
      await Promise.all([similarity.close(), extraction.terminate()]);
    }
  }, 180_000);
});
