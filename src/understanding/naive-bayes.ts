/** A trained multinomial naive Bayes model, as stored on disk. */
export interface NaiveBayesModel {
  version: number;
  /** What was trained on, for provenance. */
  trainedOn: string;
  labels: string[];
  /** Examples per label. */
  labelCounts: number[];
  /** Feature to count per label (same order as labels); sparse. */
  featureCounts: Record<string, Record<string, number>>;
  /** Total feature occurrences per label. */
  totals: number[];
  vocabularySize: number;
  alpha: number;
  /** Softens naive Bayes' overconfident posteriors (probabilities raised to 1/temperature). */
  temperature: number;
}

/** Trains multinomial naive Bayes over feature lists; deterministic for the same examples. */
export function trainNaiveBayes(examples: ReadonlyArray<{ features: string[]; label: string }>, options: { alpha?: number; temperature?: number; trainedOn: string }): NaiveBayesModel {
  const labels = [...new Set(examples.map((example) => example.label))].sort();
  const index = new Map(labels.map((label, position) => [label, position]));
  const labelCounts = new Array<number>(labels.length).fill(0);
  const totals = new Array<number>(labels.length).fill(0);
  const featureCounts: Record<string, Record<string, number>> = {};
  for (const example of examples) {
    const position = index.get(example.label)!;
    labelCounts[position]!++;
    for (const feature of example.features) {
      const counts = (featureCounts[feature] ??= {});
      counts[example.label] = (counts[example.label] ?? 0) + 1;
      totals[position]!++;
    }
  }
  const sortedCounts = Object.fromEntries(Object.keys(featureCounts).sort().map((feature) => [feature, featureCounts[feature]!]));
  return {
    version: 1,
    trainedOn: options.trainedOn,
    labels,
    labelCounts,
    featureCounts: sortedCounts,
    totals,
    vocabularySize: Object.keys(sortedCounts).length,
    alpha: options.alpha ?? 0.5,
    temperature: options.temperature ?? 3,
  };
}

/** Posterior probability of each label for the features (only features seen in training count). */
export function predictNaiveBayes(model: NaiveBayesModel, features: readonly string[]): Map<string, number> {
  const known = features.filter((feature) => model.featureCounts[feature]);
  if (known.length === 0) return new Map();
  const logs = logLikelihoods(model);
  const logScores = model.labels.map((_, position) => {
    let score = logs.prior[position]!;
    for (const feature of known) score += logs.of(feature)[position]!;
    return score / model.temperature;
  });
  const top = Math.max(...logScores);
  const weights = logScores.map((score) => Math.exp(score - top));
  const sum = weights.reduce((total, weight) => total + weight, 0);
  return new Map(model.labels.map((label, position) => [label, weights[position]! / sum]));
}

interface LogLikelihoods {
  prior: number[];
  /** A known feature's log likelihood under each label. */
  of(feature: string): Float64Array;
}

// Every question is classified on every match: each feature's logs are worked out once per model, when first seen.
const compiled = new WeakMap<NaiveBayesModel, LogLikelihoods>();

function logLikelihoods(model: NaiveBayesModel): LogLikelihoods {
  let likelihoods = compiled.get(model);
  if (likelihoods) return likelihoods;
  const examples = model.labelCounts.reduce((sum, count) => sum + count, 0);
  const denominators = model.labels.map((_, position) => model.totals[position]! + model.alpha * model.vocabularySize);
  const byFeature = new Map<string, Float64Array>();
  likelihoods = {
    prior: model.labels.map((_, position) => Math.log(model.labelCounts[position]! / examples)),
    of(feature) {
      let logs = byFeature.get(feature);
      if (!logs) {
        const counts = model.featureCounts[feature]!;
        logs = Float64Array.from(model.labels, (label, position) => Math.log(((counts[label] ?? 0) + model.alpha) / denominators[position]!));
        byFeature.set(feature, logs);
      }
      return logs;
    },
  };
  compiled.set(model, likelihoods);
  return likelihoods;
}
