// Synthetic corpus generator (benchmarks, scale tests).
export {
  generateCorpus,
  ontologySurfaces,
  type PaperlistsItem,
  type SynthOptions,
} from "./generate.ts";
export { bellInt, shuffled, zipfSampler } from "./zipf.ts";
