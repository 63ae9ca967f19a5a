import { findPrincipleMentions, type Principle } from "../principles/index.js";
import { ASKED_THEME } from "./explain-match.js";
import type { MatchResult } from "./story-matcher.js";

/**
 * The themes and principles a question plainly asks for, as a person is told
 * them ("asks about: failure (Earn Trust / ...)"): the classifier gives every
 * theme a little, and the principles are scored against the strongest one, so
 * a question with no clear theme ("your experience with DynamoDB") has none,
 * unless it names a principle.
 */
export function clearThemes(result: Pick<MatchResult, "question" | "competencies" | "principles">): { themes: string[]; principles: Principle[] } {
  const themes = result.competencies.filter((entry) => entry.score >= ASKED_THEME).map((entry) => entry.name);
  const clear = themes.length > 0 || findPrincipleMentions(result.question).length > 0;
  return { themes, principles: clear ? result.principles.map((entry) => entry.name) : [] };
}
