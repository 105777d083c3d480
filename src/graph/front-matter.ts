// Front matter: a volume's own entry listed as a paper (PMLR's "Machine Learning for Health
// (ML4H) 2024" with its 32 organisers as authors), a preface or an editorial. It stays in the
// knowledge graph but makes no co-author edges: its authors organised, they did not write
// together.
import { foldName } from "../ingest/names.ts";

/** Title openings of front matter when the entry has no abstract (folded, see foldName). */
export const FRONT_MATTER_OPENINGS = [
  "preface",
  "foreword",
  "editorial",
  "front matter",
  "editors introduction",
  "introduction to the special issue",
];

/** A volume or venue title folded, without years, ordinals, acronyms in brackets, "proceedings of the". */
function core(s: string): string {
  return ` ${foldName(s.replace(/\([^)]*\)/g, " "))} `
    .replace(/ (?:19|20)\d\d /g, " ")
    .replace(/ \d+(?:st|nd|rd|th) /g, " ")
    .replace(/ proceedings of (?:the )?/g, " ")
    .replace(/ +/g, " ")
    .trim();
}

/**
 * Whether a paper is front matter: its title, stripped as `core` does, is at least three words
 * found as a run in its venue's ("Machine Learning for Health (ML4H) 2024" in "Proceedings of
 * the 4th Machine Learning for Health Symposium"), or it has no abstract and its title opens
 * with one of FRONT_MATTER_OPENINGS.
 */
export function isFrontMatter(p: {
  title: string;
  abstract: string;
  venue: string | null;
}): boolean {
  if (!p.abstract.trim()) {
    const title = foldName(p.title);
    if (FRONT_MATTER_OPENINGS.some((o) => title === o || title.startsWith(`${o} `))) return true;
  }
  if (!p.venue) return false;
  const title = core(p.title);
  return title.split(" ").length >= 3 && ` ${core(p.venue)} `.includes(` ${title} `);
}
