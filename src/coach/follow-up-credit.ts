import { countPronouns } from "../critique/analyze-language.js";
import { calmWhitespace } from "../critique/calm-whitespace.js";
import { detectMetrics } from "../critique/detect-metrics.js";
import { readClauses } from "../star/index.js";

/** What an answer to a follow-up gives, read clause by clause on its own. */
interface Supplied {
  action: boolean;
  ownAction: boolean;
  result: boolean;
  quantified: boolean;
  lesson: boolean;
}

// What each follow-up asks for, and how an answer shows it was given.
const SUPPLIES: Record<string, (supplied: Supplied) => boolean> = {
  MISSING_ACTION: (supplied) => supplied.action,
  WE_HEAVY: (supplied) => supplied.ownAction,
  MISSING_RESULT: (supplied) => supplied.result,
  NOT_QUANTIFIED: (supplied) => supplied.quantified,
  NUMBERS_ONLY_IN_SETUP: (supplied) => supplied.quantified,
  MISSING_LESSON: (supplied) => supplied.lesson,
  // More of the story: steps and how it ended.
  TOO_SHORT: (supplied) => supplied.action && supplied.result,
};

const ACKNOWLEDGED: Record<string, string> = {
  MISSING_ACTION: "That says what you did.",
  WE_HEAVY: "That makes your own part clear.",
  MISSING_RESULT: "That gives the outcome.",
  NOT_QUANTIFIED: "That puts a number on it.",
  NUMBERS_ONLY_IN_SETUP: "That puts a number on the outcome.",
  MISSING_LESSON: "That gives the lesson.",
  TOO_SHORT: "That fills it in.",
};

/**
 * Whether the answer to a follow-up gives what the follow-up asked for (the
 * speaker's own steps after "what did you do yourself?", an outcome after
 * "how did it turn out?"). Read on its own, clause by clause: in the whole
 * answer the first answer's "we"s can still outnumber its "I"s, and a short
 * follow-up is no story by itself, but it answered the question.
 */
export function suppliesFollowUp(probed: string, followUpAnswer: string): boolean {
  const check = SUPPLIES[probed];
  return check ? check(suppliedBy(followUpAnswer)) : false;
}

/** A short acknowledgement that a follow-up answer gave what was asked. */
export function acknowledgeFollowUp(probed: string): string {
  return ACKNOWLEDGED[probed] ?? "Thanks, that answers it.";
}

function suppliedBy(given: string): Supplied {
  // Read as the critique reads an answer: long whitespace runs calmed, or its patterns backtrack on them.
  const answer = calmWhitespace(given);
  const clauses = readClauses(answer);
  const actions = clauses.filter((clause) => clause.roles.includes("action"));
  const results = clauses.filter((clause) => clause.roles.includes("result"));
  const pronouns = countPronouns(actions.map((clause) => clause.text).join(" "));
  const figures = detectMetrics(answer).filter((metric) => !metric.durationOfWork && !metric.teamSize);
  return {
    action: actions.length > 0,
    ownAction: pronouns.i > 0 && pronouns.i >= pronouns.we,
    result: results.length > 0,
    quantified: figures.some((metric) => results.some((clause) => metric.start >= clause.start && metric.end <= clause.end)),
    lesson: clauses.some((clause) => clause.roles.includes("lesson")),
  };
}
