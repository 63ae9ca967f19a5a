/** A linear ranking model over sparse real-valued features, as stored on disk. */
export interface RankerModel {
  version: number;
  /** What was trained on, for provenance. */
  trainedOn: string;
  weights: Record<string, number>;
  l2: number;
  epochs: number;
}

/** Sparse features of one candidate: name to value. */
export type RankFeatures = ReadonlyMap<string, number>;

/** One query's candidates; at least one relevant and one not, or the group teaches nothing. */
export interface RankGroup {
  candidates: ReadonlyArray<{ features: RankFeatures; relevant: boolean }>;
}

export interface RankerOptions {
  trainedOn: string;
  /** L2 penalty; larger keeps weights small on little data. */
  l2?: number;
  epochs?: number;
  learningRate?: number;
  /** Features present in fewer groups are dropped (they only memorise). */
  minGroups?: number;
}

/**
 * Trains a linear scorer with a listwise softmax loss: for each query, the
 * probability mass the softmax over its candidates puts on the relevant ones
 * is maximised. Full-batch AdaGrad; deterministic.
 */
export function trainRanker(groups: readonly RankGroup[], options: RankerOptions): RankerModel {
  const l2 = options.l2 ?? 0.01;
  const epochs = options.epochs ?? 300;
  const rate = options.learningRate ?? 0.1;
  const minGroups = options.minGroups ?? 2;
  const usable = groups.filter((group) => group.candidates.some((candidate) => candidate.relevant) && group.candidates.some((candidate) => !candidate.relevant));
  const seenIn = new Map<string, number>();
  for (const group of usable) {
    const names = new Set<string>();
    for (const candidate of group.candidates) for (const [name, value] of candidate.features) if (value !== 0) names.add(name);
    for (const name of names) seenIn.set(name, (seenIn.get(name) ?? 0) + 1);
  }
  const vocabulary = [...seenIn].filter(([, count]) => count >= minGroups).map(([name]) => name).sort();
  const index = new Map(vocabulary.map((name, position) => [name, position]));
  // Flat typed arrays: training touches every feature of every candidate each epoch, so layout decides the speed.
  const groupStart: number[] = [0];
  const candidateStart: number[] = [0];
  const relevant: boolean[] = [];
  const at: number[] = [];
  const values: number[] = [];
  for (const group of usable) {
    for (const candidate of group.candidates) {
      for (const [name, value] of candidate.features) {
        const position = index.get(name);
        if (position === undefined || value === 0) continue;
        at.push(position);
        values.push(value);
      }
      candidateStart.push(at.length);
      relevant.push(candidate.relevant);
    }
    groupStart.push(relevant.length);
  }
  const featureAt = Int32Array.from(at);
  const featureValue = Float64Array.from(values);
  const w = new Float64Array(vocabulary.length);
  const history = new Float64Array(vocabulary.length);
  const gradient = new Float64Array(vocabulary.length);
  const scores = new Float64Array(relevant.length);
  const n = Math.max(1, usable.length);
  for (let epoch = 0; epoch < epochs; epoch++) {
    gradient.fill(0);
    for (let candidate = 0; candidate < relevant.length; candidate++) {
      let score = 0;
      for (let k = candidateStart[candidate]!; k < candidateStart[candidate + 1]!; k++) score += w[featureAt[k]!]! * featureValue[k]!;
      scores[candidate] = score;
    }
    for (let group = 0; group < usable.length; group++) {
      const first = groupStart[group]!;
      const end = groupStart[group + 1]!;
      let top = Number.NEGATIVE_INFINITY;
      for (let candidate = first; candidate < end; candidate++) top = Math.max(top, scores[candidate]!);
      let all = 0;
      let relevantMass = 0;
      for (let candidate = first; candidate < end; candidate++) {
        const e = Math.exp(scores[candidate]! - top);
        all += e;
        if (relevant[candidate]) relevantMass += e;
      }
      // d(loss)/d(score) = softmax over all candidates minus softmax over the relevant ones.
      for (let candidate = first; candidate < end; candidate++) {
        const e = Math.exp(scores[candidate]! - top);
        const error = e / all - (relevant[candidate] ? e / relevantMass : 0);
        if (error === 0) continue;
        for (let k = candidateStart[candidate]!; k < candidateStart[candidate + 1]!; k++) gradient[featureAt[k]!]! += error * featureValue[k]!;
      }
    }
    for (let position = 0; position < vocabulary.length; position++) {
      const g = gradient[position]! / n + l2 * w[position]!;
      history[position]! += g * g;
      w[position]! -= (rate * g) / (Math.sqrt(history[position]!) + 1e-8);
    }
  }
  const weights: Record<string, number> = {};
  vocabulary.forEach((name, position) => {
    const weight = Math.round(w[position]! * 1e4) / 1e4;
    if (weight !== 0) weights[name] = weight;
  });
  return { version: 1, trainedOn: options.trainedOn, weights, l2, epochs };
}

/** The model's score for one candidate (unknown features count nothing). */
export function scoreRanker(model: RankerModel, features: RankFeatures): number {
  let score = 0;
  for (const [name, value] of features) score += (model.weights[name] ?? 0) * value;
  return score;
}
