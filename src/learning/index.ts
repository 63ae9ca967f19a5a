export { predictLogistic, trainLogistic, type LogisticExample, type LogisticModel, type LogisticOptions } from "./logistic-regression.js";
export { readModelFile } from "./read-model-file.js";
export { scoreRanker, trainRanker, type RankerModel, type RankerOptions, type RankFeatures, type RankGroup } from "./listwise-ranker.js";
