import type { Story } from "../core/story.js";
import type { Principle } from "../principles/index.js";
import { profileText, type TextProfile } from "./classify-text.js";
import { bankPrincipleMeans, loadStoryPrincipleModel, predictStoryPrinciples, storyPrincipleFeatures, type BankPrincipleMeans } from "./story-principle-model/index.js";
import { loadTaxonomy } from "./taxonomy.js";

const MAX_INFERRED = 2;
// A second principle is shown when it scores at least this share of the first. For the model, chosen by
// leaving one training bank out (npm run train:principles -- --cv): at 0.2, one of 1.6 shown is the writer's
// for 84% of stories, against 77% of 1.8 for the cue scores at 0.5.
const MIN_SECOND_SHARE = { learned: 0.2, cues: 0.5 };
// Below this the learned model is guessing: such a story gets no principle rather than a wrong one.
const MIN_PROBABILITY = 0.05;
const MIN_BANK_FOR_MEANS = 5;
// Without the model file: the cue score a principle must reach in the story itself (one story alone would
// otherwise gain with the bank's size), and how the bank's mean discounts it.
const MIN_RAW_SHARE = 0.3;
const BANK_MEAN_POWER = 0.5;

/** The text a story's principles are judged on: its title, the questions it answers and its body. */
export function principleProfileText(story: Story): string {
  return [story.title, ...story.questions, story.body].join(". ");
}

/**
 * Stories whose bank names no principle get the principles their content
 * shows most (source "inferred"): by the learned story-principle model, or by
 * cue scores judged against the bank's average when the model file is absent.
 */
export function withInferredPrinciples(stories: readonly Story[]): Story[] {
  if (stories.every((story) => story.principleSource !== "none")) return [...stories];
  const profiles = stories.map((story) => profileText(principleProfileText(story), "story"));
  const means = stories.length >= MIN_BANK_FOR_MEANS ? bankPrincipleMeans(profiles) : new Map<Principle, number>();
  const learned = loadStoryPrincipleModel() !== null;
  return stories.map((story, index) => {
    if (story.principleSource !== "none") return story;
    const ranked = learned ? learnedRanking(story, profiles[index]!, means) : cueRanking(profiles[index]!, means);
    const top = ranked[0]?.score ?? 0;
    const principles = ranked
      .filter((entry) => top > 0 && entry.score >= MIN_SECOND_SHARE[learned ? "learned" : "cues"] * top)
      .slice(0, MAX_INFERRED)
      .map((entry) => entry.principle);
    return principles.length > 0 ? { ...story, principles, principleSource: "inferred" as const } : story;
  });
}

type Ranking = Array<{ principle: Principle; score: number }>;

function learnedRanking(story: Story, profile: TextProfile, bankMeans: BankPrincipleMeans): Ranking {
  const features = storyPrincipleFeatures({ title: story.title, body: story.body, profile, bankMeans, taxonomy: loadTaxonomy() });
  return [...predictStoryPrinciples(features)]
    .map(([principle, score]) => ({ principle: principle as Principle, score }))
    .filter((entry) => entry.score >= MIN_PROBABILITY)
    .sort((a, b) => b.score - a.score);
}

function cueRanking(profile: TextProfile, bankMeans: BankPrincipleMeans): Ranking {
  return [...profile.principles]
    .filter(([, score]) => score >= MIN_RAW_SHARE)
    .map(([principle, score]) => ({ principle, score: score / Math.pow(Math.max(1e-6, bankMeans.get(principle) ?? 1), BANK_MEAN_POWER) }))
    .sort((a, b) => b.score - a.score);
}
