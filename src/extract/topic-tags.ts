// compromise's part-of-speech check of topic candidates: is this written phrase a noun phrase?
// Batched (one nlp() document, one phrase a paragraph), remembered in this process by the exact
// text tagged, and optionally in a store that outlives the process (src/cache keeps one in the
// cache directory), so a warm rebuild tags only phrases it has never seen.
import nlp from "compromise";

/** A lasting record of tag results, keyed by the exact text tagged. */
export interface PhraseTagStore {
  get(text: string): boolean | undefined;
  set(text: string, nounPhrase: boolean): void;
}

/** compromise's version: tag results depend on it (part of the store's namespace). */
export const COMPROMISE_VERSION: string = (nlp as unknown as { version?: string }).version ?? "?";

/** Candidates tagged per nlp() document (one per paragraph): the same tags, far fewer calls. */
export const TAG_BATCH = 200;

/** Entries remembered in process memory before the memo starts afresh. */
const MEMO_LIMIT = 50_000;
const memo = new Map<string, boolean>();

/** Forget the results remembered in this process (as a fresh process would start; tests). */
export function forgetTagResults(): void {
  memo.clear();
}

type TaggedTerm = { tags: string[] };

/** Nouns and adjectives ending in a noun (or a final gerund), no finite verb inside. */
function nounPhraseTags(terms: TaggedTerm[]): boolean {
  return (
    terms.length > 0 &&
    terms.every((t, i) => {
      const tags = new Set(t.tags);
      const last = i === terms.length - 1;
      if (tags.has("Noun") || tags.has("Acronym")) return true;
      if (tags.has("Gerund")) return last;
      if (tags.has("Adjective")) return !last;
      return false;
    })
  );
}

/** compromise's tags of one phrase, in a document of its own. */
function tagAlone(text: string): TaggedTerm[] {
  return (nlp(text).json() as { terms: TaggedTerm[] }[]).flatMap((s) => s.terms);
}

/**
 * compromise's tags of each phrase, tagged in one document with the phrases as separate
 * paragraphs. compromise tags each sentence on its own, so the tags are those of tagAlone; a
 * phrase the document does not give back as exactly one sentence of its own text (a phrase
 * with a line break, or one compromise splits) is tagged alone.
 */
export function tagPhrases(texts: string[]): TaggedTerm[][] {
  const out: (TaggedTerm[] | null)[] = texts.map(() => null);
  const batchable = texts
    .map((text, i) => ({ text, i }))
    .filter(({ text }) => text.trim() === text && text !== "" && !/[\n\r]/.test(text));
  if (batchable.length > 1) {
    const doc = nlp(batchable.map((b) => b.text).join("\n\n")).json() as {
      text: string;
      terms: TaggedTerm[];
    }[];
    if (doc.length === batchable.length && doc.every((s, k) => s.text === batchable[k].text))
      doc.forEach((s, k) => {
        out[batchable[k].i] = s.terms;
      });
  }
  return out.map((tags, i) => tags ?? tagAlone(texts[i]));
}

/**
 * Whether compromise reads each written phrase as a noun phrase: from the process memo, then the
 * store, then tagged (batched with tagPhrases) and recorded in both.
 */
export function readAsNounPhrases(texts: string[], store?: PhraseTagStore): boolean[] {
  const known = new Map<string, boolean>();
  const todo = new Set<string>();
  for (const t of texts) {
    if (known.has(t)) continue;
    const inMemo = memo.get(t);
    const inStore = store?.get(t);
    if (inMemo !== undefined && inStore === undefined) store?.set(t, inMemo);
    const hit = inMemo ?? inStore;
    if (hit === undefined) todo.add(t);
    else known.set(t, hit);
  }
  const fresh = [...todo];
  const tagged = tagPhrases(fresh);
  fresh.forEach((t, i) => {
    const ok = nounPhraseTags(tagged[i]);
    known.set(t, ok);
    store?.set(t, ok);
  });
  if (memo.size + known.size > MEMO_LIMIT) memo.clear();
  for (const [t, ok] of known) memo.set(t, ok);
  return texts.map((t) => known.get(t) as boolean);
}
