import { loadBank } from "../bank/index.js";
import { betterStoriesFor, RANKED_DEPTH } from "../coach/story-fit.js";
import type { Embedder } from "../core/embedder.js";
import type { Story } from "../core/story.js";
import { createInMemoryMatcher, type StoryMatcher } from "../retrieval/index.js";
import { withInferredPrinciples } from "../understanding/index.js";
import { seededRandom } from "./bootstrap.js";
import { readRetrievalCases } from "./retrieval-dataset.js";
import type { RetrievalDatasetSpec } from "./run-retrieval-eval.js";

export interface StoryFitMetrics {
  dataset: string;
  /** Questions with an acceptable story in the bank's top 50. */
  cases: number;
  /** Share of those where retelling the best-ranked acceptable story is not flagged. */
  spared: number;
  /** Acceptable experiences in the top 50, over all questions. */
  acceptableTold: number;
  /** Share of those not flagged; and share flagged as a story for another question (high). */
  sparedAny: number;
  flaggedHighAny: number;
  /** Share of questions where retelling a story not labelled acceptable (one per question, drawn reproducibly) is flagged; and flagged high. */
  caught: number;
  caughtHigh: number;
}

/** Small banks to draw from a dataset's bank: how many, and how many experiences each. */
export interface SmallBanks {
  draws: number;
  experiences: number;
}

/** The small banks `coach eval` draws: eight banks of ten experiences each. */
export const SMALL_BANKS: SmallBanks = { draws: 8, experiences: 10 };

/**
 * How well the chat tells a retold story that does not fit the question
 * (`betterStoriesFor`), on a labelled retrieval set: the candidate retells
 * each acceptable story (should pass) or a story labelled not acceptable for
 * the question (should be flagged). With `small`, on banks drawn from the
 * dataset's (most candidates keep ten stories or so, not thirty).
 */
export async function evaluateStoryFit(spec: RetrievalDatasetSpec, embedder: Embedder, small?: SmallBanks): Promise<StoryFitMetrics> {
  const cases = await readRetrievalCases(spec.file);
  const all = withInferredPrinciples((await loadBank(spec.banks)).stories);
  const random = seededRandom(20261123);
  const counts = { cases: 0, spared: 0, acceptableTold: 0, sparedAny: 0, flaggedHighAny: 0, caught: 0, caughtHigh: 0 };
  for (const stories of small ? drawBanks(all, small, random) : [all]) {
    const matcher = await createInMemoryMatcher(stories, embedder);
    const byId = new Map(stories.map((story) => [story.id, story]));
    for (const entry of cases) {
      const acceptable = new Set(entry.acceptable.map((id) => byId.get(id)?.experience));
      const ranked = await matcher.match(entry.question, { k: RANKED_DEPTH });
      const acceptableRanked = ranked.matches.filter((match) => acceptable.has(match.experience));
      const others = stories.filter((story) => !acceptable.has(story.experience));
      if (acceptableRanked.length === 0 || others.length === 0) continue;
      counts.cases++;
      for (const [position, match] of acceptableRanked.entries()) {
        const verdict = await judge(matcher, entry.question, byId.get(match.id)!);
        counts.acceptableTold++;
        if (verdict === "passes") counts.sparedAny++;
        if (verdict === "another question") counts.flaggedHighAny++;
        if (position === 0 && verdict === "passes") counts.spared++;
      }
      const verdict = await judge(matcher, entry.question, others[Math.floor(random() * others.length)]!);
      if (verdict !== "passes") counts.caught++;
      if (verdict === "another question") counts.caughtHigh++;
    }
  }
  const share = (count: number, of: number) => count / Math.max(1, of);
  return {
    dataset: small ? `${spec.name}-${small.experiences}` : spec.name,
    cases: counts.cases,
    spared: share(counts.spared, counts.cases),
    acceptableTold: counts.acceptableTold,
    sparedAny: share(counts.sparedAny, counts.acceptableTold),
    flaggedHighAny: share(counts.flaggedHighAny, counts.acceptableTold),
    caught: share(counts.caught, counts.cases),
    caughtHigh: share(counts.caughtHigh, counts.cases),
  };
}

async function judge(matcher: StoryMatcher, question: string, told: Story): Promise<"passes" | "fits less well" | "another question"> {
  const better = await betterStoriesFor(matcher, question, told);
  return better === null ? "passes" : better.anotherQuestion ? "another question" : "fits less well";
}

/** `draws` banks of `experiences` experiences each, every telling of a drawn experience kept, drawn reproducibly. */
function drawBanks(stories: readonly Story[], small: SmallBanks, random: () => number): Story[][] {
  const experiences = [...new Set(stories.map((story) => story.experience))];
  return Array.from({ length: small.draws }, () => {
    const shuffled = [...experiences];
    for (let index = shuffled.length - 1; index > 0; index--) {
      const other = Math.floor(random() * (index + 1));
      [shuffled[index], shuffled[other]] = [shuffled[other]!, shuffled[index]!];
    }
    const drawn = new Set(shuffled.slice(0, small.experiences));
    return stories.filter((story) => drawn.has(story.experience));
  });
}
