import type { Critique } from "../core/critique.js";
import { bySeverity, scoreOf } from "./critique-answer.js";

/**
 * The critique of a bank story read as notes to speak from, not as a spoken
 * answer: a story written in a few lines is to be expanded when told, so its
 * length is a medium issue and does not cap the score as a spoken answer's
 * would (the audit looks for stories missing a part, a figure or the
 * speaker's own steps, which stay as they are).
 */
export function asBankNotes(critique: Critique): Critique {
  if (!critique.issues.some((issue) => issue.code === "TOO_SHORT" && issue.severity === "high")) return critique;
  const issues = bySeverity(
    critique.issues.map((issue) =>
      issue.code === "TOO_SHORT" && issue.severity === "high"
        ? { ...issue, severity: "medium" as const, message: `About ${critique.speakingSeconds} s spoken: short notes. Expand them when you tell the story: 1-2 minutes, the situation in a sentence or two, then your steps, then how it turned out.` }
        : issue,
    ),
  );
  return { ...critique, issues, score: scoreOf(critique.breakdown, issues) };
}
