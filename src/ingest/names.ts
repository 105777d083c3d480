import { z } from "zod";
import { squash } from "../common/text.ts";
import nameParts from "./name-parts.json" with { type: "json" };
import type { Author } from "./types.ts";

/** The name-parts data file's shape. */
export const NameParts = z.object({
  about: z.string().optional(),
  particles: z.array(z.string().regex(/^\p{Ll}+$/u)),
  connectors: z.array(z.string().regex(/^\p{Ll}+$/u)),
  gluedPrefixes: z.array(z.string().regex(/^\p{Lu}\S*$/u)),
  suffixes: z.array(z.string().regex(/^[a-z]+$/)),
});
export type NameParts = z.infer<typeof NameParts>;

function loadNameParts(raw: unknown): NameParts {
  const parsed = NameParts.safeParse(raw);
  if (!parsed.success)
    throw new Error(
      `ingest/names: name-parts.json: ${parsed.error.issues[0]?.message ?? "invalid"}`,
    );
  return parsed.data;
}

/** Validated name-parts data (particles, connectors, glued prefixes, suffixes). */
export const NAME_PARTS: NameParts = loadNameParts(nameParts);

const PARTICLES = new Set(NAME_PARTS.particles);
const SUFFIXES = new RegExp(`^(${NAME_PARTS.suffixes.join("|")})\\.?$`, "i");

/** Lower-case family-name particles ("van", "de", …) that belong to the family name. */
export function isParticle(token: string): boolean {
  return PARTICLES.has(token);
}

/** Name suffixes such as "Jr." or "III" that are not part of the family name. */
export function isNameSuffix(token: string): boolean {
  return SUFFIXES.test(token);
}

/** Fold to lower-case ASCII letters, digits and single spaces. */
export function foldName(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/**
 * Normalised author key: "<family>|<given>" folded, e.g. "clifton|lei", "clifton|l".
 * The graph stage merges "clifton|l" into "clifton|lei" when nothing contradicts it.
 */
export function authorKey(family: string, given: string): string {
  return `${foldName(family).replace(/ /g, "-")}|${foldName(given).replace(/ /g, "-")}`;
}

export type NameInput =
  | string
  | { family?: string; given?: string; literal?: string; name?: string };

/**
 * Build an Author from a name as written ("Lei Clifton", "Clifton, Lei", "L. Clifton")
 * or from structured parts. Returns null when there is no usable name.
 */
export function makeAuthor(input: NameInput): Author | null {
  if (typeof input !== "string") {
    const family = squash(input.family ?? "");
    const given = squash(input.given ?? "");
    if (family) {
      const name = given ? `${given} ${family}` : family;
      return { name, key: authorKey(family, given), family, given: given || undefined };
    }
    const literal = input.literal ?? input.name ?? given;
    return literal ? makeAuthor(literal) : null;
  }
  const name = squash(input.replace(/[{}]/g, "")).replace(/^[,;\s]+|[,;\s]+$/g, "");
  if (!name || !/\p{L}/u.test(name)) return null;
  let family: string;
  let given: string;
  const comma = name.indexOf(",");
  if (comma > 0) {
    // "Clifton, Lei" or "Clifton, Jr., Lei"
    const parts = name
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    family = parts[0] ?? "";
    given = parts
      .slice(1)
      .filter((p) => !SUFFIXES.test(p))
      .join(" ");
  } else {
    const tokens = name.split(" ").filter((t) => !SUFFIXES.test(t));
    if (tokens.length === 1) {
      family = tokens[0] ?? name;
      given = "";
    } else {
      // family = last token plus any lower-case particles before it ("van der Schaar")
      let i = tokens.length - 1;
      while (i > 1 && PARTICLES.has((tokens[i - 1] ?? "").toLowerCase())) i--;
      family = tokens.slice(i).join(" ");
      given = tokens.slice(0, i).join(" ");
    }
  }
  const display = comma > 0 && given ? `${given} ${family}` : name;
  return { name: display, key: authorKey(family, given), family, given: given || undefined };
}
