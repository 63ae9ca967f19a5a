import { CoachEngine, LlmCoach, type Coach } from "../coach/index.js";
import type { ResolvedConfig } from "../config/index.js";
import type { Critic } from "../core/critique.js";
import { OfflineCritic } from "../critique/index.js";
import { resolveProvider } from "../providers/index.js";
import type { StoryFeatures, StoryMatcher } from "../retrieval/index.js";
import type { Story } from "../core/story.js";
import { readQuestionBank } from "../understanding/question-bank.js";

/**
 * The offline coach, or with a provider configured the LLM-driven coach over
 * it (which falls back to it). `critic` serves the model's critique tool; the
 * offline coach always critiques offline.
 */
export async function createCoach(
  config: ResolvedConfig,
  parts: { matcher: StoryMatcher; critic: Critic; features: readonly StoryFeatures[]; stories: readonly Story[] },
  onFallback: (reason: string) => void,
): Promise<Coach> {
  // The offline engine runs mock interviews and stands in when the model fails: its critiques never wait on the model.
  const offline = new CoachEngine({ matcher: parts.matcher, critic: new OfflineCritic(), features: parts.features, questions: readQuestionBank(), hideScores: config.hideScores });
  if (config.provider === "local") return offline;
  // The wait before the client asks a rate-limited model again is said where fallbacks are.
  const chat = await resolveProvider(config, { onRetry: onFallback }).createChatModel();
  if (!chat) return offline;
  return new LlmCoach({ chat, offline, matcher: parts.matcher, critic: parts.critic, features: parts.features, bankTexts: parts.stories.map((story) => story.text), onFallback, hideScores: config.hideScores });
}
