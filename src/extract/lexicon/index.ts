// Word lists used by extraction, kept as JSON data and validated here once at import time.
import { z } from "zod";
import describingSuffixesJson from "./describing-suffixes.json" with { type: "json" };
import functionWordsJson from "./function-words.json" with { type: "json" };
import headNounsJson from "./head-nouns.json" with { type: "json" };
import modifiersJson from "./modifiers.json" with { type: "json" };
import nameConnectivesJson from "./name-connectives.json" with { type: "json" };
import nameCuesJson from "./name-cues.json" with { type: "json" };
import spellingJson from "./spelling.json" with { type: "json" };
import stopPhrasesJson from "./stop-phrases.json" with { type: "json" };
import subsumedJson from "./subsumed-concepts.json" with { type: "json" };
import wordFormsJson from "./word-forms.json" with { type: "json" };

const WordList = z.object({ description: z.string().optional(), words: z.array(z.string()) });

export const SpellingData = z.object({
  description: z.string().optional(),
  words: z.record(z.string(), z.string()),
  suffixes: z.array(z.tuple([z.string(), z.string()])),
  infixes: z.array(z.tuple([z.string(), z.string()])),
  pluralKeep: z.array(z.string()),
  splitPrefixes: z.array(z.string()),
});
export type SpellingData = z.infer<typeof SpellingData>;

const Typed = z.object({
  method: z.array(z.string()),
  task: z.array(z.string()),
  modality: z.array(z.string()),
  dataset: z.array(z.string()),
});

export const HeadNounData = z.object({
  description: z.string().optional(),
  heads: Typed,
  generic: z.array(z.string()),
  suffixes: z.object({ method: z.array(z.string()), dataset: z.array(z.string()) }),
  taskLabelHeads: z.array(z.string()),
  /** Last words that type a recurring noun phrase found only as a topic (rule head-noun). */
  topicHeads: z.object({
    method: z.array(z.string()),
    task: z.array(z.string()),
    modality: z.array(z.string()),
  }),
  /** Words that never make a composed task before a generic task head ("data classification"). */
  notTaskModifiers: z.array(z.string()),
  /** Verb forms of task heads ("prediction" → "predict", "predicting"); optional. */
  taskVerbs: z.record(z.string(), z.array(z.string())).default({}),
  /** Verb forms of method heads the matcher reads before the object ("distilling knowledge"); optional. */
  methodVerbs: z.record(z.string(), z.array(z.string())).default({}),
  /** The generic task a composed "<condition> <head>" task is-a, by head; optional. */
  conditionTaskParents: z.record(z.string(), z.string()).default({}),
  /** Words skipped between a task verb and its object ("predict future risk"); optional. */
  verbObjectSkips: z.array(z.string()).default([]),
  /** "predict the onset of sepsis": words naming the event of a condition, read past with "the … of"; optional. */
  conditionEvents: z.array(z.string()).default([]),
  /** Nouns that end no task object after a task verb ("detect improvements"); optional. */
  notTaskObjects: z.array(z.string()).default([]),
  /** Function or weak words that open a term the splitter cuts after them ("least squares"); optional. */
  termOpeners: z.array(z.string()).default([]),
  /** Task heads whose verb takes a plain noun object as a new task ("predicting BMI"). */
  objectHeads: z.array(z.string()),
  /** Task heads whose noun takes a plain noun object before "of" ("detection of tropes"). */
  nominalObjectHeads: z.array(z.string()),
  /** Heads whose verb names a task only through the ontology or a title, never of a condition. */
  propertyHeads: z.array(z.string()),
});
export type HeadNounData = z.infer<typeof HeadNounData>;

export const StopPhraseData = z.object({
  description: z.string().optional(),
  phrases: z.array(z.string()),
});

/** A lexicon file's data checked by its schema; an error names the file and the first issue. */
export function parse<T>(schema: z.ZodType<T>, data: unknown, file: string): T {
  const r = schema.safeParse(data);
  if (!r.success) throw new Error(`extract/lexicon: ${file}: ${r.error.issues[0]?.message}`);
  return r.data;
}

export const spelling = parse(SpellingData, spellingJson, "spelling.json");
export const headNouns = parse(HeadNounData, headNounsJson, "head-nouns.json");
export const functionWords = new Set(
  parse(WordList, functionWordsJson, "function-words.json").words,
);
/** Small words of a name's long form that stand for no letter of its short form. */
export const nameConnectives = new Set(
  parse(WordList, nameConnectivesJson, "name-connectives.json").words,
);
/** Words that, hyphened onto a name, make it describe ("GP-based"). */
export const describingSuffixes = new Set(
  parse(WordList, describingSuffixesJson, "describing-suffixes.json").words,
);
export const NameCueData = z.object({
  description: z.string().optional(),
  proposeVerbs: z.array(z.string()),
  contributionVerbs: z.array(z.string()),
  namingVerbs: z.array(z.string()),
  namedBy: z.array(z.string()),
  proposers: z.array(z.string()),
  methodHeads: z.array(z.string()),
  datasetHeads: z.array(z.string()),
  quantities: z.array(z.string()),
  headsBeforeName: z.array(z.string()),
  biologicalModels: z.array(z.string()),
});
/** Cue words of the name rules (name-cues.json). */
export const nameCues = parse(NameCueData, nameCuesJson, "name-cues.json");
export const weakModifiers = new Set(parse(WordList, modifiersJson, "modifiers.json").words);
export const stopPhraseList = parse(StopPhraseData, stopPhrasesJson, "stop-phrases.json").phrases;
/** Generic concept ids dropped from a paper that names one of their descendants. */
export const subsumedConcepts = new Set(
  parse(WordList, subsumedJson, "subsumed-concepts.json").words,
);

/** Forms of one word that name the same concept inside a longer term (word-forms.json). */
export const WordFormData = z.object({
  description: z.string().optional(),
  groups: z.array(
    z.object({
      forms: z.array(z.string().regex(/^[a-z]+$/, "one lower-case word")).min(2),
      /** Also fold a one-word concept form ("fine-tuned" alone is fine-tuning). */
      alone: z.boolean().default(false),
    }),
  ),
  /** Variants never added: everyday phrases ("fair evaluation"). */
  notVariants: z.array(z.string()).default([]),
});
export type WordFormData = z.infer<typeof WordFormData>;
export const wordForms = parse(WordFormData, wordFormsJson, "word-forms.json");
