import { InputError, UsageError } from "../errors/index.js";

/** Longest question accepted: interview questions run well under 300 characters; 2,000 leaves room for pasted context. */
export const MAX_QUESTION_CHARACTERS = 2000;

/** Checks a question and says what is odd about it; throws on an empty or oversized one. */
export function validateQuestion(raw: string): { question: string; notices: string[] } {
  const question = raw.replace(/\s+/g, " ").trim();
  if (question === "") throw new UsageError("the question is empty: give one as an argument, with --questions FILE, or on stdin.");
  if (question.length > MAX_QUESTION_CHARACTERS) {
    throw new InputError(
      "INPUT_TOO_LARGE",
      `the question is ${question.length} characters; the limit is ${MAX_QUESTION_CHARACTERS} (interview questions are usually under 300). Paste just the question.`,
    );
  }
  const notices: string[] = [];
  const letters = question.match(/\p{L}/gu) ?? [];
  const latin = question.match(/[a-zA-Z]/g) ?? [];
  const englishWords = question.toLowerCase().match(/\b(the|a|you|your|time|when|how|what|tell|me|about|describe|give|example|did|do|a|an|of|to|with|why)\b/g) ?? [];
  if (letters.length > 0 && (latin.length / letters.length < 0.5 || (englishWords.length === 0 && question.split(/\s+/).length > 3))) {
    notices.push("The question does not look like English; matching is tuned for English and may be poor.");
  }
  if (letters.length === 0) notices.push("The question has no words to match on.");
  return { question, notices };
}
