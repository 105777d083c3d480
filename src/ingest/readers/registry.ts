import type { FormatReader } from "../types.ts";
import { reader as atom } from "./atom.ts";
import { reader as bibtex } from "./bibtex/index.ts";
import { reader as crossref } from "./crossref.ts";
import { reader as csl } from "./csl.ts";
import { reader as medline } from "./medline.ts";
import { reader as oaipmh } from "./oaipmh.ts";
import { reader as openalex } from "./openalex.ts";
import { reader as paperlists } from "./paperlists.ts";
import { reader as pubmed } from "./pubmed.ts";
import { reader as ris } from "./ris.ts";
import { reader as scopus } from "./scopus/index.ts";
import { reader as seed } from "./seed/index.ts";
import { reader as semanticscholar } from "./semanticscholar.ts";
import { reader as wos } from "./wos.ts";

/** Every reader, in detection order (most specific sniff first). */
export const READERS: FormatReader[] = [
  oaipmh,
  atom,
  pubmed,
  openalex,
  crossref,
  semanticscholar,
  csl,
  paperlists,
  bibtex,
  ris,
  medline,
  wos,
  scopus,
  seed,
];
