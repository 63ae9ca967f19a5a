import { loadBank } from "../bank/index.js";
import { betterStoriesFor } from "../coach/story-fit.js";
import type { Embedder } from "../core/embedder.js";
import { createInMemoryMatcher } from "../retrieval/index.js";
import { withInferredPrinciples } from "../understanding/index.js";
import { seededRandom } from "./bootstrap.js";
import { readRetrievalCases } from "./retrieval-dataset.js";
import type { RetrievalDatasetSpec } from "./run-retrieval-eval.js";

// How far down the ranking the best acceptable story is looked for.
const RANKED_DEPTH = 50;

export interface StoryFitMetrics {
  dataset: string;
  /** Questions with an acceptable story in the bank's top 50. */
  cases: number;
  /** Share of those where retelling the best-ranked acceptable story is not flagged as fitting another question. */
  spared: number;
  /** Share of questions where retelling a story not labelled acceptable (one per question, drawn reproducibly) is flagged. */
  caught: number;
}

/**
 * How well the mock interview tells a retold story that answers another
 * question (`betterStoriesFor`), on a labelled retrieval set: the candidate
 * retells the best acceptable story (should pass) or a story labelled not
 * acceptable for the question (should be flagged).
 */
export async function evaluateStoryFit(spec: RetrievalDatasetSpec, embedder: Embedder): Promise<StoryFitMetrics> {
  const cases = await readRetrievalCases(spec.file);
  const stories = withInferredPrinciples((await loadBank(spec.banks)).stories);
  const matcher = await createInMemoryMatcher(stories, embedder);
  const byId = new Map(stories.map((story) => [story.id, story]));
  const random = seededRandom(20261123);
  let counted = 0;
  let spared = 0;
  let caught = 0;
  for (const entry of cases) {
    const acceptable = new Set(entry.acceptable.map((id) => byId.get(id)?.experience));
    const ranked = await matcher.match(entry.question, { k: RANKED_DEPTH });
    const bestAcceptable = ranked.matches.find((match) => acceptable.has(match.experience));
    const others = stories.filter((story) => !acceptable.has(story.experience));
    if (!bestAcceptable || others.length === 0) continue;
    counted++;
    if ((await betterStoriesFor(matcher, entry.question, byId.get(bestAcceptable.id)!)) === null) spared++;
    const other = others[Math.floor(random() * others.length)]!;
    if ((await betterStoriesFor(matcher, entry.question, other)) !== null) caught++;
  }
  const count = Math.max(1, counted);
  return { dataset: spec.name, cases: counted, spared: spared / count, caught: caught / count };
}
