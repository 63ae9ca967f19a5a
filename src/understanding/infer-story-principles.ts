import type { Story } from "../core/story.js";
import type { Principle } from "../principles/index.js";
import { profileText } from "./classify-text.js";

// Chosen on the training banks (first inferred principle among the bank's own: 0.51 -> 0.61).
const MIN_INFERRED_SHARE = 0.5;
const MAX_INFERRED = 2;
// Some principles (Earn Trust above all) show a little in almost every story; judged against the bank's
// own average they stop crowding out the principle a story is really about.
const BANK_MEAN_POWER = 0.5;
const MIN_BANK_FOR_MEANS = 5;
// A principle only one story touches would otherwise gain with the bank's size; it must show in the story itself.
const MIN_RAW_SHARE = 0.3;

/** Stories whose bank names no principle get the principles their content shows most (source "inferred"). */
export function withInferredPrinciples(stories: readonly Story[]): Story[] {
  if (stories.every((story) => story.principleSource !== "none")) return [...stories];
  const profiles = stories.map((story) => profileText([story.title, ...story.questions, story.body].join(". "), "story").principles);
  const means = new Map<Principle, number>();
  if (stories.length >= MIN_BANK_FOR_MEANS) {
    for (const profile of profiles) for (const [principle, score] of profile) means.set(principle, (means.get(principle) ?? 0) + score / stories.length);
  }
  return stories.map((story, index) => {
    if (story.principleSource !== "none") return story;
    const scored = [...profiles[index]!]
      .filter(([, score]) => score >= MIN_RAW_SHARE)
      .map(([principle, score]) => ({ principle, score: score / Math.pow(Math.max(1e-6, means.get(principle) ?? 1), BANK_MEAN_POWER) }));
    const top = Math.max(0, ...scored.map((entry) => entry.score));
    const principles = scored
      .filter((entry) => top > 0 && entry.score >= MIN_INFERRED_SHARE * top)
      .sort((a, b) => b.score - a.score)
      .slice(0, MAX_INFERRED)
      .map((entry) => entry.principle);
    return principles.length > 0 ? { ...story, principles, principleSource: "inferred" as const } : story;
  });
}
