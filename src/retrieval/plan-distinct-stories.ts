import { assignBest } from "./assign-best.js";
import { isFewerThanAsked, type MatchNotice, type MatchNoticeCode } from "./match-notices.js";
import type { MatchResult, StoryMatch } from "./story-matcher.js";

/** One question of a plan: its own match (as asked, with k) and its longer list of candidates. */
export interface PlanInput {
  /** The question's number as the user counts them (its line among the questions asked). */
  number: number;
  asked: MatchResult;
  candidates: readonly StoryMatch[];
}

/**
 * The most questions one plan takes: an interview loop is 4 to 8 questions,
 * and the assignment's cost grows with the cube of the count (1,100 questions
 * take 12 seconds; 50 take milliseconds).
 */
export const MAX_PLAN_QUESTIONS = 50;

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
  // The same question asked twice is one question: a second story for it would be a guess, not a plan.
  const firstAsked = new Map<string, number>();
  const original = inputs.map((input, position) => {
    const key = sameQuestionKey(input.asked.question);
    if (!firstAsked.has(key)) firstAsked.set(key, position);
    return firstAsked.get(key)!;
  });
  const unique = inputs.filter((_, position) => original[position] === position);
  const plannedUnique = new Map(planUnique(unique, k).map((result, index) => [unique[index]!, result]));
  return inputs.map((input, position) => {
    const first = inputs[original[position]!]!;
    const result = plannedUnique.get(first)!;
    if (first === input) return result;
    return { ...result, question: input.asked.question, notices: [{ code: "SAME_QUESTION", message: `Question ${input.number}: the same question as question ${first.number}; the plan gives it the same stories.` }] };
  });
}

/** A question's text with case, spacing and closing punctuation set aside, to find repeats. */
function sameQuestionKey(question: string): string {
  // Curly and straight quotes, an ellipsis and a list number ("1.", "Q1:") do not make another question.
  let key = question.toLowerCase().replace(/[\u2018\u2019\u201c\u201d"'`]/g, "").replace(/\u2026/g, ".").replace(/\s+/g, " ").trim();
  key = key.replace(/^(?:q(?:uestion)?\s?)?\d{1,3}\s?[.):-]\s?/, "");
  while (/[?.! ]$/.test(key)) key = key.slice(0, -1);
  return key;
}

function planUnique(inputs: readonly PlanInput[], k: number): MatchResult[] {
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
    // A question that asks for no story ("Tell me about yourself") takes none from the others.
    if (!asksForStory(input.asked)) return row;
    // Only a question's closest stories are planned with, however many it shows: -k must not change the plan.
    for (const match of input.candidates.slice(0, PLAN_DEPTH)) row[column.get(match.experience)!] = Math.max(match.score, 0);
    return row;
  });
  const assigned = assignBest(scores);
  const keptFor = new Map<string, number>();
  assigned.forEach((experience, question) => {
    if (experience >= 0) keptFor.set(experiences[experience]!, question);
  });
  // On a tie the assignment may pass over a question's closest story though no other question takes it: give it
  // back (the total stays the same), until none is left over; a swap can free another question's closest.
  for (let changed = true; changed; ) {
    changed = false;
    assigned.forEach((experience, question) => {
      const closest = inputs[question]!.candidates[0];
      if (experience < 0 || !closest || keptFor.has(closest.experience)) return;
      keptFor.delete(experiences[experience]!);
      keptFor.set(closest.experience, question);
      assigned[question] = column.get(closest.experience)!;
      changed = true;
    });
  }
  return inputs.map((input, question) => planned(input, question, assigned[question]!, experiences, keptFor, inputs, k));
}

/** Whether the matcher read the question as behavioural (a question that needs no story gets no themes). */
function asksForStory(result: MatchResult): boolean {
  return result.principles.length > 0 || result.competencies.length > 0;
}

function planned(input: PlanInput, question: number, assignedColumn: number, experiences: readonly string[], keptFor: ReadonlyMap<string, number>, inputs: readonly PlanInput[], k: number): MatchResult {
  // In a list of questions, a notice must say which question it is about.
  const label = (notice: MatchNotice): MatchNotice => ({ code: notice.code, message: `Question ${input.number}: ${notice.message}` });
  const planNotice = (code: MatchNoticeCode, message: string) => label({ code, message });
  if (!asksForStory(input.asked)) {
    // It needs no story; any it could borrow is shown only if no other question leads with it.
    return { ...input.asked, matches: input.asked.matches.filter((match) => !keptFor.has(match.experience)), notices: input.asked.notices.map(label) };
  }
  if (assignedColumn < 0) {
    const notices = input.asked.notices.map(label);
    if (input.candidates.length > 0) notices.push(planNotice("ALL_KEPT_ELSEWHERE", "every story that fits it is kept for another question of the plan; these are told there too, so prepare another story for this one."));
    return { ...input.asked, notices };
  }
  // The list is cut again below, so the matcher's own "fewer than k" notice may no longer hold.
  const notices = input.asked.notices.filter((notice) => !isFewerThanAsked(notice)).map(label);
  const closest = input.candidates[0]!;
  const chosen = input.candidates.find((match) => match.experience === experiences[assignedColumn])!;
  const free = input.candidates.filter((match) => match !== chosen && !keptFor.has(match.experience));
  const matches = [chosen, ...free].slice(0, k);
  const keeper = keptFor.get(closest.experience);
  if (keeper !== undefined && keeper !== question) {
    notices.push(planNotice("CLOSEST_KEPT_ELSEWHERE", `"${closest.title}" fits it best but is kept for question ${inputs[keeper]!.number} ("${inputs[keeper]!.asked.question}"), so no story is told twice.`));
  }
  if (matches.length < k && matches.length < input.candidates.length) {
    notices.push(planNotice("PLAN_SHORTFALL", `${matches.length} ${matches.length === 1 ? "story is" : "stories are"} shown, not ${k}; the others that fit are kept for other questions of the plan.`));
  }
  return { ...input.asked, matches, notices };
}
