// Issue 16, item 12: `litgraph serve` sends the Content-Security-Policy as an HTTP header on every
// response, its connect-src limited to the page's own origin (no ws:/wss: to any host), and the
// <meta> policy of web/index.html (what a static host serves) says the same.
import { readFileSync, writeFileSync } from "node:fs";
import { get as httpGet, type Server } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CSP_DIRECTIVES, CSP_HEADER } from "../src/server/csp.ts";
import { createStaticServer, listen } from "../src/server/static.ts";
import { tempDirs } from "./temp-dirs.ts";

const temp = tempDirs("csp");

/** The directives of a policy, by name. */
const directives = (policy: string) =>
  new Map(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values.join(" ")]),
  );

describe("the served page's Content-Security-Policy header", () => {
  let server: Server;
  let port: number;
  beforeAll(async () => {
    const root = temp();
    writeFileSync(join(root, "index.html"), readFileSync("web/index.html"));
    writeFileSync(join(root, "graph.json"), "{}");
    server = createStaticServer({ root });
    port = await listen(server, 0, "127.0.0.1");
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  const headerOf = (path: string) =>
    new Promise<{ status: number; csp: string }>((resolve, reject) => {
      httpGet({ host: "127.0.0.1", port, path }, (res) => {
        res.resume();
        resolve({
          status: res.statusCode ?? 0,
          csp: String(res.headers["content-security-policy"]),
        });
      }).on("error", reject);
    });

  it.each([
    ["/", 200],
    ["/graph.json", 200],
    ["/missing", 404],
    ["/../x", 404],
  ])("GET %s (%i) carries it, connect-src 'self' only", async (path, status) => {
    const r = await headerOf(path);
    expect(r.status).toBe(status);
    expect(r.csp).toBe(CSP_HEADER);
    const d = directives(r.csp);
    expect(d.get("connect-src")).toBe("'self'");
    expect(d.get("frame-ancestors")).toBe("'none'");
    expect(r.csp).not.toMatch(/\b(ws|wss|http|https):/);
  });
});

describe("web/index.html's <meta> policy", () => {
  const html = readFileSync("web/index.html", "utf8");
  const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? "";

  it("is the header's policy, directive for directive (frame-ancestors aside: a meta tag cannot set it)", () => {
    expect(directives(meta)).toEqual(directives(CSP_DIRECTIVES.join("; ")));
  });

  it("lets the page connect to its own origin only", () => {
    expect(directives(meta).get("connect-src")).toBe("'self'");
    expect(meta).not.toMatch(/\b(ws|wss):/);
  });
});
