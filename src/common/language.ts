// Is a text English? Counted by function words (languages.json): extraction's English rules
// (noun-phrase topics through compromise, an English tagger) read only English text, and the
// text vectors leave the other languages' function words out.
import { z } from "zod";
import languagesJson from "./languages.json" with { type: "json" };

const Languages = z.object({
  description: z.string().optional(),
  english: z.array(z.string().regex(/^[a-z]+$/)),
  other: z.array(z.string().regex(/^[a-z]+$/)),
});

const parsed = Languages.safeParse(languagesJson);
if (!parsed.success) {
  const issue = parsed.error.issues[0];
  throw new Error(`common: src/common/languages.json: ${issue?.path.join(".")}: ${issue?.message}`);
}
const english = new Set(parsed.data.english);
/** Function words of Spanish, Portuguese, French, German and Italian (folded, lower case). */
export const otherLanguageWords: ReadonlySet<string> = new Set(parsed.data.other);

export interface LanguageOptions {
  /** A text is English unless it has at least this many other-language function words… (2) */
  minOther: number;
  /**
   * …and more of them than English ones, and fewer English ones than this (20: an abstract
   * written in English and in French, as some journals print them, is English enough).
   */
  enoughEnglish: number;
}
export const LANGUAGE_DEFAULTS: LanguageOptions = { minOther: 2, enoughEnglish: 20 };

/** Lower-case words without accents. */
const foldedWords = (text: string): string[] => {
  // Only text beyond ASCII needs its accents taken off (most abstracts are ASCII).
  const ascii = !/[\u0080-\uffff]/.test(text);
  const folded = ascii ? text : text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  return folded.toLowerCase().match(/[a-z]+/g) ?? [];
};

/**
 * Is the text English (LanguageOptions)? A title of a few content words ("Predicting drug-target
 * interactions using restricted Boltzmann machines", no function word of either language) is;
 * "Inteligencia artificial al servicio de la salud" is not.
 */
export function looksEnglish(text: string, opts: LanguageOptions = LANGUAGE_DEFAULTS): boolean {
  let en = 0;
  let other = 0;
  for (const w of foldedWords(text)) {
    if (english.has(w)) en++;
    else if (otherLanguageWords.has(w)) other++;
  }
  return other < opts.minOther || en >= other || en >= opts.enoughEnglish;
}
