import { InputError, UsageError } from "../errors/index.js";
import { isEnglishWord, readsAsEnglish } from "../text/index.js";
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
  if (!readsAsEnglish(question) || !soundsEnglish(question)) {
    notices.push({ code: "NOT_ENGLISH", message: "The question does not look like English; matching is tuned for English and may be poor." });
  }
  return { question, notices };
}

// Not "a", "me", "do", "to", "of", "an" or "describe", which Spanish, Portuguese, Polish, Dutch and German questions use as well.
const QUESTION_WORDS = /\b(the|you|your|time|when|how|what|tell|about|give|example|did|with|why)\b/;

/**
 * Whether a question in Latin letters reads as English: it uses an interview
 * question's common words, is too short to tell, or (looked up only then)
 * most of its words are English ("Result: two juniors I mentored got
 * promoted"; "Cuéntame de una vez que fallaste" is not).
 */
function soundsEnglish(question: string): boolean {
  if (QUESTION_WORDS.test(question.toLowerCase())) return true;
  const words = question.match(/\p{L}+(?:['’]\p{L}+)?/gu) ?? [];
  if (words.length <= 3) return true;
  return words.filter((word) => isEnglishWord(word)).length / words.length >= 0.6;
}
