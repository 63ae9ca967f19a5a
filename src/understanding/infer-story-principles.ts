import type { Story } from "../core/story.js";
import type { Principle } from "../principles/index.js";
import { profileText, type TextProfile } from "./classify-text.js";
import { loadStoryPrincipleModel, predictStoryPrinciples, principleMeansByFile, relativeCueRanking, storyPrincipleFeatures, type BankPrincipleMeans } from "./story-principle-model/index.js";
import { loadTaxonomy } from "./taxonomy.js";

const MAX_INFERRED = 2;
// A second principle is shown when it scores at least this share of the first. For the model, chosen by
// leaving one training bank out (npm run train:principles -- --cv): at 0.2, one of 1.6 shown is the writer's
// for 84% of stories, against 77% of 1.8 for the cue scores at 0.5.
const MIN_SECOND_SHARE = { learned: 0.2, cues: 0.5 };
// The model's probability below which a principle is not shown at all.
const MIN_PROBABILITY = 0.05;

/** The text a story's principles are judged on: its title, the questions it answers and its body. */
export function principleProfileText(story: Story): string {
  return [story.title, ...story.questions, story.body].join(". ");
}

/**
 * Stories whose bank names no principle get the principles their content
 * shows most (source "inferred"): ranked by the learned story-principle
 * model, or by cue scores judged against the bank's average when the model
 * file is absent. A story whose cues show no principle at all ("n/a", a
 * placeholder) gets none: the model would only repeat its prior.
 */
export function withInferredPrinciples(stories: readonly Story[]): Story[] {
  if (stories.every((story) => story.principleSource !== "none")) return [...stories];
  const profiles = stories.map((story) => profileText(principleProfileText(story), "story"));
  const means = principleMeansByFile(stories.map((story) => story.source.file), profiles);
  const learned = loadStoryPrincipleModel() !== null;
  return stories.map((story, index) => {
    if (story.principleSource !== "none") return story;
    const profile = profiles[index]!;
    const cues = relativeCueRanking(profile, means[index]!);
    if (cues.length === 0) return story;
    const learnedRanked = learned ? learnedRanking(story, profile, means[index]!) : [];
    // Where the model is unsure of every principle, the cues' ranking still says what the content leans to (a
    // conflict story showed "no principle" in every match while coverage picked it for Earn Trust).
    const byModel = learnedRanked.length > 0;
    const ranked = byModel ? learnedRanked : cues;
    const top = ranked[0]?.score ?? 0;
    const principles = ranked
      .filter((entry) => top > 0 && entry.score >= MIN_SECOND_SHARE[byModel ? "learned" : "cues"] * top)
      .slice(0, MAX_INFERRED)
      .map((entry) => entry.principle);
    return principles.length > 0 ? { ...story, principles, principleSource: "inferred" as const } : story;
  });
}

function learnedRanking(story: Story, profile: TextProfile, bankMeans: BankPrincipleMeans): Array<{ principle: Principle; score: number }> {
  const features = storyPrincipleFeatures({ title: story.title, body: story.body, profile, bankMeans, taxonomy: loadTaxonomy() });
  return [...predictStoryPrinciples(features)]
    .map(([principle, score]) => ({ principle: principle as Principle, score }))
    .filter((entry) => entry.score >= MIN_PROBABILITY)
    .sort((a, b) => b.score - a.score);
}
