import type { Story } from "../core/story.js";
import { profileText, topEntries } from "./classify-text.js";

const MIN_INFERRED_SCORE = 0.6;
const MAX_INFERRED = 2;

/** Stories whose bank names no principle get the principles their content shows most (source "inferred"). */
export function withInferredPrinciples(stories: readonly Story[]): Story[] {
  return stories.map((story) => {
    if (story.principleSource !== "none") return story;
    const profile = profileText([story.title, ...story.questions, story.body].join(". "), "story");
    const principles = topEntries(profile.principles, MAX_INFERRED)
      .filter((entry) => entry.score >= MIN_INFERRED_SCORE)
      .map((entry) => entry.name);
    return principles.length > 0 ? { ...story, principles, principleSource: "inferred" as const } : story;
  });
}
