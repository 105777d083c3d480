// The static server of `litgraph serve`: only files inside its folder, whatever the URL says.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { request, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePort, siteCommand } from "../src/cli/commands/serve.ts";
import { GraphFile } from "../src/graph/schema.ts";
import { createStaticServer, listen, resolveRequestPath } from "../src/server/static.ts";

describe("server/static: resolveRequestPath", () => {
  it.each([
    ["/", "index.html"],
    ["/graph.json", "graph.json"],
    ["/assets/index-abc.js?v=1#x", "assets/index-abc.js"],
    ["/sub/", "sub/index.html"],
    ["/a%20b.txt", "a b.txt"],
  ])("%s → %s", (url, rel) => {
    expect(resolveRequestPath(url)).toEqual({ ok: true, relPath: rel });
  });
  it.each([
    ["/../package.json", 404],
    ["/%2e%2e/package.json", 404],
    ["/%2E%2E/%2E%2E/etc/passwd", 404],
    ["/assets/../../x", 404],
    ["/./graph.json", 404],
    ["/..%2fpackage.json", 400],
    ["/..%5cpackage.json", 400],
    ["/%2fetc/passwd", 400],
    ["/a%00.json", 400],
    ["/%E0%A4%A", 400],
    ["/..\\package.json", 400],
    ["//etc/passwd", 400],
    ["/C:/Windows/win.ini", 404],
    ["http://evil/x", 400],
  ])("%s is refused with %i", (url, status) => {
    const r = resolveRequestPath(url);
    expect(r.ok).toBe(false);
    expect(r.ok === false && r.status).toBe(status);
  });
});

describe("server/static: live server", () => {
  let base: string;
  let root: string;
  let server: Server;
  let port: number;
  beforeAll(async () => {
    base = mkdtempSync(join(tmpdir(), "litgraph-static-"));
    root = join(base, "site");
    mkdirSync(join(root, "assets"), { recursive: true });
    writeFileSync(join(root, "index.html"), "<!doctype html><p>home</p>");
    writeFileSync(join(root, "graph.json"), '{"ok":true}');
    writeFileSync(join(root, "assets", "a.js"), "export {};");
    writeFileSync(join(base, "secret.txt"), "SECRET");
    symlinkSync(join(base, "secret.txt"), join(root, "link.txt"));
    server = createStaticServer({ root });
    port = await listen(server, 0, "127.0.0.1");
  });
  afterAll(async () => {
    await new Promise<void>((done) => server.close(() => done()));
    rmSync(base, { recursive: true, force: true });
  });

  /** A raw request: the path is sent exactly as written (no client-side normalisation). */
  const get = (path: string, method = "GET") =>
    new Promise<{ status: number; body: string; type: string }>((resolve, reject) => {
      const req = request({ host: "127.0.0.1", port, path, method }, (res) => {
        let body = "";
        res.on("data", (c) => {
          body += c;
        });
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, body, type: String(res.headers["content-type"]) }),
        );
      });
      req.on("error", reject);
      req.end();
    });

  it.each([
    ["/", 200, "<!doctype html><p>home</p>", "text/html"],
    ["/graph.json", 200, '{"ok":true}', "application/json"],
    ["/assets/a.js", 200, "export {};", "text/javascript"],
    ["/missing.json", 404, "not found", "text/plain"],
    ["/assets", 404, "not found", "text/plain"],
  ])("GET %s → %i", async (path, status, body, type) => {
    const r = await get(path);
    expect(r.status).toBe(status);
    expect(r.body.trim()).toBe(body);
    expect(r.type).toContain(type);
  });
  it.each([
    "/../secret.txt",
    "/%2e%2e/secret.txt",
    "/assets/../../secret.txt",
    "/..%2fsecret.txt",
    "/link.txt",
    "/../package.json",
    `/${"../".repeat(8)}etc/passwd`,
  ])("never leaves the folder: %s", async (path) => {
    const r = await get(path);
    expect([400, 404]).toContain(r.status);
    expect(r.body).not.toContain("SECRET");
    expect(r.body).not.toContain("root:");
  });
  it("refuses other methods", async () => {
    expect((await get("/", "POST")).status).toBe(405);
  });
});

describe("cli: serve/site options", () => {
  it.each([
    [undefined, 4173],
    ["0", 0],
    ["8080", 8080],
  ])("--port %s", (v, port) => {
    expect(parsePort(v)).toBe(port);
  });
  it.each(["-1", "abc", "70000", "80.5"])("--port %s is a usage error", (v) => {
    expect(() => parsePort(v)).toThrow(/--port/);
  });

  it("site writes the built app and the graph into DIR", async () => {
    const out = mkdtempSync(join(tmpdir(), "litgraph-site-"));
    try {
      const fixture = join(import.meta.dirname, "fixtures/web/graph.json");
      const code = await siteCommand(["--graph", fixture, "-o", out]);
      expect(code).toBe(0);
      const html = readFileSync(join(out, "index.html"), "utf8");
      const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
      expect(script).toBeTruthy();
      expect(existsSync(join(out, script as string))).toBe(true);
      // the same graph, its reasons packed as build writes them (the fixture has the object form)
      const written = readFileSync(join(out, "graph.json"), "utf8");
      expect(written).not.toContain('"kind":');
      expect(GraphFile.parse(JSON.parse(written))).toEqual(
        GraphFile.parse(JSON.parse(readFileSync(fixture, "utf8"))),
      );
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
  it.each([
    [[] as string[], true],
    [["--no-cache"], false],
  ])("site on inputs %j fills the extraction cache as build does: %s", async (flags, cached) => {
    const base = mkdtempSync(join(tmpdir(), "litgraph-site-cache-"));
    const cache = join(base, "cache");
    try {
      const input = join(import.meta.dirname, "fixtures/ingest-a");
      const args = [input, "--as-of", "2026-01-15", "-o", join(base, "site"), "--threads", "1"];
      expect(await siteCommand([...args, "--cache-dir", cache, ...flags])).toBe(0);
      const files = existsSync(cache) ? readdirSync(cache) : [];
      expect(files.some((f) => /^extract-.*\.jsonl$/.test(f))).toBe(cached);
      expect(
        JSON.parse(readFileSync(join(base, "site", "graph.json"), "utf8")).meta.counts.nodes,
      ).toBeGreaterThan(10);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
  it("site without -o is a usage error", async () => {
    await expect(siteCommand(["--graph", "x.json"])).rejects.toThrow(/-o DIR/);
  });
});
