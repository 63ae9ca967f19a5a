import { assignBest } from "./assign-best.js";
import { isShortfallNotice } from "./match-notices.js";
import type { MatchResult, StoryMatch } from "./story-matcher.js";

/** One question of a plan: its own match (as asked, with k) and its longer list of candidates. */
export interface PlanInput {
  /** The question's number as the user counts them (its line among the questions asked). */
  number: number;
  asked: MatchResult;
  candidates: readonly StoryMatch[];
}

// How many candidates per question a plan chooses among: past this, a story fits too poorly to be worth planning.
const PLAN_DEPTH = 10;

/** A question's plan input: its matches as asked (k) and its candidates, from any match function (a matcher, or one that rebuilds on the way). */
export async function planInput(match: (question: string, k: number) => Promise<MatchResult>, question: string, number: number, k: number, asked?: MatchResult): Promise<PlanInput> {
  return { number, asked: asked ?? (await match(question, k)), candidates: (await match(question, Math.max(k, PLAN_DEPTH))).matches };
}

/**
 * Gives each question of an interview loop a different experience, so no
 * story is told twice: the assignment with the best total fit. Each result
 * leads with its assigned story, then the question's other candidates not
 * kept for another question, with a notice where the closest story went
 * elsewhere or none was left.
 */
export function planDistinctStories(inputs: readonly PlanInput[], k: number): MatchResult[] {
  const experiences: string[] = [];
  const column = new Map<string, number>();
  for (const input of inputs) {
    for (const match of input.candidates) {
      if (column.has(match.experience)) continue;
      column.set(match.experience, experiences.length);
      experiences.push(match.experience);
    }
  }
  const scores = inputs.map((input) => {
    const row = new Array<number>(experiences.length).fill(0);
    // A story asked about by no signal at all (score 0) is no fit to assign.
    for (const match of input.candidates) row[column.get(match.experience)!] = Math.max(match.score, 0);
    return row;
  });
  const assigned = assignBest(scores);
  const keptFor = new Map<string, number>();
  assigned.forEach((experience, question) => {
    if (experience >= 0) keptFor.set(experiences[experience]!, question);
  });
  return inputs.map((input, question) => planned(input, question, assigned[question]!, experiences, keptFor, inputs, k));
}

function planned(input: PlanInput, question: number, assignedColumn: number, experiences: readonly string[], keptFor: ReadonlyMap<string, number>, inputs: readonly PlanInput[], k: number): MatchResult {
  // The list is cut again below, so the matcher's own "fewer than k" notice may no longer hold.
  const notices = input.asked.notices.filter((notice) => !isShortfallNotice(notice));
  const closest = input.candidates[0];
  if (assignedColumn < 0) {
    const kept = [...input.asked.notices];
    if (closest && closest.score > 0) kept.push(`Question ${input.number}: every story that fits it is kept for another question of the plan; these are told there too, so prepare another story for this one.`);
    return { ...input.asked, notices: kept };
  }
  const chosen = input.candidates.find((match) => match.experience === experiences[assignedColumn])!;
  const free = input.candidates.filter((match) => match !== chosen && !keptFor.has(match.experience));
  const matches = [chosen, ...free].slice(0, k);
  if (closest && closest.experience !== chosen.experience) {
    const other = keptFor.get(closest.experience)!;
    notices.push(`Question ${input.number}: "${closest.title}" fits it best but is kept for question ${inputs[other]!.number} ("${inputs[other]!.asked.question}"), so no story is told twice.`);
  }
  if (matches.length < k && matches.length < input.candidates.length) {
    notices.push(`Question ${input.number}: ${matches.length} ${matches.length === 1 ? "story is" : "stories are"} shown, not ${k}; the others that fit are kept for other questions of the plan.`);
  }
  return { ...input.asked, matches, notices };
}
