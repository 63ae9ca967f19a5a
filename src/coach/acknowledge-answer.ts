import type { Critique } from "../core/critique.js";
import { CRITIQUE_CONFIG } from "../critique/critique-config.js";

/**
 * How the mock interviewer acknowledges an answer before its follow-up: no
 * more than the answer gave. A line or two is told so, a far-too-short
 * answer is told it is brief, and only an answer long enough to tell its
 * actions "gives me the picture".
 */
export function acknowledgeAnswer(critique: Pick<Critique, "notAStory" | "speakingSeconds" | "star">): string {
  // The critique's own lengths, so the words match its TOO_SHORT and NOT_A_STORY issues.
  if (critique.speakingSeconds < CRITIQUE_CONFIG.fewestStorySeconds) return "That's only a line or two.";
  if (critique.speakingSeconds < CRITIQUE_CONFIG.farTooShortSeconds) return "That's very brief.";
  if (critique.notAStory || !critique.star.action.present || critique.speakingSeconds < CRITIQUE_CONFIG.shortestSeconds) return "Thanks.";
  return "Thanks, that gives me the picture.";
}
