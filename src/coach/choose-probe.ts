import type { CritiqueIssue } from "../core/critique.js";

// Gaps worth one follow-up question, as a real interviewer would probe.
const THIN: ReadonlySet<string> = new Set(["NOT_A_STORY", "MISSING_ACTION", "MISSING_RESULT", "WE_HEAVY", "MISSING_LESSON", "NOT_QUANTIFIED", "NUMBERS_ONLY_IN_SETUP"]);
// The order interviewers probe in: is it a real story, what did *you* do, how did it end, what did you learn (asked
// only of a failure, where it is the point of the question, so before the numbers), how much.
const PROBE_PRIORITY = ["NOT_A_STORY", "MISSING_ACTION", "WE_HEAVY", "MISSING_RESULT", "MISSING_LESSON", "NOT_QUANTIFIED", "NUMBERS_ONLY_IN_SETUP", "TOO_SHORT"] as const;

/** A gap a mock interview asks one follow-up about. */
export type ProbedGap = (typeof PROBE_PRIORITY)[number];

/**
 * The gap a mock interviewer asks a follow-up about after an answer, or null
 * when the answer is complete enough to move on. A complete answer of a few
 * lines (a high-severity TOO_SHORT) is thin too: an interviewer asks for the rest.
 */
export function chooseProbe(issues: readonly CritiqueIssue[]): ProbedGap | null {
  const gaps = issues.filter((issue) => THIN.has(issue.code) || (issue.code === "TOO_SHORT" && issue.severity === "high"));
  return PROBE_PRIORITY.find((candidate) => gaps.some((gap) => gap.code === candidate)) ?? null;
}
