import { isQuestionLike } from "./heading-text.js";

// A question heading may run long; a title is a few words.
const MAX_QUESTION_WORDS = 45;

/**
 * Whether a line's text reads as an interview question put to the reader ("Tell me about a
 * time you failed.", "Describe a time your plan fell apart?"), so a full stop after it does
 * not make it prose. "Share of renewals grew." opens like a question but asks nothing.
 */
export function readsAsInterviewQuestion(text: string): boolean {
  const trimmed = text.trim();
  const words = trimmed.split(/\s+/).filter(Boolean).length;
  if (words < 4 || words > MAX_QUESTION_WORDS || !isQuestionLike(trimmed)) return false;
  return /\?\s*["”]?$/.test(trimmed) || /\b(?:you|your)\b/i.test(trimmed);
}
