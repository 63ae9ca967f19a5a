export { predictLogistic, trainLogistic, type LogisticExample, type LogisticModel, type LogisticOptions } from "./logistic-regression.js";
export { readModelFile } from "./read-model-file.js";
export { scoreRanker, trainRanker, type RankerModel, type RankerOptions, type RankFeatures, type RankGroup } from "./listwise-ranker.js";
export { predictDenseLogistic, trainDenseLogistic, type DenseExample, type DenseLogisticModel, type DenseLogisticOptions } from "./dense-logistic.js";
