export { loadTaxonomy, type Taxonomy, type Competency, type Cue } from "./taxonomy.js";
export { profileText, profileVector, topEntries, type TextProfile } from "./classify-text.js";
export { principlesShownByThemes } from "./principles-shown-by-themes.js";
export { lexicalTerms, tokenize, stem, type Token } from "./normalize-text.js";
export { principleProfileText, withInferredPrinciples } from "./infer-story-principles.js";
export { STORY_PRINCIPLE_MODEL_FILE, principleMeansByFile, relativeCueRanking, storyPrincipleFeatures, storyPrincipleModelVersion } from "./story-principle-model/index.js";
export { questionKind, type QuestionKind, type NonBehaviouralKind } from "./question-kind.js";
export { removeLessonRequest } from "./lesson-request.js";
export { senseTaggedTerms, OTHER_SENSE } from "./sense-terms.js";
