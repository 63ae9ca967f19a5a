export { predictLogistic, trainLogistic, type LogisticExample, type LogisticModel, type LogisticOptions } from "./logistic-regression.js";
export { readModelFile } from "./read-model-file.js";
