import type { Critique } from "../core/critique.js";
import { countWords } from "../text/index.js";


/**
 * The setup's share of the answer's words: the clauses that set the scene or
 * state the task, each counted once. A clause can play both parts ("Last
 * year I owned billing, and my goal was..."), so adding the two parts'
 * shares would count it twice.
 */
export function setupShare(clauses: ReadonlyArray<{ text: string; roles: readonly string[] }>, contentWords: number): number {
  if (contentWords === 0) return 0;
  const setup = clauses.filter((clause) => clause.roles.includes("situation") || clause.roles.includes("task"));
  return setup.reduce((sum, clause) => sum + countWords(clause.text), 0) / contentWords;
}

/**
 * The same share read back from a critique's parts, for a reader that has
 * only the critique (the readable report): the situation's and the task's
 * shares less the words of the spans they share. Shares are rounded to three
 * places, so this is too, to within a thousandth.
 */
export function setupShareOfParts(star: Critique["star"]): number {
  const { situation, task } = star;
  const words = (spans: Critique["star"]["task"]["spans"]) => spans.reduce((sum, span) => sum + countWords(span.text), 0);
  const both = words(situation.spans) + words(task.spans);
  if (both === 0) return 0;
  // Both parts' spans come from the same clauses, so a clause in both has one span, start and end alike, in each.
  const shared = words(task.spans.filter((span) => situation.spans.some((other) => other.start === span.start && other.end === span.end)));
  return Math.round(((situation.share + task.share) * (both - shared) * 1000) / both) / 1000;
}
