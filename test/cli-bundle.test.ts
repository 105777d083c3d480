// The bundled CLI (bin/cli-bundle.mjs, written by bin/build-cli.mjs): it runs only when built from
// the sources as they are, and it does what the sources run through tsx do.
import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { BUNDLE_DIR, freshBundle, sourceStamp } from "../bin/cli-bundle.mjs";
import { openSyncWorker } from "../src/common/sync-worker.ts";
import { extractParts } from "../src/extract/staged.ts";
import { DEFAULTS } from "../src/graph/options.ts";
import {
  internItems,
  materialize,
  paperItems,
  type SimilarityOutput,
  similarPairs,
} from "../src/graph/similarity.ts";
import { seedPapers } from "./fixtures/extract/records.ts";
import { seedExtracted } from "./seed-extracted.ts";
import { tempDirs } from "./temp-dirs.ts";

const tmp = tempDirs("cli-bundle");

function run(args: string[], env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      args,
      { env: { ...process.env, ...env }, timeout: 120_000 },
      (err, stdout, stderr) =>
        err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout),
    );
  });
}

describe("bundled CLI", () => {
  it("the source stamp changes with any file under src/ and with the library shims", () => {
    const root = tmp();
    mkdirSync(join(root, "src", "graph"), { recursive: true });
    writeFileSync(join(root, "src", "graph", "a.ts"), "export const a = 1;\n");
    const before = sourceStamp(root);
    expect(sourceStamp(root)).toBe(before);
    writeFileSync(join(root, "src", "graph", "a.ts"), "export const a = 2;\n");
    const edited = sourceStamp(root);
    expect(edited).not.toBe(before);
    writeFileSync(join(root, "src", "graph", "b.json"), "{}\n");
    const added = sourceStamp(root);
    expect(added).not.toBe(edited);
    mkdirSync(join(root, "bin"));
    writeFileSync(join(root, "bin", "compromise-lazy.mjs"), "export default 1;\n");
    const shim = sourceStamp(root);
    expect(shim).not.toBe(added);
    writeFileSync(join(root, "bin", "citation-lazy.mjs"), "export const plugins = {};\n");
    expect(sourceStamp(root)).not.toBe(shim);
  });

  it("its compromise lexicon snapshot is the installed compromise's lexicon", async () => {
    await run(["bin/build-cli.mjs"]);
    const nlp = (await import("compromise")).default as unknown as {
      version: string;
      model(): { one: { lexicon: Record<string, string> } };
    };
    const snap = JSON.parse(readFileSync(join(BUNDLE_DIR, "compromise-lexicon.json"), "utf8"));
    expect(snap.version).toBe(nlp.version);
    expect(snap.lexicon).toEqual(nlp.model().one.lexicon);
  }, 120_000);

  it("is built from the current sources and writes the same graph as the sources through tsx", async () => {
    await run(["bin/build-cli.mjs"]);
    expect(freshBundle()).not.toBeNull();
    // Not fresh without one of its worker bodies: the sources run through tsx instead.
    const worker = join(BUNDLE_DIR, "similarity-worker.mjs");
    renameSync(worker, `${worker}.away`);
    try {
      expect(freshBundle()).toBeNull();
    } finally {
      renameSync(`${worker}.away`, worker);
    }
    expect(freshBundle()).not.toBeNull();
    const out = tmp();
    const common = ["build", "--as-of", "2026-11-27", "--no-cache"];
    await run(["bin/litgraph.mjs", ...common, "-o", join(out, "bundle.json")]);
    await run(["bin/litgraph.mjs", ...common, "-o", join(out, "tsx.json")], { LITGRAPH_TSX: "1" });
    const bundled = readFileSync(join(out, "bundle.json"), "utf8");
    expect(bundled).toBe(readFileSync(join(out, "tsx.json"), "utf8"));
    expect(JSON.parse(bundled).meta.counts["nodes.paper"]).toBe(14);
    // BibTeX goes through citation-js, which the bundle loads only then (bin/citation-lazy.mjs).
    const bib = ["extract", "--json", "--as-of", "2026-11-27", "test/fixtures/ingest-b"];
    const fromBundle = await run(["bin/litgraph.mjs", ...bib]);
    expect(fromBundle).toBe(await run(["bin/litgraph.mjs", ...bib], { LITGRAPH_TSX: "1" }));
    expect(JSON.parse(fromBundle).papers.length).toBeGreaterThan(10);
  }, 180_000);

  // Each worker body bundled beside the CLI answers as its source does in this thread; the
  // bundled CLI starts them (src/common/package-root.ts workerModule) only on big corpora.
  it("its bundled worker bodies answer as the sources do", async () => {
    await run(["bin/build-cli.mjs"]);
    const url = (name: string) => pathToFileURL(join(BUNDLE_DIR, `${name}.mjs`));
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
