// "What did you learn (from it)?" / "and what you learned" closing a question asks for the lesson of the story
// it names; word by word, "learn" would find stories about learning a new skill.
const LESSON_REQUEST = /\b(?:and\s+)?(?:what|which\s+lessons?)\s+(?:(?:did|have|had|do)\s+)?you\s+(?:learn|learned|learnt|take\s+away|took\s+away)\b(?:\s+(?:from\s+(?:it|that|this|the\s+experience|the\s+situation|them)|as\s+a\s+result))?/gi;

/**
 * The question without a request for the lesson learned ("What did you learn
 * from it?"), for word matching; the question itself when that is all it asks.
 */
export function removeLessonRequest(question: string): string {
  const rest = question.replace(LESSON_REQUEST, " ");
  return /\p{L}{2}/u.test(rest) ? rest : question;
}
