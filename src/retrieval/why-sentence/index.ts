export { whyCandidates, type WhyCandidate, type WhyQuestionView } from "./why-sentence-features.js";
export { loadWhySentenceModel, pickWhySentence, WHY_SENTENCE_MODEL_FILE } from "./why-sentence-model.js";
