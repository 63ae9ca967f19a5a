import type { Critique, CritiqueIssue } from "../core/critique.js";
import type { Story } from "../core/story.js";
import { FOLLOW_UP_BY_ISSUE } from "../critique/follow-ups.js";
import { ProviderError } from "../errors/index.js";
import { scoreOf } from "../critique/index.js";
import type { StoryFeatures, StoryMatcher } from "../retrieval/index.js";
import { questionKind } from "../understanding/index.js";

/**
 * A retold bank story scoring under this share of the bank's best fit for the
 * question answers another question. Chosen on the twenty training banks:
 * there 1.5% of questions answered with the best acceptable story fall under
 * it, and 74% answered with a story not labelled acceptable (sample and seed
 * banks: 4.4% and 3.3% against 77% and 78%).
 */
export const ANOTHER_QUESTION_SHARE = 0.6;

// How far down the bank's ranking the retold story is looked for; past it the story scores as no fit at all.
const RANKED_DEPTH = 50;

/** The bank's stories that answer the question better than the one retold. */
export interface BetterStories {
  /** The retold story's title, as the candidate knows it. */
  told: string;
  /** Up to two closer-fitting stories' titles, best first. */
  closer: string[];
  /** The retold story's fit as a share of the best story's (0-1). */
  share: number;
}

/**
 * Whether the bank story an answer retells is one the bank would pick for the
 * question: when another story fits far better, the closer ones; otherwise null.
 */
export async function betterStoriesFor(matcher: StoryMatcher, question: string, told: Story): Promise<BetterStories | null> {
  // A question that asks for no story (a technical or design question) has no story to prefer.
  if (questionKind(question).kind !== "behavioural") return null;
  // Most answers tell one of the leading stories; only a story past them costs the deep ranking (each match is explained).
  let result = await matcher.match(question, { k: 3 });
  if (!result.matches.some((match) => match.experience === told.experience)) result = await matcher.match(question, { k: RANKED_DEPTH });
  if (result.matches.length === 0) return null;
  const best = result.matches[0]!;
  if (best.experience === told.experience || best.score <= 0) return null;
  const own = result.matches.find((match) => match.experience === told.experience);
  const share = own ? own.score / best.score : 0;
  if (share >= ANOTHER_QUESTION_SHARE) return null;
  const closer = result.matches.filter((match) => match.experience !== told.experience && match.score > (own?.score ?? 0)).slice(0, 2);
  return { told: told.title, closer: closer.map((match) => match.title), share: Math.round(share * 1000) / 1000 };
}

/**
 * The critique of an answer that retells a story the bank would not pick for
 * its question: an OFF_TOPIC issue naming the closer stories leads, relevance
 * falls to the story's share of the best fit, and the score follows (a
 * high-severity gap caps it, as `scoreOf` says).
 */
export function withBetterStories(critique: Critique, better: BetterStories): Critique {
  const named = better.closer.map((title) => `"${title}"`).join(" or ");
  const issue: CritiqueIssue = {
    code: "OFF_TOPIC",
    severity: "high",
    message: `This retells "${better.told}", which fits this question less well than ${named} from your bank. Tell one of those, or say plainly how this story shows what was asked.`,
  };
  const breakdown = { ...critique.breakdown, relevance: Math.min(critique.breakdown.relevance, better.share) };
  const issues = [issue, ...critique.issues.filter((other) => other.code !== "OFF_TOPIC")];
  const followUp = FOLLOW_UP_BY_ISSUE.OFF_TOPIC!;
  return {
    ...critique,
    breakdown,
    // A high-severity gap: however well told, it does not answer this question.
    score: scoreOf(breakdown, issues),
    relevance: { ...critique.relevance, score: Math.min(critique.relevance.score, better.share) },
    issues,
    followUps: [followUp, ...critique.followUps.filter((other) => other !== followUp)].slice(0, 3),
  };
}

/** The critique, told so when the bank story the answer retells (`told`) is not one the bank would pick for the question. */
export async function withStoryFit(critique: Critique, question: string, told: StoryFeatures | undefined, matcher: StoryMatcher): Promise<Critique> {
  if (!told) return critique;
  try {
    const better = await betterStoriesFor(matcher, question, told.story);
    return better ? withBetterStories(critique, better) : critique;
  } catch (error) {
    // The provider's embeddings failing costs the comparison, not the critique of the answer given.
    if (error instanceof ProviderError) return critique;
    throw error;
  }
}
