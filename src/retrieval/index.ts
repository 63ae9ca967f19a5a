export { StoryMatcher, HYBRID_SIGNALS, type MatchResult, type StoryMatch, type SignalName, type MatchOptions } from "./story-matcher.js";
export { createMatcher, createInMemoryMatcher, matcherFromParts, storyLexicalIndex } from "./create-matcher.js";
export type { LexicalIndexData } from "./lexical-index.js";
export { computeStoryFeatures, storySearchText, type StoryFeatures } from "./story-features.js";
export { withoutTokens, withTokensOnDemand, type SentStoryFeatures } from "./sent-story-features.js";
export { validateQuestion, MAX_QUESTION_CHARACTERS } from "./validate-question.js";
export { assessCoverage, type PrincipleCoverage } from "./assess-coverage.js";
export { planDistinctStories, planInput, type PlanInput } from "./plan-distinct-stories.js";
