import type { FormatReader } from "../types.ts";
import { reader as atom } from "./atom.ts";
import { reader as bibtex } from "./bibtex.ts";
import { reader as csl } from "./csl.ts";
import { reader as oaipmh } from "./oaipmh.ts";
import { reader as paperlists } from "./paperlists.ts";
import { reader as ris } from "./ris.ts";
import { reader as scopus } from "./scopus.ts";
import { reader as seed } from "./seed.ts";
import { reader as semanticscholar } from "./semanticscholar.ts";

/** Every reader, in detection order (most specific sniff first). */
export const READERS: FormatReader[] = [
  oaipmh,
  atom,
  semanticscholar,
  csl,
  paperlists,
  bibtex,
  ris,
  scopus,
  seed,
];
