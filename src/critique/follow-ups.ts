import type { IssueCode } from "./issue-codes.js";

/** What an interviewer asks when an answer has a given gap, most telling first. */
export const FOLLOW_UP_BY_ISSUE: Readonly<Record<string, string>> = {
  NOT_A_STORY: "Can you walk me through one specific time that happened? When was it, and what exactly did you do?",
  MISSING_RESULT: "What was the outcome? How did you know it had worked?",
  MISSING_ACTION: "What did you personally do, step by step?",
  WE_HEAVY: "You said \"we\" a lot. What was your own part in it: what did you decide or do yourself?",
  MISSING_LESSON: "What did you learn from it, and what would you do differently next time?",
  NOT_QUANTIFIED: "Can you put a number on that result: how much faster, cheaper or better, compared with what? If nothing was counted, how did you know it had worked?",
  NUMBERS_ONLY_IN_SETUP: "You gave numbers for the situation; what changed in those numbers because of what you did?",
  MISSING_TASK: "What was your specific goal or responsibility there?",
  MISSING_SITUATION: "What was the context: where were you, and what was at stake?",
  OFF_TOPIC: "How does this example show what I asked about?",
} satisfies Partial<Record<IssueCode, string>>;

/**
 * The same gaps asked of a story of a failure, mistake or missed goal (a question that asks for a lesson): "How did
 * you know it had worked?" is tone-deaf when it did not work. What it cost, and how it was put right, is the outcome.
 */
export const FAILURE_FOLLOW_UP_BY_ISSUE: Readonly<Record<string, string>> = {
  MISSING_RESULT: "What happened in the end, and what did it cost? How was it put right?",
  NOT_QUANTIFIED: "Can you put a number on how it ended: what it cost (time, money, people affected), or how much was recovered?",
} satisfies Partial<Record<IssueCode, string>>;

/** Asked for WE_HEAVY where the answer never said "we": told in the passive or of others ("the plan was written"). */
export const OWN_PART_FOLLOW_UP = "What was your own part in it: what did you decide or do yourself?";

/**
 * The follow-up for a gap: "You said "we" a lot" only where the answer said
 * "we" (`we`, the critique's count); an answer with no "we" that still tells
 * nothing as the speaker's own is asked for their part. A story of a failure
 * (`failure`: the question asks for a lesson) is asked how it ended and what
 * it cost, not how the speaker knew it had worked.
 */
export function followUpFor(code: string, we: number, options: { failure?: boolean } = {}): string | undefined {
  if (code === "WE_HEAVY" && we === 0) return OWN_PART_FOLLOW_UP;
  return (options.failure ? FAILURE_FOLLOW_UP_BY_ISSUE[code] : undefined) ?? FOLLOW_UP_BY_ISSUE[code];
}

/** What an interviewer asks after an answer far too short to judge (a high TOO_SHORT) that lacks no part outright. */
export const FAR_TOO_SHORT_FOLLOW_UP = "Walk me through it in more detail: what was going on, what did you do step by step, and how did it end?";

/** A deeper probe for a complete answer, in the Dive Deep style interviewers use. */
export const DEEPER_FOLLOW_UP = "What was the hardest decision along the way, and what alternatives did you consider?";
