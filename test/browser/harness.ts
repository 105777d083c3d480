// Shared browser-test harness: the built app served from a temp folder, and headless Chromium
// (Debian's package) driven by playwright-core with SwiftShader WebGL.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import type { SerializedGraph } from "../../src/graph/schema.ts";
import { writeSite } from "../../src/server/site.ts";
import { createStaticServer, listen } from "../../src/server/static.ts";
import { buildBenchApp } from "./app.ts";

export const CHROMIUM = process.env.LITGRAPH_CHROMIUM ?? "/usr/bin/chromium";

/** Why the browser suite cannot run here, or null. Under CI=true a missing browser is a failure. */
export function browserUnavailable(): string | null {
  if (existsSync(CHROMIUM)) return null;
  const why = `no Chromium at ${CHROMIUM} (apt-get install chromium, or set LITGRAPH_CHROMIUM)`;
  if (process.env.CI === "true") throw new Error(`browser tests cannot run under CI=true: ${why}`);
  console.warn(`browser tests skipped: ${why}`);
  return why;
}

/** Headless Chromium; playwright gives each launch a fresh temporary profile. */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--use-angle=swiftshader",
      "--enable-unsafe-swiftshader",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export interface Site {
  url: string;
  dir: string;
  close(): Promise<void>;
}

/** Builds (or reuses) the bench build of the app (test/browser/app.ts), writes it with `graph` into a temp folder and serves it on a free port. */
export async function serveSite(
  graph: SerializedGraph | null,
  extra: Record<string, string> = {},
): Promise<Site> {
  const app = await buildBenchApp();
  const dir = mkdtempSync(join(tmpdir(), "litgraph-site-"));
  if (graph) writeSite(dir, app, graph);
  else {
    writeSite(dir, app, { nodes: [] } as unknown as SerializedGraph);
    rmSync(join(dir, "graph.json"));
  }
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(dir, name), text);
  const server: Server = createStaticServer({ root: dir });
  const port = await listen(server, 0, "127.0.0.1");
  return {
    url: `http://127.0.0.1:${port}/`,
    dir,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
        rmSync(dir, { recursive: true, force: true });
      }),
  };
}

/** A suite's browser and sites, live between its beforeAll and afterAll (useSites). */
export interface SiteSuite<K extends string> {
  browser(): Browser;
  url(which: K): string;
}

/**
 * Registers the hooks that launch Chromium and serve one site per graph for the calling test
 * file (nothing when `skip` says the browser is missing), and closes them after it.
 */
export function useSites<K extends string>(
  graphs: Record<K, SerializedGraph>,
  skip: string | null,
): SiteSuite<K> {
  let browser: Browser | undefined;
  const sites = new Map<K, Site>();
  beforeAll(async () => {
    if (skip) return;
    browser = await launch();
    for (const [which, graph] of Object.entries(graphs) as [K, SerializedGraph][])
      sites.set(which, await serveSite(graph));
  }, 120_000);
  afterAll(async () => {
    for (const site of sites.values()) await site.close();
    await browser?.close();
  });
  return {
    browser: () => {
      if (!browser) throw new Error("browser tests: no browser (useSites's beforeAll did not run)");
      return browser;
    },
    url: (which) => sites.get(which)?.url ?? "",
  };
}
