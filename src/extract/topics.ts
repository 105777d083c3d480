// Corpus topics: noun phrases recurring across papers, scored VOSviewer-style.
import type { TopicOptions } from "./options.ts";
import type { Draft, PaperState } from "./paper.ts";

export interface PaperTopic {
  draft: Draft;
  relevance: number;
}

export function findTopics(
  _states: PaperState[],
  _opts: TopicOptions,
  _confidence: number,
): PaperTopic[][] {
  return [];
}
