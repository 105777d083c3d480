// A tiny static file server for the built web view: serves only files inside one folder.
import { createReadStream } from "node:fs";
import { realpath, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { extname, isAbsolute, join, relative, sep } from "node:path";
import { CSP_HEADER } from "./csp.ts";

export interface StaticOptions {
  /** Folder to serve (required). Nothing outside it is ever read. */
  root: string;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
};

export type Resolved =
  | { ok: true; relPath: string }
  | { ok: false; status: 400 | 404; reason: string };

/**
 * Maps a request URL to a path relative to the root, or refuses it. Refused: malformed
 * percent-encoding, encoded slashes or backslashes, NUL bytes, any "." or ".." segment
 * (raw or encoded), absolute or drive-letter paths.
 */
export function resolveRequestPath(rawUrl: string): Resolved {
  const pathPart = rawUrl.split(/[?#]/, 1)[0] ?? "";
  if (!pathPart.startsWith("/"))
    return { ok: false, status: 400, reason: "path must start with /" };
  if (/%(2f|5c|00)/i.test(pathPart)) return { ok: false, status: 400, reason: "encoded separator" };
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathPart);
  } catch {
    return { ok: false, status: 400, reason: "bad percent-encoding" };
  }
  if (decoded.includes("\0") || decoded.includes("\\"))
    return { ok: false, status: 400, reason: "bad character" };
  const segments = decoded.split("/").filter((s) => s !== "");
  if (segments.some((s) => s === "." || s === ".." || /^[a-zA-Z]:/.test(s)))
    return { ok: false, status: 404, reason: "dot segment" };
  if (decoded.startsWith("//")) return { ok: false, status: 400, reason: "absolute path" };
  const relPath =
    segments.length === 0 || decoded.endsWith("/")
      ? [...segments, "index.html"].join("/")
      : segments.join("/");
  return { ok: true, relPath };
}

const inside = (root: string, path: string) => {
  const r = relative(root, path);
  return r !== "" && !r.startsWith(`..${sep}`) && r !== ".." && !isAbsolute(r);
};

/** Headers of every response: the page's Content-Security-Policy and no MIME sniffing. */
const SECURITY_HEADERS = {
  "content-security-policy": CSP_HEADER,
  "x-content-type-options": "nosniff",
};

function send(res: ServerResponse, status: number, text: string) {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", ...SECURITY_HEADERS });
  res.end(`${text}\n`);
}

export function createStaticHandler(opts: StaticOptions) {
  let rootReal: Promise<string> | null = null;
  return async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("allow", "GET, HEAD");
      return send(res, 405, "method not allowed");
    }
    const r = resolveRequestPath(req.url ?? "/");
    if (!r.ok) return send(res, r.status, r.status === 400 ? "bad request" : "not found");
    rootReal ??= realpath(opts.root);
    const root = await rootReal;
    const candidate = join(root, ...r.relPath.split("/"));
    let file: string;
    try {
      // Symlinks may not lead outside the root either.
      file = await realpath(candidate);
      if (!inside(root, file) || !(await stat(file)).isFile()) return send(res, 404, "not found");
    } catch {
      return send(res, 404, "not found");
    }
    const info = await stat(file);
    res.writeHead(200, {
      "content-type": TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
      "content-length": info.size,
      "cache-control": "no-cache",
      "referrer-policy": "no-referrer",
      ...SECURITY_HEADERS,
    });
    if (req.method === "HEAD") return res.end();
    createReadStream(file).pipe(res);
  };
}

export function createStaticServer(opts: StaticOptions): Server {
  const handle = createStaticHandler(opts);
  return createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, "internal error");
      else res.destroy();
    });
  });
}

/** Listen on host:port; with `tries` > 1, the next ports are tried when one is taken. */
export function listen(server: Server, port: number, host: string, tries = 1): Promise<number> {
  return new Promise((resolve, reject) => {
    const attempt = (p: number, left: number) => {
      const onError = (err: NodeJS.ErrnoException) => {
        if (err.code === "EADDRINUSE" && left > 1 && p !== 0) attempt(p + 1, left - 1);
        else reject(err);
      };
      server.once("error", onError);
      server.listen(p, host, () => {
        server.off("error", onError);
        const addr = server.address();
        resolve(typeof addr === "object" && addr ? addr.port : p);
      });
    };
    attempt(port, tries);
  });
}
