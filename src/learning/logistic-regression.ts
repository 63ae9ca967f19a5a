/** Independent binary logistic models over sparse binary features, one per label, as stored on disk. */
export interface LogisticModel {
  version: number;
  /** What was trained on, for provenance. */
  trainedOn: string;
  labels: string[];
  bias: number[];
  /** Feature to weight per label (same order as labels); only features seen at least `minCount` times. */
  weights: Record<string, number[]>;
  l2: number;
  epochs: number;
}

export interface LogisticExample {
  features: readonly string[];
  /** The labels this example carries (any number, including none). */
  labels: readonly string[];
}

export interface LogisticOptions {
  trainedOn: string;
  labels: readonly string[];
  /** L2 penalty per example; larger keeps weights small on little data. */
  l2?: number;
  epochs?: number;
  learningRate?: number;
  /** Features seen fewer times are dropped (they only memorise). */
  minCount?: number;
}

/**
 * Trains one-vs-rest logistic regression by full-batch gradient descent with
 * AdaGrad steps. Deterministic: the same examples give the same model.
 */
export function trainLogistic(examples: readonly LogisticExample[], options: LogisticOptions): LogisticModel {
  const labels = [...options.labels];
  const l2 = options.l2 ?? 0.01;
  const epochs = options.epochs ?? 200;
  const rate = options.learningRate ?? 0.5;
  const minCount = options.minCount ?? 2;
  const counts = new Map<string, number>();
  for (const example of examples) for (const feature of new Set(example.features)) counts.set(feature, (counts.get(feature) ?? 0) + 1);
  const vocabulary = [...counts].filter(([, count]) => count >= minCount).map(([feature]) => feature).sort();
  const index = new Map(vocabulary.map((feature, position) => [feature, position]));
  const rows = examples.map((example) => [...new Set(example.features.map((feature) => index.get(feature)).filter((at): at is number => at !== undefined))]);
  const n = Math.max(1, examples.length);
  const weights: Record<string, number[]> = Object.fromEntries(vocabulary.map((feature) => [feature, new Array<number>(labels.length).fill(0)]));
  const bias: number[] = [];
  labels.forEach((label, k) => {
    const targets = examples.map((example) => (example.labels.includes(label) ? 1 : 0));
    const w = new Float64Array(vocabulary.length);
    const history = new Float64Array(vocabulary.length + 1);
    let b = 0;
    for (let epoch = 0; epoch < epochs; epoch++) {
      const gradient = new Float64Array(vocabulary.length);
      let gradientBias = 0;
      rows.forEach((row, i) => {
        let z = b;
        for (const at of row) z += w[at]!;
        const error = sigmoid(z) - targets[i]!;
        gradientBias += error;
        for (const at of row) gradient[at]! += error;
      });
      for (let at = 0; at < vocabulary.length; at++) {
        const g = gradient[at]! / n + l2 * w[at]!;
        history[at]! += g * g;
        w[at]! -= (rate * g) / (Math.sqrt(history[at]!) + 1e-8);
      }
      const gb = gradientBias / n;
      history[vocabulary.length]! += gb * gb;
      b -= (rate * gb) / (Math.sqrt(history[vocabulary.length]!) + 1e-8);
    }
    bias.push(round(b));
    vocabulary.forEach((feature, at) => (weights[feature]![k] = round(w[at]!)));
  });
  // Features whose weights all rounded to zero carry nothing.
  for (const feature of vocabulary) if (weights[feature]!.every((weight) => weight === 0)) delete weights[feature];
  return { version: 1, trainedOn: options.trainedOn, labels, bias, weights, l2, epochs };
}

/** Probability of each label for the features (unknown features are ignored). */
export function predictLogistic(model: LogisticModel, features: readonly string[]): Map<string, number> {
  const z = [...model.bias];
  for (const feature of new Set(features)) {
    const row = model.weights[feature];
    if (!row) continue;
    for (let k = 0; k < z.length; k++) z[k]! += row[k]!;
  }
  return new Map(model.labels.map((label, k) => [label, sigmoid(z[k]!)]));
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const round = (value: number) => Math.round(value * 1e4) / 1e4;
