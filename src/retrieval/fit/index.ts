export { FIT_FEATURES, fitValues, type FitInput } from "./fit-features.js";
export { withFitFloor, type FitFloorFacts } from "./fit-floor.js";
export { fitLevel, fitProbability, loadStoryFitModel, STORY_FIT_FILE, type FitLevel, type StoryFitModel } from "./fit-model.js";
export { FIT_WINDOW, stretchesLast } from "./stretches-last.js";
