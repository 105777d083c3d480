// Line 2 of a seed listing entry holds the title and the author list run together with no
// separator ("…Language ProcessingOmid Rohanian, Mohammadmahdi Nouriborji et al. · oxford").
// Titles contain their own capitals inside words (RiskAgent, CE-SSL, ClinicBench), so we score
// every glued capital as a possible boundary by how name-like the rest is.
import { isNameSuffix, isParticle, NAME_PARTS } from "../../names.ts";

export interface TitleAuthors {
  title: string;
  /** Author names as written, in order. */
  authors: string[];
  /** The list ended with "et al.". */
  truncated: boolean;
  /** Tags after " · " ("oxford"). */
  tags: string[];
}

/** Lower-case connectors accepted inside a name besides the family-name particles. */
const EXTRA_PARTICLES = new Set(NAME_PARTS.connectors);
/** Family-name prefixes glued to a capital ("McDonald", "O'Brien", "LeCun", "DiCaprio"). */
const GLUED_PREFIX = `(?:${NAME_PARTS.gluedPrefixes.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})`;
const WORD = new RegExp(
  `^${GLUED_PREFIX}?\\p{Lu}[\\p{Ll}\\p{M}'’]+(?:-\\p{Lu}?[\\p{Ll}\\p{M}'’]+)*\\.?$`,
  "u",
);
const INITIALS = /^\p{Lu}\.?(?:-?\p{Lu}\.)*$/u;
const ALL_CAPS = /^\p{Lu}{2,}$/u;
/** A title never ends glued to a name with one of these. */
const BAD_TITLE_END = /[-,;:(&/]$|\s$/;
/** A title ending in "Mc", "Le"… was most likely cut inside a name ("McKenzie", "LeCun"). */
const TITLE_ENDS_IN_PREFIX = new RegExp(`${GLUED_PREFIX}$`, "u");

/** Score of one name ("Vinod Kumar Chauhan"): null when it is not a plausible name. */
export function nameScore(name: string): number | null {
  const tokens = name.split(/\s+/).filter(Boolean);
  if (tokens.length === 0 || tokens.length > 6) return null;
  if (tokens.length === 1 && INITIALS.test(tokens[0] ?? "")) return null;
  let score = 0;
  for (const [i, t] of tokens.entries()) {
    const last = i === tokens.length - 1;
    if (WORD.test(t) || INITIALS.test(t)) continue;
    if (ALL_CAPS.test(t)) {
      score -= 1;
      continue;
    }
    if ((isParticle(t) || EXTRA_PARTICLES.has(t)) && i > 0 && !last) continue;
    if (last && i >= 2 && isNameSuffix(t)) continue;
    return null;
  }
  if (tokens.length === 1) score -= 2;
  return score;
}

/** Split an author list ("A B, C D and E F") into names; null when any piece is not a name. */
export function parseAuthorList(rest: string): { names: string[]; score: number } | null {
  const pieces = rest.split(/\s*,\s*|\s+and\s+|\s*&\s*/);
  while (pieces.length > 1 && pieces[pieces.length - 1] === "") pieces.pop();
  let score = 0;
  const names: string[] = [];
  for (const p of pieces) {
    const s = nameScore(p);
    if (s === null) return null;
    score += s;
    names.push(p.trim());
  }
  return names.length ? { names, score } : null;
}

/** Longest author list considered (characters), so a pathological line stays linear-ish. */
const MAX_AUTHOR_LIST = 4000;

/** Positions where an author list may start: a capital glued to the previous character. */
export function splitCandidates(s: string, window = MAX_AUTHOR_LIST): number[] {
  const out: number[] = [];
  const from = Math.max(0, s.length - window);
  const chars = [...s];
  let offset = 0;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? "";
    if (i > 0 && /\p{Lu}/u.test(ch)) {
      const prev = chars[i - 1] ?? "";
      const next = chars[i + 1] ?? "";
      if (!/\s/u.test(prev)) {
        // after a capital only when this one starts a word ("NLPJohn", "ECGJ. Smith")
        const wordStart = !/\p{Lu}/u.test(prev) || /[\p{Ll}.]/u.test(next);
        if (wordStart && offset >= from) out.push(offset);
      }
    }
    offset += ch.length;
  }
  return out;
}

/**
 * Split "TitleFirst Last, First Last et al. · tag" into its parts; null when no boundary leaves a
 * title and a plausible author list. Among plausible splits the best name score wins, then the
 * longest title.
 */
export function splitTitleAuthors(line: string): TitleAuthors | null {
  const parts = line.trim().split(/\s+·\s+/);
  let main = (parts[0] ?? "").trim();
  const tags = parts
    .slice(1)
    .map((t) => t.trim())
    .filter(Boolean);
  let truncated = false;
  const etAl = /[,\s]*\bet\s+al\.?$/u.exec(main);
  if (etAl) {
    truncated = true;
    main = main.slice(0, etAl.index);
  }
  let best: { at: number; score: number; names: string[] } | null = null;
  for (const at of splitCandidates(main)) {
    const title = main.slice(0, at);
    if (!/\p{L}/u.test(title) || BAD_TITLE_END.test(title)) continue;
    const parsed = parseAuthorList(main.slice(at));
    if (!parsed) continue;
    const score = parsed.score - (TITLE_ENDS_IN_PREFIX.test(title) ? 3 : 0);
    if (!best || score > best.score || (score === best.score && at > best.at))
      best = { at, score, names: parsed.names };
  }
  if (!best) return null;
  return { title: main.slice(0, best.at).trim(), authors: best.names, truncated, tags };
}
