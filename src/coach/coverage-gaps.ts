import type { PrincipleCoverage } from "../retrieval/index.js";
import type { BankQuestion } from "../understanding/question-bank.js";
import { countOf } from "../text/index.js";
import { pickQuestion } from "./interview-questions.js";

/**
 * What to do about the principles a bank covers thinly (none, or only a
 * stretch): each on its own line, since a principle's name may hold a ";" or
 * a "," ("Have Backbone; Disagree and Commit", "Are Right, A Lot"), with an
 * interview question to write its story for. `again` says how to check the
 * bank afterwards ("run coach coverage again").
 */
export function describeCoverageGaps(coverage: readonly PrincipleCoverage[], questions: readonly BankQuestion[], again: string): string[] {
  const gaps = coverage.filter((line) => line.fit === "none");
  const stretches = coverage.filter((line) => line.fit === "stretch");
  if (gaps.length === 0 && stretches.length === 0) return ["Every principle has at least a workable story."];
  // The same question for the same principle on every run: the advice does not change under the candidate.
  const askedAs = (line: PrincipleCoverage) => `"${pickQuestion(questions, { principle: line.principle }, "coverage", new Set()).question}"`;
  const lines: string[] = [];
  if (gaps.length > 0) {
    lines.push(`No story yet for ${countOf(gaps.length, "principle")}: write one for each, to answer a question such as:`);
    for (const line of gaps) lines.push(`  - ${line.principle}: ${askedAs(line)}`);
  }
  if (stretches.length > 0) {
    lines.push(`Only a stretch for ${countOf(stretches.length, "principle")} (a story you would have to frame to fit); a story of its own would answer a question such as:`);
    for (const line of stretches) lines.push(`  - ${line.principle}: ${askedAs(line)} (closest now: "${line.stories[0]!.title}")`);
  }
  lines.push(`Add them to your bank (a heading, then Situation, Task, Action and Result), then ${again}.`);
  return lines;
}
