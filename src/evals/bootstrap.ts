/** A reproducible pseudo-random generator (mulberry32): the same seed gives the same intervals. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * 95% bootstrap interval of a mean over per-case values (percentile method,
 * 1,000 resamples, fixed seed): how much the figure would move on another
 * sample of questions like these.
 */
export function bootstrapInterval(values: readonly number[], resamples = 1000, seed = 20261122): [number, number] {
  if (values.length === 0) return [0, 0];
  const random = seededRandom(seed);
  const means: number[] = [];
  for (let sample = 0; sample < resamples; sample++) {
    let sum = 0;
    for (let draw = 0; draw < values.length; draw++) sum += values[Math.floor(random() * values.length)]!;
    means.push(sum / values.length);
  }
  means.sort((a, b) => a - b);
  return [means[Math.floor(resamples * 0.025)]!, means[Math.min(resamples - 1, Math.floor(resamples * 0.975))]!];
}
