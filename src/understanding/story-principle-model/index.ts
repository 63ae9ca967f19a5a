export { STORY_PRINCIPLE_MODEL_FILE, loadStoryPrincipleModel, predictStoryPrinciples, storyPrincipleModelVersion } from "./story-principle-model.js";
export { bankPrincipleMeans, storyPrincipleFeatures, type BankPrincipleMeans } from "./story-principle-features.js";
