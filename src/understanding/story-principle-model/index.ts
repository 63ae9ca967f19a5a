export { STORY_PRINCIPLE_MODEL_FILE, loadStoryPrincipleModel, predictStoryPrinciples, storyPrincipleModelVersion } from "./story-principle-model.js";
export { CUE_FLOOR, bankPrincipleMeans, principleMeansByFile, relativeCueRanking, storyPrincipleFeatures, type BankPrincipleMeans } from "./story-principle-features.js";
