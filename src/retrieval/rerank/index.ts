export { compileRanker, type CompiledRanker } from "./compiled-ranker.js";
export { featureName, pairFeatures, questionSide, visitPairFeatures, type PairFeatureVisitor, type QuestionSide, type QuestionView, type SignalStanding } from "./pair-features.js";
export { loadStoryRanker, loadStoryRankerFile, STORY_RANKER_FILE, type StoryRankerModel } from "./story-ranker-model.js";
