import { findPrincipleMentions, type Principle } from "../principles/index.js";
import { ASKED_PRINCIPLE, ASKED_THEME } from "./explain-match.js";
import type { MatchResult } from "./story-matcher.js";

/**
 * The themes and principles a question plainly asks for, as a person is told
 * them ("asks about: failure (Earn Trust / ...)"): the classifier gives every
 * theme a little, and the principles are scored against the strongest one.
 * With a clear theme, the principles at 0.3 of the strongest or more (as the
 * why counts a principle asked); with none, only the principles the question
 * names ("your experience with DynamoDB" has neither).
 */
export function clearThemes(result: Pick<MatchResult, "question" | "competencies" | "principles">): { themes: string[]; principles: Principle[] } {
  const themes = result.competencies.filter((entry) => entry.score >= ASKED_THEME).map((entry) => entry.name);
  const named = new Set(findPrincipleMentions(result.question));
  const principles = result.principles.filter((entry) => named.has(entry.name) || (themes.length > 0 && entry.score >= ASKED_PRINCIPLE)).map((entry) => entry.name);
  return { themes, principles };
}
