// Worker body of src/extract/tagger-thread.ts: compromise is loaded (and warmed up) when the
// worker starts, while the parent reads its caches; then each message is a list of phrases to tag.
import { serveSync } from "../common/sync-worker-serve.ts";
import { tagHere } from "./topic-tags.ts";

tagHere(["topic model", "graph neural network"]);
serveSync((texts: string[]) => tagHere(texts));
