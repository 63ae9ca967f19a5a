import { InputError, UsageError } from "../errors/index.js";
import { readsAsEnglish } from "../text/index.js";
import type { MatchNotice } from "./match-notices.js";

/** Longest question accepted: interview questions run well under 300 characters; 2,000 leaves room for pasted context. */
export const MAX_QUESTION_CHARACTERS = 2000;

/** Checks a question and says what is odd about it; throws on an empty, wordless or oversized one. */
export function validateQuestion(raw: string): { question: string; notices: MatchNotice[] } {
  const question = raw.replace(/\s+/g, " ").trim();
  if (question === "") throw new UsageError("the question is empty: give one as an argument, with --questions FILE, or on stdin.");
  if (question.length > MAX_QUESTION_CHARACTERS) {
    throw new InputError(
      "INPUT_TOO_LARGE",
      `the question is ${question.length} characters; the limit is ${MAX_QUESTION_CHARACTERS} (interview questions are usually under 300). Paste just the question.`,
    );
  }
  const letters = question.match(/\p{L}/gu) ?? [];
  // Any story would be as close as any other to "?" or "12345"; saying which came first would mislead.
  if (letters.length === 0) throw new UsageError(`the question "${question.slice(0, 40)}" has no words to match on; ask it in words, e.g. "Tell me about a time you failed".`);
  const notices: MatchNotice[] = [];
  const englishWords = question.toLowerCase().match(/\b(the|a|you|your|time|when|how|what|tell|me|about|describe|give|example|did|do|a|an|of|to|with|why)\b/g) ?? [];
  if (!readsAsEnglish(question) || (englishWords.length === 0 && question.split(/\s+/).length > 3)) {
    notices.push({ code: "NOT_ENGLISH", message: "The question does not look like English; matching is tuned for English and may be poor." });
  }
  return { question, notices };
}
