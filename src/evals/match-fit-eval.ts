import { loadBank } from "../bank/index.js";
import type { Embedder } from "../core/embedder.js";
import { createInMemoryMatcher, type StoryMatcher } from "../retrieval/index.js";
import { withInferredPrinciples } from "../understanding/index.js";
import { readRetrievalCases } from "./retrieval-dataset.js";
import type { RetrievalDatasetSpec } from "./run-retrieval-eval.js";

export interface MatchFitMetrics {
  dataset: string;
  /** Questions whose first match is a story labelled acceptable. */
  rightFirst: number;
  /** Share of those whose first match is called a stretch (the "nothing fits clearly" notice shown wrongly). */
  rightFirstStretch: number;
  /** Share of those whose first match is called strong. */
  rightFirstStrong: number;
  /** Questions asked of the bank without their acceptable stories (a bank with no story for them). */
  noFit: number;
  /** Share of those whose first match is called a stretch (the notice shown rightly). */
  noFitStretch: number;
  /** Share of those whose first match is called strong. */
  noFitStrong: number;
}

/**
 * How `coach match`'s fit levels read on a labelled retrieval set: each
 * question against its bank (a right first match should not be a stretch),
 * then against the bank without the stories labelled acceptable for it (its
 * first match should not be strong, and is rightly a stretch).
 */
export async function evaluateMatchFit(spec: RetrievalDatasetSpec, embedder: Embedder): Promise<MatchFitMetrics> {
  const cases = await readRetrievalCases(spec.file);
  const stories = withInferredPrinciples((await loadBank(spec.banks)).stories);
  const whole = await createInMemoryMatcher(stories, embedder);
  const counts = { rightFirst: 0, rightFirstStretch: 0, rightFirstStrong: 0, noFit: 0, noFitStretch: 0, noFitStrong: 0 };
  const firstFit = async (matcher: StoryMatcher, question: string) => (await matcher.match(question, { k: 1 })).matches[0];
  for (const entry of cases) {
    const acceptable = new Set(stories.filter((story) => entry.acceptable.includes(story.id)).map((story) => story.experience));
    const first = await firstFit(whole, entry.question);
    if (first && acceptable.has(first.experience)) {
      counts.rightFirst++;
      if (first.fit === "stretch") counts.rightFirstStretch++;
      if (first.fit === "strong") counts.rightFirstStrong++;
    }
    const others = stories.filter((story) => !acceptable.has(story.experience));
    if (others.length === 0) continue;
    const best = await firstFit(await createInMemoryMatcher(others, embedder), entry.question);
    if (!best) continue;
    counts.noFit++;
    if (best.fit === "stretch") counts.noFitStretch++;
    if (best.fit === "strong") counts.noFitStrong++;
  }
  const share = (count: number, of: number) => count / Math.max(1, of);
  return {
    dataset: spec.name,
    rightFirst: counts.rightFirst,
    rightFirstStretch: share(counts.rightFirstStretch, counts.rightFirst),
    rightFirstStrong: share(counts.rightFirstStrong, counts.rightFirst),
    noFit: counts.noFit,
    noFitStretch: share(counts.noFitStretch, counts.noFit),
    noFitStrong: share(counts.noFitStrong, counts.noFit),
  };
}
