import path from "node:path";
import type { Story } from "../../core/story.js";
import { readModelFile, scoreRanker, type RankerModel } from "../../learning/index.js";
import { PACKAGE_ROOT } from "../../package-root.js";
import { whyCandidates, type WhyCandidate, type WhyQuestionView } from "./why-sentence-features.js";

export const WHY_SENTENCE_MODEL_FILE = path.join(PACKAGE_ROOT, "corpus", "models", "why-sentences.json");

let cached: RankerModel | null | undefined;

/** The trained why-sentence model, or null when the file is absent (quotes then follow the theme cues alone). */
export function loadWhySentenceModel(): RankerModel | null {
  if (cached === undefined) cached = readModelFile<RankerModel>(WHY_SENTENCE_MODEL_FILE, "npm run train:why");
  return cached;
}

/** The story's sentence that best shows it fits the question, as the model scores them; undefined for a story with no sentences. */
export function pickWhySentence(model: RankerModel, story: Story, question: WhyQuestionView): WhyCandidate | undefined {
  let best: { candidate: WhyCandidate; score: number } | undefined;
  for (const candidate of whyCandidates(story, question)) {
    const score = scoreRanker(model, candidate.features);
    if (!best || score > best.score) best = { candidate, score };
  }
  return best?.candidate;
}
