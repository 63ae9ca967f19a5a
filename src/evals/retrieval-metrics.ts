import { bootstrapInterval } from "./bootstrap.js";

/** Where the first acceptable story appeared (1-based), or null when it did not. */
export type FirstHit = number | null;

export interface RetrievalMetrics {
  hitAt1: number;
  hitAt3: number;
  hitAt5: number;
  mrr: number;
  ndcgAt5: number;
  cases: number;
  /** 95% bootstrap intervals of hit@3 and MRR. */
  intervals: { hitAt3: [number, number]; mrr: [number, number] };
}

/** hit@k, MRR (first hit) and nDCG@5 (binary gains, each experience counted once) over cases. */
export function retrievalMetrics(results: ReadonlyArray<{ firstHit: FirstHit; gains: readonly number[]; relevantCount: number }>): RetrievalMetrics {
  const count = results.length || 1;
  const hit = (k: number) => results.filter((result) => result.firstHit !== null && result.firstHit <= k).length / count;
  const mrr = results.reduce((sum, result) => sum + (result.firstHit ? 1 / result.firstHit : 0), 0) / count;
  const ndcg =
    results.reduce((sum, result) => {
      const dcg = result.gains.slice(0, 5).reduce((total, gain, index) => total + gain / Math.log2(index + 2), 0);
      const ideal = Array.from({ length: Math.min(5, result.relevantCount) }, (_, index) => 1 / Math.log2(index + 2)).reduce((a, b) => a + b, 0);
      return sum + (ideal === 0 ? 0 : dcg / ideal);
    }, 0) / count;
  const intervals = {
    hitAt3: bootstrapInterval(results.map((result) => (result.firstHit !== null && result.firstHit <= 3 ? 1 : 0))),
    mrr: bootstrapInterval(results.map((result) => (result.firstHit ? 1 / result.firstHit : 0))),
  };
  return { hitAt1: hit(1), hitAt3: hit(3), hitAt5: hit(5), mrr, ndcgAt5: ndcg, cases: results.length, intervals };
}
