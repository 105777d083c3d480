// Cited-work identity: every reference a source lists gets one id, the strongest it has
// (DOI, then PMID, then OpenAlex W-id, then Semantic Scholar paperId), else a normalised key
// from first author, year, volume and page (or venue) as a WoS CR line gives them.
import { slugify, squash } from "../common/text.ts";
import { foldName } from "./names.ts";
import { normaliseDoi } from "./record.ts";
import type { Reference } from "./types.ts";

export interface RefIds {
  doi?: string | null;
  pmid?: string | null;
  openalex?: string | null;
  s2?: string | null;
}

/** "https://openalex.org/W123" / "W123" → "W123"; null when not an OpenAlex work id. */
export function openalexWorkId(raw: string | null | undefined): string | null {
  const m = /(?:^|\/)(W\d+)$/i.exec((raw ?? "").trim());
  return m ? (m[1] as string).toUpperCase() : null;
}

/** A PubMed id: digits only. */
export function pmidOf(raw: string | null | undefined): string | null {
  const m = /^\s*(\d{1,9})\s*$/.exec(raw ?? "");
  return m ? (m[1] as string) : null;
}

/** The ids of a reference in strength order: doi, pmid, openalex, s2. */
export function idsOf(ids: RefIds): string[] {
  const out: string[] = [];
  const doi = normaliseDoi(ids.doi);
  if (doi) out.push(`doi:${doi}`);
  const pmid = pmidOf(ids.pmid);
  if (pmid) out.push(`pmid:${pmid}`);
  const oa = openalexWorkId(ids.openalex);
  if (oa) out.push(`openalex:${oa}`);
  const s2 = (ids.s2 ?? "").trim();
  if (s2) out.push(`s2:${s2}`);
  return out;
}

/** A reference from known ids (null when it has none), with an optional label. */
export function refFromIds(ids: RefIds, label?: string | null): Reference | null {
  const all = idsOf(ids);
  const id = all[0];
  if (!id) return null;
  return withLabel({ id, ...(all.length > 1 ? { alt: all.slice(1) } : {}) }, label);
}

function withLabel(ref: Reference, label?: string | null): Reference {
  const text = squash(label ?? "");
  return text ? { ...ref, label: text } : ref;
}

const INITIALS = /^(?:\p{Lu}[.-]?){1,4}\.?$/u;

/** "Cox JD" / "AF Arnsten" / "J.-P Baudry" / "van der Berg J" / "[Anonymous]" → "cox" / "arnsten" / … */
export function familyKey(author: string): string {
  const clean = author.replace(/[[\]]/g, "").split(",")[0] ?? "";
  const all = clean.split(/\s+/).filter(Boolean);
  const tokens = all.filter((t) => !INITIALS.test(t));
  // "WHO", "NICE": a name of capitals only is the name, not initials
  return foldName((tokens.length ? tokens : all.slice(0, 1)).join(" ")).replace(/ /g, "");
}

export interface RefParts {
  author?: string | null;
  year?: string | number | null;
  venue?: string | null;
  volume?: string | null;
  page?: string | null;
}

/**
 * "ref:<family>|<year>|v<volume>|p<first page>", or "ref:<family>|<year>|<venue slug>" when
 * volume or page is missing; null without an author and a year.
 */
export function refKey(p: RefParts): string | null {
  const fam = familyKey(p.author ?? "");
  const year = /\b(1[5-9]\d\d|20\d\d)\b/.exec(String(p.year ?? ""))?.[1];
  if (!fam || !year) return null;
  const vol = foldName(p.volume ?? "").replace(/ /g, "");
  const page = foldName((p.page ?? "").split(/[-–]/)[0] ?? "").replace(/ /g, "");
  if (vol && page) return `ref:${fam}|${year}|v${vol}|p${page}`;
  const venue = slugify(p.venue ?? "", 60);
  return `ref:${fam}|${year}${venue ? `|${venue}` : ""}`;
}

/** A reference from ids, else from its parts, else from the slug of its text; null if empty. */
export function makeReference(
  ids: RefIds,
  parts: RefParts,
  label?: string | null,
): Reference | null {
  const byId = refFromIds(ids, label);
  if (byId) return byId;
  const key = refKey(parts);
  if (key) return withLabel({ id: key }, label);
  const slug = slugify(label ?? "", 80);
  return slug ? withLabel({ id: `ref:${slug}` }, label) : null;
}

/**
 * One WoS cited-reference line: "Aalen OO, 1978, ANN STAT, V6, P701, DOI 10.1214/aos/1176344247"
 * (a "DOI [a, b]" list keeps the first DOI).
 */
export function parseCrLine(line: string): Reference | null {
  const text = squash(line);
  if (!text) return null;
  const doi = /\bDOI\s+\[?\s*(10\.\d{4,9}\/[^,\]\s]+)/i.exec(text)?.[1] ?? null;
  const parts = text.split(/,\s*/);
  const vol = parts.find((x) => /^V\S+$/.test(x))?.slice(1) ?? null;
  const page = parts.find((x) => /^P\S+$/.test(x))?.slice(1) ?? null;
  return makeReference(
    { doi },
    { author: parts[0], year: parts[1], venue: parts[2] ?? null, volume: vol, page },
    text,
  );
}

/**
 * A free-text reference by its DOI, else its first author, year, volume and first page
 * ("Gigliarelli, E., … (2017). Title. Energy Procedia, 133, 135–144", "LeVarge B, Wright C.
 * Title. Journal 2018; 39: 659-67.", Scopus's "Kalé, L., …, (1999) J Comp Phys, 151, p. 283").
 */
export function parseUnstructured(text: string): Reference | null {
  const doi = normaliseDoi(/\b10\.\d{4,9}\/\S+/.exec(text)?.[0] ?? null);
  const author = /^[^,.(]+/.exec(text.trim())?.[0] ?? "";
  const year = /\b(1[5-9]\d\d|20\d\d)\b/.exec(text)?.[1] ?? null;
  const vp = /\b(\d+)\s*(?:\([^)]*\))?\s*[:,]\s*(?:pp?\.\s*)?(\d+)(?:\s*[-–]\s*\d+)?/.exec(
    text.replace(/\(\s*(?:1[5-9]|20)\d\d\s*\)/, ""),
  );
  return makeReference(
    { doi },
    { author, year, volume: vp?.[1] ?? null, page: vp?.[2] ?? null },
    text,
  );
}
