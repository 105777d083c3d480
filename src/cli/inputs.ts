// The inputs of a command given no paths: the seed listing embedded in the package, wherever the
// command runs. Named relative to the working directory when it lies below it ("seeds" in a
// clone, "node_modules/litgraph/seeds" in a project that installed litgraph), so graph.json
// names the same files as before and does not depend on where the folder is; else absolute.
import { isAbsolute, relative } from "node:path";
import { SEEDS_DIR } from "../common/package-root.ts";

export function defaultInputs(): string[] {
  const rel = relative(process.cwd(), SEEDS_DIR);
  return [rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) ? rel : SEEDS_DIR];
}
