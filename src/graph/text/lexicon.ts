// Word lists of the text vectors, kept as JSON data and validated here once at import time.
import { z } from "zod";
import { otherLanguageWords } from "../../common/language.ts";
import stopWordsJson from "./stop-words.json" with { type: "json" };

const StopWordData = z.object({
  description: z.string().optional(),
  english: z.array(z.string().regex(/^[a-z]+$/)),
  academic: z.array(z.string().regex(/^[a-z]+$/)),
});
export type StopWordData = z.infer<typeof StopWordData>;

/** The stop-word data, or an error naming the file and the first bad entry. */
export function parseStopWords(data: unknown, file: string): StopWordData {
  const r = StopWordData.safeParse(data);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new Error(`graph/text: ${file}: ${issue?.path.join(".")}: ${issue?.message}`);
  }
  return r.data;
}

const stopWords = parseStopWords(stopWordsJson, "src/graph/text/stop-words.json");
/** English function words. */
export const englishStopWords: ReadonlySet<string> = new Set(stopWords.english);
/**
 * Function words (English, and those of Spanish, Portuguese, French, German and Italian:
 * src/common/languages.json) and the boilerplate words of abstracts.
 */
export const allStopWords: ReadonlySet<string> = new Set([
  ...stopWords.english,
  ...stopWords.academic,
  ...otherLanguageWords,
]);
