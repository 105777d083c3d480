// litgraph's version, from its one source: package.json (inlined by the compilers, so this
// stays browser-safe and needs no file at run time).
import pkg from "../../package.json" with { type: "json" };

export const VERSION: string = pkg.version;
