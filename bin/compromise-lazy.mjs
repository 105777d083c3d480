// compromise as the bundled CLI sees it (bin/build-cli.mjs puts this module in its place): the
// library is loaded on first real use, and its lexicon, all that the per-paper extraction reads
// (src/extract/text/pos.ts), comes from a snapshot written beside the bundle. Loading compromise
// took 0.2–0.3 s of every command's start; a rebuild whose new papers bring no phrase that needs
// tagging now never loads it. The snapshot is used only when it was taken from the installed
// version; otherwise, and for anything but the lexicon, this is compromise itself.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const req = createRequire(import.meta.url);
const NAME = "compromise";
/** The installed compromise's version, from its package.json (no need to load it). */
function installedVersion() {
  let dir = dirname(req.resolve(NAME));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
      if (pkg.name === NAME) return pkg.version;
    } catch {
      // no package.json here: look above
    }
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

let real;
const load = () => {
  real ??= req(NAME);
  return real;
};
const version = installedVersion();
let lexicon;

function nlp(...args) {
  return load()(...args);
}
nlp.version = version ?? load().version;
nlp.model = () => {
  if (!real && lexicon === undefined) {
    try {
      const snap = JSON.parse(
        readFileSync(new URL("./compromise-lexicon.json", import.meta.url), "utf8"),
      );
      lexicon = snap.version === version && version !== undefined ? snap.lexicon : null;
    } catch {
      lexicon = null;
    }
  }
  return !real && lexicon ? { one: { lexicon } } : load().model();
};

export default nlp;
