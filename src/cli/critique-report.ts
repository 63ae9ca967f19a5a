import { NOT_ENGLISH_NOTE, readsAsEnglish } from "../text/index.js";
import type { Critique } from "../core/critique.js";
import { llmCoachingReport } from "./llm-coaching-report.js";
import { setupShareOfParts } from "../critique/index.js";

/**
 * The readable report of `coach critique`, one string per line. With
 * `hideScores` (low-anxiety mode) it leaves out the 0-100 score, its
 * breakdown and each part's share of the words, and keeps the rest: which
 * parts are there, length and speaking time, the numbers in the result, I
 * against we, the issues and the follow-ups. With a model's coaching, that
 * follows: feedback per part, strengths, what to improve, an improved answer.
 */
export function critiqueReport(critique: Critique, answer: string, options: { hideScores?: boolean } = {}): string[] {
  const lines: string[] = readsAsEnglish(answer) ? [] : [NOT_ENGLISH_NOTE];
  const { breakdown } = critique;
  if (!options.hideScores) {
    lines.push(`Score ${critique.score}/100   structure ${pct(breakdown.structure)} · results ${pct(breakdown.results)} · ownership ${pct(breakdown.ownership)} · relevance ${pct(breakdown.relevance)} · delivery ${pct(breakdown.delivery)}`);
  }
  lines.push(`${critique.words} words, about ${critique.speakingSeconds} s spoken${critique.notAStory ? "; not told as one specific story" : ""}`, "");
  for (const [part, value] of Object.entries(critique.star)) {
    const first = value.spans[0]?.text ?? "";
    // A share beside a tick reads as the part's mark: hidden with the scores (an issue still names a share that is a problem).
    const share = options.hideScores ? "" : `${pct(value.share)}  `;
    lines.push(`  ${part.padEnd(9)} ${value.present ? `✓ ${share}"${first.slice(0, 70)}${first.length > 70 ? "…" : ""}"` : "✗ missing"}`);
  }
  // Each share is of the answer's words (the contract's), so a sentence playing two parts is in both: say why they pass 100%.
  const spans = Object.values(critique.star).flatMap((value) => (value.present ? value.spans.map((span) => `${span.start}-${span.end}`) : []));
  if (!options.hideScores && new Set(spans).size < spans.length) {
    lines.push(`  (a sentence playing two parts counts in each, so these add up to over 100%; setup, situation and task counted once: ${pct(setupShareOfParts(critique.star))})`);
  }
  const { i, we, weHeavy } = critique.ownership;
  // With no action part the counts are the whole answer's: say so rather than print them as the actions'.
  const ownership = critique.star.action.present ? `I/we in actions: ${i}/${we}${weHeavy ? " (we-heavy)" : ""}` : `no action part (I/we in the whole answer: ${i}/${we}${weHeavy ? "; nothing told as yours" : ""})`;
  lines.push("", `  result quantified: ${critique.quantified ? `yes (${critique.metrics.join(", ")})` : "no"}   ${ownership}`);
  if (critique.issues.length) {
    lines.push("", "Issues:");
    for (const issue of critique.issues) lines.push(`  [${issue.severity}] ${issue.code}: ${issue.message}${issue.span ? ` ("${answer.slice(issue.span.start, issue.span.end)}")` : ""}`);
  }
  lines.push("", "An interviewer would ask:");
  for (const followUp of critique.followUps) lines.push(`  - ${followUp}`);
  lines.push(...llmCoachingReport(critique.llm));
  return lines;
}

const pct = (value: number) => `${Math.round(value * 100)}%`;
