import type { Critique } from "../core/critique.js";
import { NOT_ENGLISH_NOTE, readsAsEnglish } from "../text/index.js";
import { practiseAdvice } from "./practise-advice.js";
import type { InterviewTurn } from "./session.js";

/** Whether a reply shows grades: `hideScores` is the low-anxiety mode, which says in words what a score would. */
export interface ScoreDisplay {
  hideScores?: boolean;
}

/** A critique as the chat says it: the parts told, the top issues and a follow-up; the 0-100 score unless hidden. */
export function describeCritique(critique: Critique, question: string, display: ScoreDisplay = {}, answer?: string): string {
  const parts = Object.entries(critique.star).map(([part, value]) => `${part} ${value.present ? "yes" : "no"}`).join(", ");
  const issues = critique.issues.slice(0, 3).map((issue) => `- ${issue.message}`);
  const opening = display.hideScores ? `Against "${question}": ${parts}.` : `Against "${question}": score ${critique.score}/100 (${parts}).`;
  const note = answer !== undefined && !readsAsEnglish(answer) ? [NOT_ENGLISH_NOTE] : [];
  return [...note, opening, ...issues, `An interviewer would ask: ${critique.followUps[0] ?? ""}`].join("\n");
}

/**
 * How a mock-interview turn went, for the summary: its score, or with scores
 * hidden what to work on in it (at most two things), or that it was complete.
 */
export function turnOutcome(turn: InterviewTurn, display: ScoreDisplay = {}): string {
  if (turn.score === null) return "not answered";
  if (!display.hideScores) return `${turn.score}/100`;
  const advice = turn.issues.map(practiseAdvice).filter((text): text is string => text !== undefined).slice(0, 2);
  return advice.length > 0 ? `answered; work on: ${advice.join(", and ")}` : "answered, complete and specific";
}
