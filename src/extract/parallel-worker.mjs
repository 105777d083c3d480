// Worker bootstrap for src/extract/parallel.ts: workers start without the parent's module hooks,
// so register tsx here (resolved from this file, so any working directory works), then load
// the TypeScript worker body.
import { register } from "tsx/esm/api";

register();
await import("./parallel-worker.ts");
