import type { Story } from "../core/story.js";
import { PRINCIPLES, type Principle } from "../principles/index.js";
import { lexicalTerms, loadTaxonomy, profileText, type TextProfile } from "../understanding/index.js";

/** What the retriever knows about a story beyond its text. */
export interface StoryFeatures {
  story: Story;
  /** The text the story is searched by (see storySearchText). */
  searchText: string;
  /** Its content words, stemmed, for explaining lexical matches. */
  terms: ReadonlySet<string>;
  profile: TextProfile;
  /** Competency scores in taxonomy order. */
  competencyVector: number[];
  /** Principle strength: the bank's own labels first, then what the content shows. */
  principles: Map<Principle, number>;
  /** The same principle strengths in PRINCIPLES order, for fast dot products. */
  principleVector: number[];
  /** How plainly the story is about a setback (a failure, a missed goal, a bad call), less what its success offsets, 0-1. */
  setback: number;
}

// The bank's own labels outweigh inference; inference still lets a cost-cutting story filed under Ownership show Frugality.
const LABEL_WEIGHTS = [1, 0.85, 0.7, 0.6];
const INFERRED_SHARE = 0.6;

/** The text a story is searched and embedded by: title, every question it answers, and its body. */
export function storySearchText(story: Story): string {
  // The author's own tags ("conflict", "cost") say what the story is for.
  return [story.title, ...story.questions.filter((question) => question !== story.title), ...(story.tags ?? []), story.body].join(". ");
}

// A story that states a lesson is, more often than not, about something that went wrong.
const LESSON_BOOSTS = new Map([
  ["failure", 1],
  ["bad-decision", 0.4],
  ["missed-goal", 0.4],
]);

/** A story's competency and principle profile: body, heading and questions (weighted up), and its shape. */
export function profileStory(story: Story) {
  return profileText(story.body, "story", {
    headline: [story.title, ...story.questions.filter((question) => question !== story.title)].join(". "),
    boosts: story.parts.lesson ? LESSON_BOOSTS : undefined,
  });
}

/** Profiles every story once, for matching and coverage. */
export function computeStoryFeatures(stories: readonly Story[]): StoryFeatures[] {
  const taxonomy = loadTaxonomy();
  return stories.map((story) => {
    const profile = profileStory(story);
    const principles = new Map<Principle, number>();
    for (const [principle, score] of profile.principles) principles.set(principle, INFERRED_SHARE * score);
    story.principles.forEach((principle, rank) => {
      principles.set(principle, Math.max(principles.get(principle) ?? 0, LABEL_WEIGHTS[rank] ?? 0.5) + INFERRED_SHARE * (profile.principles.get(principle) ?? 0) * 0.5);
    });
    const searchText = storySearchText(story);
    return {
      story,
      searchText,
      terms: new Set(lexicalTerms(searchText, taxonomy.templateWords)),
      profile,
      competencyVector: taxonomy.competencies.map((competency) => profile.competencies.get(competency.id) ?? 0),
      principles,
      principleVector: PRINCIPLES.map((principle) => principles.get(principle) ?? 0),
      // A turnaround ("well short of plan in Q1... 40% over target by Q3") is a success story too.
      setback: setbackShown(profile) * (1 - (profile.competencies.get("exceeded-goal") ?? 0)),
    };
  });
}

const SETBACK_THEMES = ["failure", "missed-goal", "bad-decision"] as const;

/** How plainly a profiled text is about a setback: its strongest failure, missed-goal or bad-call theme (0-1). */
export function setbackShown(profile: TextProfile): number {
  return Math.max(0, ...SETBACK_THEMES.map((theme) => profile.competencies.get(theme) ?? 0));
}
