// Synthetic corpus generator (benchmarks, scale tests).
export {
  GENERATOR_VERSION,
  generateCorpus,
  ontologySurfaces,
  type PaperlistsItem,
  type SynthOptions,
} from "./generate.ts";
export { bellInt, shuffled, zipfSampler } from "./zipf.ts";
