// The generator's word lists (data.json), validated at load.
import { z } from "zod";
import raw from "./data.json" with { type: "json" };

const Words = z.array(z.string().min(1)).min(2);
export const SynthData = z.object({
  description: z.string(),
  givenNames: Words,
  familyNames: Words,
  fillerWords: Words,
  topicWords: Words,
  sentences: Words,
  titles: Words,
});
export type SynthData = z.infer<typeof SynthData>;

const parsed = SynthData.safeParse(raw);
if (!parsed.success)
  throw new Error(`synth/data: src/synth/data.json is invalid: ${parsed.error.issues[0]?.message}`);
export const synthData: SynthData = parsed.data;
