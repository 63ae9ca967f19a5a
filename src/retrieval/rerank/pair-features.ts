import type { TextProfile } from "../../understanding/index.js";
import type { StoryFeatures } from "../story-features.js";

/** Everything the re-ranker knows about one question. */
export interface QuestionView {
  profile: TextProfile;
  /** Question's content words, stemmed. */
  terms: readonly string[];
}

/** One story's standing under each retrieval signal: z-score and rank (0 = best). */
export interface SignalStanding {
  name: string;
  z: number;
  rank: number;
}

/**
 * The question's side of every pair feature, worked out once per question.
 * Feature names are "left>right" (question side, story side); the left parts
 * are built here so scoring a story creates no strings.
 */
export interface QuestionSide {
  themes: Array<{ cross: string; lesson: string; weight: number }>;
  principles: Array<{ cross: string; weight: number }>;
  terms: string[];
}

// Only themes the question or story shows clearly enough take part in cross features.
const QUESTION_FLOOR = 0.2;
const STORY_FLOOR = 0.25;
const QUESTION_THEMES = 3;

/** Prepares a question for pair features. */
export function questionSide(question: QuestionView): QuestionSide {
  return {
    themes: strongest(question.profile.competencies, QUESTION_THEMES, QUESTION_FLOOR).map(([id, weight]) => ({ cross: `cc:${id}`, lesson: `lesson:${id}`, weight })),
    principles: strongest(question.profile.principles, QUESTION_THEMES, QUESTION_FLOOR).map(([name, weight]) => ({ cross: `pp:${name}`, weight })),
    terms: [...new Set(question.terms)].map((term) => `wc:${term}`),
  };
}

/** A visited feature: its name is `left` alone when `right` is empty, else "left>right". */
export type PairFeatureVisitor = (left: string, right: string, value: number) => void;

/** The full name of a visited feature. */
export function featureName(left: string, right: string): string {
  return right === "" ? left : `${left}>${right}`;
}

const signalNames = new Map<string, { z: string; top: string }>();

/**
 * Visits the features of a (question, story) pair for the learned re-ranker:
 * each signal's standardised score and rank, and crosses of the question's
 * themes and words with the story's themes (so "failure" questions can learn
 * to favour stories about incidents and bad calls, not only stories tagged
 * failure). Each name is visited once.
 */
export function visitPairFeatures(question: QuestionSide, story: StoryFeatures, standings: readonly SignalStanding[], visit: PairFeatureVisitor): void {
  for (const standing of standings) {
    let names = signalNames.get(standing.name);
    if (!names) signalNames.set(standing.name, (names = { z: `z:${standing.name}`, top: `top:${standing.name}` }));
    visit(names.z, "", standing.z);
    visit(names.top, "", 1 / (1 + standing.rank));
  }
  const storyThemes: Array<[string, number]> = [];
  for (const entry of story.profile.competencies) if (entry[1] >= STORY_FLOOR) storyThemes.push(entry);
  for (const asked of question.themes) {
    for (const [shown, shownWeight] of storyThemes) visit(asked.cross, shown, asked.weight * shownWeight);
    if (story.story.parts.lesson) visit(asked.lesson, "", asked.weight);
  }
  for (const term of question.terms) {
    for (const [shown, shownWeight] of storyThemes) visit(term, shown, shownWeight);
  }
  for (const asked of question.principles) {
    for (const [shown, shownWeight] of story.principles) if (shownWeight >= STORY_FLOOR) visit(asked.cross, shown, asked.weight * shownWeight);
  }
}

/** The pair's features as a map (for training and inspection). */
export function pairFeatures(question: QuestionView, story: StoryFeatures, standings: readonly SignalStanding[]): Map<string, number> {
  const features = new Map<string, number>();
  visitPairFeatures(questionSide(question), story, standings, (left, right, value) => features.set(featureName(left, right), value));
  return features;
}

function strongest<K>(scores: ReadonlyMap<K, number>, count: number, floor: number): Array<[K, number]> {
  return [...scores].filter(([, weight]) => weight >= floor).sort((a, b) => b[1] - a[1]).slice(0, count);
}
