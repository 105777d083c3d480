// The Content-Security-Policy of the web view. `litgraph serve` sends it as a header on every
// response; web/index.html carries the same policy in a <meta> tag for sites on any static host
// (test/reliability-server.test.ts keeps the two equal). connect-src is the page's own origin
// only ('self' covers ws:/wss: to the same host too, all that Vite's dev client needs), and
// frame-ancestors, which a <meta> tag cannot set, keeps the served page out of other sites' frames.

/** Directives shared by the header and the <meta> tag. */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
] as const;

/** The header value: the shared directives plus frame-ancestors. */
export const CSP_HEADER = [...CSP_DIRECTIVES, "frame-ancestors 'none'"].join("; ");
