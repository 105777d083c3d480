// How a stage-1 part is stored in the extraction cache: each mention's text and sentence as
// offsets into the paper's title or abstract instead of copies (the sentences were 10 MB of the
// 25 MB cache of 6,318 papers, all parsed again on every rebuild). A stored mention keeps every
// key in its place: `text` is null when it is field.slice(start, end) (always, as the extractor
// makes them), and `sentence` is [start, end] when the sentence is found in the field, else the
// sentence itself. Reading fills them back in place, as slices of the paper's text.
import type { PaperPart, PaperText } from "../extract/staged.ts";
import type { Mention } from "../extract/types.ts";

interface StoredMention extends Omit<Mention, "text" | "sentence"> {
  text: string | null;
  sentence: string | [number, number];
}

/** The part as the cache writes it (JSON-safe; the part itself is not changed). */
export function packPart(part: PaperPart, p: PaperText): unknown {
  return {
    ...part,
    entities: part.entities.map((e) => ({
      ...e,
      mentions: e.mentions.map((m) => packMention(m, p)),
    })),
  };
}

function packMention(m: Mention, p: PaperText): StoredMention {
  const field = p[m.field];
  const text = field.slice(m.start, m.end) === m.text ? null : m.text;
  let at = field.lastIndexOf(m.sentence, m.start);
  if (at < 0) at = field.indexOf(m.sentence);
  const sentence: StoredMention["sentence"] = at < 0 ? m.sentence : [at, at + m.sentence.length];
  return { ...m, text, sentence };
}

/**
 * A part as read from the cache made whole again for paper `p`, in place (the parsed object is
 * the cache's own); false when it is not a well-formed stored part.
 */
export function unpackPart(stored: unknown, p: PaperText): stored is PaperPart {
  const part = stored as { entities?: { mentions?: StoredMention[] }[] } | undefined;
  if (!Array.isArray(part?.entities)) return false;
  for (const e of part.entities) {
    if (!Array.isArray(e.mentions)) return false;
    for (const m of e.mentions) {
      if (typeof m.sentence === "string" && typeof m.text === "string") continue;
      const field = m.field === "title" ? p.title : m.field === "abstract" ? p.abstract : undefined;
      if (field === undefined) return false;
      const whole = m as unknown as Mention;
      if (m.text === null) whole.text = field.slice(m.start, m.end);
      else if (typeof m.text !== "string") return false;
      if (Array.isArray(m.sentence)) whole.sentence = field.slice(m.sentence[0], m.sentence[1]);
      else if (typeof m.sentence !== "string") return false;
    }
  }
  return true;
}
