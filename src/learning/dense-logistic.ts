/** A binary logistic model over a few named real-valued features, standardised, as stored on disk. */
export interface DenseLogisticModel {
  version: number;
  /** What was trained on, for provenance. */
  trainedOn: string;
  /** Feature names, in the order of `mean`, `scale` and `weights`. */
  features: string[];
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
}

export interface DenseExample {
  /** One value per feature, in the model's feature order. */
  values: readonly number[];
  label: boolean;
}

export interface DenseLogisticOptions {
  trainedOn: string;
  features: readonly string[];
  /** L2 penalty on the standardised weights. */
  l2?: number;
  epochs?: number;
  learningRate?: number;
}

/**
 * Trains a binary logistic regression by full-batch gradient descent on
 * standardised features. Deterministic: the same examples give the same model.
 */
export function trainDenseLogistic(examples: readonly DenseExample[], options: DenseLogisticOptions): DenseLogisticModel {
  const width = options.features.length;
  const l2 = options.l2 ?? 0.01;
  const rate = options.learningRate ?? 0.5;
  const n = Math.max(1, examples.length);
  const mean = new Array<number>(width).fill(0);
  const scale = new Array<number>(width).fill(0);
  for (const example of examples) example.values.forEach((value, at) => (mean[at]! += value / n));
  for (const example of examples) example.values.forEach((value, at) => (scale[at]! += (value - mean[at]!) ** 2 / n));
  // A constant feature would divide by zero; it then carries no weight.
  for (let at = 0; at < width; at++) scale[at] = Math.sqrt(scale[at]!) > 1e-9 ? Math.sqrt(scale[at]!) : 1;
  const rows = examples.map((example) => example.values.map((value, at) => (value - mean[at]!) / scale[at]!));
  const weights = new Array<number>(width).fill(0);
  let bias = 0;
  for (let epoch = 0; epoch < (options.epochs ?? 2000); epoch++) {
    const gradient = new Array<number>(width).fill(0);
    let gradientBias = 0;
    rows.forEach((row, index) => {
      const error = sigmoid(bias + dot(weights, row)) - (examples[index]!.label ? 1 : 0);
      gradientBias += error / n;
      for (let at = 0; at < width; at++) gradient[at]! += (error * row[at]!) / n;
    });
    for (let at = 0; at < width; at++) weights[at]! -= rate * (gradient[at]! + l2 * weights[at]!);
    bias -= rate * gradientBias;
  }
  return { version: 1, trainedOn: options.trainedOn, features: [...options.features], mean: mean.map(round), scale: scale.map(round), weights: weights.map(round), bias: round(bias) };
}

/** The model's probability that the label holds for these feature values (in its feature order). */
export function predictDenseLogistic(model: DenseLogisticModel, values: readonly number[]): number {
  let z = model.bias;
  for (let at = 0; at < model.features.length; at++) z += (model.weights[at]! * ((values[at] ?? 0) - model.mean[at]!)) / model.scale[at]!;
  return sigmoid(z);
}

function dot(left: readonly number[], right: readonly number[]): number {
  let sum = 0;
  for (let at = 0; at < left.length; at++) sum += left[at]! * right[at]!;
  return sum;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const round = (value: number) => Math.round(value * 1e6) / 1e6;
