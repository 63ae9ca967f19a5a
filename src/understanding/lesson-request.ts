// "What did you learn (from it)?" or "and what you learned" closing a question asks for the lesson of the story
// it names; word by word, "learn" would find stories about learning a skill. Only at the very end, after
// something else was asked: "What have you learned recently?" is about learning.
const LESSON_REQUEST = /(?:\band\s+)?\b(?:what|which\s+lessons?)\s+(?:(?:did|have|had|do)\s+)?you\s+(?:learn|learned|learnt|take\s+away|took\s+away)(?:\s+from\s+(?:it|that|this|the\s+experience|the\s+situation|them)|\s+as\s+a\s+result)?\s*[?.!]*\s*$/i;

/**
 * The question without a closing request for the lesson learned ("… What did
 * you learn from it?"), for matching; the question itself when that request
 * is all it asks.
 */
export function removeLessonRequest(question: string): string {
  const match = LESSON_REQUEST.exec(question);
  if (!match) return question;
  const rest = question.slice(0, match.index);
  return /\p{L}{2}/u.test(rest) ? rest : question;
}
