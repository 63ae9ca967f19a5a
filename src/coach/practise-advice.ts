import type { IssueCode } from "../critique/issue-codes.js";

/**
 * What to practise next for each issue the critique raises, in the
 * candidate's words: every code has one, so no code reaches a sentence.
 */
export const PRACTISE_BY_ISSUE: Record<IssueCode, string> = {
  NOT_A_STORY: "tell one specific occasion in full: what happened, what you did, how it ended",
  MISSING_ACTION: "spend most of the answer on your actions",
  MISSING_RESULT: "end every answer on the outcome",
  MISSING_LESSON: "close failure stories with what you learned",
  MISSING_SITUATION: "open with one sentence of context",
  NUMBERS_ONLY_IN_SETUP: "quantify the outcome, not just the situation",
  NOT_QUANTIFIED: "put a number on your results",
  WE_HEAVY: 'say "I" for what you did',
  TOO_SHORT: "give enough detail for a minute or two",
  TOO_LONG: "trim to about two minutes",
  SETUP_TOO_LONG: "shorten the setup",
  OFF_TOPIC: 'pick the story that answers the question asked ("hint" shows which fit), and say plainly how it does',
  MISSING_TASK: "say what your goal was",
  ACTION_TOO_SHORT: "make what you did the biggest part of the answer",
  FILLERS: "pause instead of filling gaps with words like \"um\"",
  HEDGING: 'drop the hedges ("I think", "maybe") from your own story',
  VAGUE_CLAIM: "replace vague claims with what changed and by how much",
};

/** The practice advice for an issue code, or undefined for a code it does not know (never the code itself). */
export function practiseAdvice(code: string): string | undefined {
  return Object.hasOwn(PRACTISE_BY_ISSUE, code) ? PRACTISE_BY_ISSUE[code as IssueCode] : undefined;
}
