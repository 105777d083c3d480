import type { HttpClient } from "./http.ts";

/** What a source's run gets: the client (paced, retrying) and the request, resolved. */
export interface SourceContext {
  client: HttpClient;
  base: string;
  query?: string;
  collection?: string;
  dois: string[];
  ids: string[];
  max: number;
  email?: string;
  apiKey?: string;
}

/** What a source's run gives back: the file to write and what it holds. */
export interface Fetched {
  /** The file's text, in the layout litgraph's reader of this source reads. */
  text: string;
  /** Records in it. */
  records: number;
  /** How many the service says match the query, when it says. */
  total?: number;
  /** Requested DOIs or ids the service did not return. */
  missing: string[];
  /** The file extension that fits (`json`, `xml`). */
  extension: string;
}
