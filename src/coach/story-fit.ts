import type { Critic, Critique, CritiqueIssue } from "../core/critique.js";
import type { Story } from "../core/story.js";
import { isQuestionLike } from "../bank/heading-text.js";
import { bySeverity, scoreOf } from "../critique/critique-answer.js";
import { FOLLOW_UP_BY_ISSUE } from "../critique/follow-ups.js";
import { ProviderError } from "../errors/index.js";
import type { StoryFeatures, StoryMatcher } from "../retrieval/index.js";
import { capitalise } from "../text/index.js";
import { questionKind } from "../understanding/index.js";
import { storyTold } from "./story-told.js";

/**
 * A retold bank story scoring under this share of the bank's best fit for the
 * question fits it less well than the bank's closer stories (a medium
 * OFF_TOPIC); under `ANOTHER_QUESTION_SHARE` it answers another question (a
 * high one, which caps the score). Chosen on the twenty training banks, where
 * of the stories labelled acceptable for a question 27% fall under 0.6 and
 * 5.6% under 0.3, and of the stories labelled not acceptable 74% and 27%;
 * of the best-ranked acceptable stories, 1.5% fall under 0.6.
 */
export const CLOSER_STORIES_SHARE = 0.6;
export const ANOTHER_QUESTION_SHARE = 0.3;

/**
 * `ANOTHER_QUESTION_SHARE` for a story the re-ranker scored for the question
 * (among the leaders it re-orders: every story of a bank of 20 or fewer).
 * Its scores crowd closer to the best than those of stories left below the
 * leaders, so at 0.3 a story for another question was rarely told so: on 6- to
 * 20-story banks drawn from the training banks, 6-10% of the stories labelled
 * not acceptable fell under 0.3 and 23-31% under 0.4, against 0.7-1.6% and
 * 4-6% of the acceptable ones. On the full 26-story training banks this rule
 * flags 0.319 of the stories not acceptable high and 0.073 of the acceptable
 * ones (0.240 and 0.055 at 0.3 alone). A rule on the bank's size instead would
 * turn a high flag medium when a 21st story is added.
 */
export const ANOTHER_QUESTION_SHARE_RERANKED = 0.4;

/** How far down the bank's ranking the retold story is looked for; past it the story scores as no fit at all. */
export const RANKED_DEPTH = 50;

/** The bank's stories that answer the question better than the one retold. */
export interface BetterStories {
  /** The retold story's title, as the candidate knows it. */
  told: string;
  /** Up to two closer-fitting stories' titles, best first. */
  closer: string[];
  /** The retold story's fit as a share of the best story's (0-1). */
  share: number;
  /** Whether the share is low enough for the story to answer another question (a high OFF_TOPIC). */
  anotherQuestion: boolean;
}

/**
 * Whether the bank story an answer retells is one the bank would pick for the
 * question: when other stories fit clearly better, the closer ones; otherwise null.
 */
export async function betterStoriesFor(matcher: StoryMatcher, question: string, told: Story): Promise<BetterStories | null> {
  // A question that asks for no story (a technical or design question) has no story to prefer.
  if (questionKind(question).kind !== "behavioural") return null;
  // Most answers tell one of the leading stories; only a story past them costs the deep ranking (each match is explained).
  // In the ranking's order, by score, as the shares below were chosen on: fit levels would put a lower score first.
  let result = await matcher.match(question, { k: 3, fit: false });
  if (!result.matches.some((match) => match.experience === told.experience)) result = await matcher.match(question, { k: RANKED_DEPTH, fit: false });
  if (result.matches.length === 0) return null;
  const best = result.matches[0]!;
  if (best.experience === told.experience || best.score <= 0) return null;
  const own = result.matches.find((match) => match.experience === told.experience);
  const share = own ? own.score / best.score : 0;
  if (share >= CLOSER_STORIES_SHARE) return null;
  const closer = result.matches.filter((match) => match.experience !== told.experience && match.score > (own?.score ?? 0)).slice(0, 2);
  // Asked only in the band where it decides: a re-ranked story's scores crowd closer to the best.
  const anotherQuestion = share < ANOTHER_QUESTION_SHARE || (share < ANOTHER_QUESTION_SHARE_RERANKED && own !== undefined && (await matcher.isReranked(question, own.id)));
  return { told: told.title, closer: closer.map((match) => match.title), share: Math.round(share * 1000) / 1000, anotherQuestion };
}

/**
 * The critique of an answer that retells a story the bank would not pick for
 * its question: an OFF_TOPIC issue naming the closer stories leads (high when
 * the story answers another question, medium when it only fits less well),
 * relevance falls to the story's share of the best fit, and the score follows.
 */
export function withBetterStories(critique: Critique, better: BetterStories): Critique {
  const named = better.closer.map(storyName).join(" or ");
  const told = storyName(better.told);
  const another = better.anotherQuestion;
  const issue: CritiqueIssue = another
    ? { code: "OFF_TOPIC", severity: "high", message: `This retells ${told}, a story for another question: ${named} from your bank fit${better.closer.length === 1 ? "s" : ""} this one. Tell one of those, or say plainly how this story shows what was asked.` }
    : { code: "OFF_TOPIC", severity: "medium", message: `${capitalise(named)} from your bank fit${better.closer.length === 1 ? "s" : ""} this question more closely than ${told}, which this retells. If you keep it, say plainly how it shows what was asked.` };
  const breakdown = { ...critique.breakdown, relevance: Math.min(critique.breakdown.relevance, better.share) };
  // First of its severity: it is the one gap no rewording of this story fixes.
  const issues = bySeverity([issue, ...critique.issues.filter((other) => other.code !== "OFF_TOPIC")]);
  const followUp = FOLLOW_UP_BY_ISSUE.OFF_TOPIC!;
  return {
    ...critique,
    breakdown,
    score: scoreOf(breakdown, issues),
    relevance: { ...critique.relevance, score: Math.min(critique.relevance.score, better.share) },
    issues,
    followUps: [followUp, ...critique.followUps.filter((other) => other !== followUp)].slice(0, 3),
  };
}

/**
 * The critic's critique of an answer, told so when the bank story it retells
 * (`told`, also returned) is not one the bank would pick for the question. The
 * provider's embeddings failing costs the comparison, not the critique.
 */
export async function critiqueWithStoryFit(
  critic: Critic,
  question: string,
  answer: string,
  bank: { matcher: StoryMatcher; features: readonly StoryFeatures[] },
): Promise<{ critique: Critique; told: StoryFeatures | undefined }> {
  const critique = await critic.critique(question, answer);
  const told = storyTold(answer, bank.features);
  if (!told) return { critique, told };
  try {
    const better = await betterStoriesFor(bank.matcher, question, told.story);
    return { critique: better ? withBetterStories(critique, better) : critique, told };
  } catch (error) {
    if (error instanceof ProviderError) return { critique, told };
    throw error;
  }
}

/** A bank story as the candidate knows it: its title, or, where the bank titles it by its question, the answer to that. */
function storyName(title: string): string {
  return isQuestionLike(title) ? `your answer to "${title}"` : `"${title}"`;
}

