/** Every issue code the offline critique can raise (stable; the README lists them by severity). */
export const ISSUE_CODES = [
  "NOT_A_STORY",
  "MISSING_ACTION",
  "MISSING_RESULT",
  "MISSING_LESSON",
  "MISSING_SITUATION",
  "NUMBERS_ONLY_IN_SETUP",
  "NOT_QUANTIFIED",
  "WE_HEAVY",
  "TOO_SHORT",
  "TOO_LONG",
  "SETUP_TOO_LONG",
  "OFF_TOPIC",
  "MISSING_TASK",
  "ACTION_TOO_SHORT",
  "FILLERS",
  "HEDGING",
  "VAGUE_CLAIM",
] as const;

export type IssueCode = (typeof ISSUE_CODES)[number];
