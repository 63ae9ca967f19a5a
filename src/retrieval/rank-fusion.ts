/** Reciprocal-rank fusion constant (k = 60, as in Cormack et al. 2009); equal weights measured as good as tuned ones. */
export const RRF_K = 60;

/** Ranks (0 = best) of each item under one signal's scores; items scoring 0 share the last rank. */
export function ranksOf(scores: readonly number[]): number[] {
  const order = scores.map((score, index) => ({ score, index })).sort((a, b) => b.score - a.score || a.index - b.index);
  const ranks = new Array<number>(scores.length);
  let previous = Number.NaN;
  let rank = 0;
  order.forEach((entry, position) => {
    if (entry.score !== previous) rank = position;
    previous = entry.score;
    ranks[entry.index] = entry.score > 0 ? rank : scores.length;
  });
  return ranks;
}

export interface FusedItem {
  index: number;
  fused: number;
  averageRank: number;
}

/**
 * Reciprocal-rank fusion of several signals' scores over the same items.
 * Ties go to the better average rank, never to file order.
 */
export function fuseRanks(signals: ReadonlyArray<readonly number[]>, weights?: readonly number[]): FusedItem[] {
  const count = signals[0]?.length ?? 0;
  const allRanks = signals.map(ranksOf);
  const items: FusedItem[] = [];
  for (let index = 0; index < count; index++) {
    let fused = 0;
    let rankSum = 0;
    allRanks.forEach((ranks, signal) => {
      const rank = ranks[index]!;
      rankSum += rank;
      if (rank < count) fused += (weights?.[signal] ?? 1) / (RRF_K + rank + 1);
    });
    items.push({ index, fused, averageRank: rankSum / allRanks.length });
  }
  return items.sort((a, b) => b.fused - a.fused || a.averageRank - b.averageRank || a.index - b.index);
}

/**
 * Score fusion: each signal's scores standardised (z-scores over all items),
 * then summed. Unlike rank fusion it keeps how far ahead an item is, so one
 * signal that is sure (a rare phrase only one story shares) can carry the result.
 */
export function fuseScores(signals: ReadonlyArray<readonly number[]>, weights?: readonly number[]): FusedItem[] {
  const count = signals[0]?.length ?? 0;
  const fused = new Array<number>(count).fill(0);
  signals.forEach((scores, signal) => {
    const weight = weights?.[signal] ?? 1;
    standardize(scores).forEach((value, index) => (fused[index]! += weight * value));
  });
  // Standardised sums tie only when stories score the same on every signal, so no rank tie-break is needed here.
  return orderByScore(fused);
}

// Fusion and the re-ranker both standardise the same signal arrays; compute each once.
const standardized = new WeakMap<readonly number[], number[]>();

/** Scores as z-scores over all items (all zero when every item scores the same). Do not modify the result. */
export function standardize(scores: readonly number[]): number[] {
  const known = standardized.get(scores);
  if (known) return known;
  const result = computeStandardScores(scores);
  standardized.set(scores, result);
  return result;
}

function computeStandardScores(scores: readonly number[]): number[] {
  const count = scores.length;
  let sum = 0;
  for (let index = 0; index < count; index++) sum += scores[index]!;
  const mean = sum / Math.max(1, count);
  let squares = 0;
  for (let index = 0; index < count; index++) squares += (scores[index]! - mean) ** 2;
  const spread = Math.sqrt(squares / Math.max(1, count));
  const standardized = new Array<number>(count);
  for (let index = 0; index < count; index++) standardized[index] = spread === 0 ? 0 : (scores[index]! - mean) / spread;
  return standardized;
}

/** Items best first by a single score, ties by position. */
export function orderByScore(scores: readonly number[]): FusedItem[] {
  // Sorting indexes, not objects: this runs on every match over every story.
  const order = new Uint32Array(scores.length);
  for (let index = 0; index < order.length; index++) order[index] = index;
  order.sort((a, b) => scores[b]! - scores[a]! || a - b);
  return Array.from(order, (index) => ({ index, fused: scores[index]!, averageRank: 0 }));
}
