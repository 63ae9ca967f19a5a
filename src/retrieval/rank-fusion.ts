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
    const mean = scores.reduce((sum, value) => sum + value, 0) / Math.max(1, scores.length);
    const spread = Math.sqrt(scores.reduce((sum, value) => sum + (value - mean) ** 2, 0) / Math.max(1, scores.length));
    if (spread === 0) return;
    const weight = weights?.[signal] ?? 1;
    for (let index = 0; index < count; index++) fused[index]! += (weight * (scores[index]! - mean)) / spread;
  });
  // Standardised sums tie only when stories score the same on every signal, so no rank tie-break is needed here.
  const items: FusedItem[] = fused.map((value, index) => ({ index, fused: value, averageRank: 0 }));
  return items.sort((a, b) => b.fused - a.fused || a.averageRank - b.averageRank || a.index - b.index);
}
