import { isContentWord, tokenize } from "./normalize-text.js";
import { loadTaxonomy } from "./taxonomy.js";

// "What did you learn (from the mistake)?", "(and what you learned)", "What lessons did you take away?": a request
// for the lesson of the story the question names. Word by word, "learn" would find stories about learning a skill.
const LESSON_REQUEST =
  /\(?(?:\band\s+)?\b(?:what|which)(?:\s+lessons?)?\s+(?:(?:did|have|had|do|would)\s+)?you\s+(?:learn|learned|learnt|take\s+away|took\s+away)\b(?:\s+from\s+(?:it|that|this|them|(?:the|that|this|your)(?:\s+[\w'-]+){1,3}))?(?:\s+as\s+a\s+result)?\)?/gi;

/**
 * The question without its requests for the lesson learned ("Tell me about a
 * mistake. What did you learn from it?"), for matching. A request is removed
 * only after the question has named something of its own: "What have you
 * learned recently?" and "Tell me what you learned from a mentor" are about
 * learning and stay whole.
 */
export function removeLessonRequest(question: string): string {
  const skip = loadTaxonomy().templateWords;
  // Where the question's first word of its own ends; a request that starts after it follows something named.
  const named = tokenize(question).find((token) => isContentWord(token.text, skip));
  if (!named) return question;
  return question.replace(LESSON_REQUEST, (request: string, offset: number) => (offset >= named.end ? " " : request));
}
