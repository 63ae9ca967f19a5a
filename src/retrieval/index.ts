export { StoryMatcher, HYBRID_SIGNALS, type MatchResult, type StoryMatch, type SignalName, type MatchOptions } from "./story-matcher.js";
export { createMatcher, createInMemoryMatcher } from "./create-matcher.js";
export { computeStoryFeatures, storySearchText, type StoryFeatures } from "./story-features.js";
export { validateQuestion, MAX_QUESTION_CHARACTERS } from "./validate-question.js";
export { assessCoverage, type PrincipleCoverage } from "./assess-coverage.js";
export { planDistinctStories, planInput, MAX_PLAN_QUESTIONS, type PlanInput } from "./plan-distinct-stories.js";
export { matchResponse, type MatchResponse } from "./match-response.js";
export { isFewerThanAsked, type MatchNotice, type MatchNoticeCode } from "./match-notices.js";
