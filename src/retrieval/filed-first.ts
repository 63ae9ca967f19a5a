import { findPrincipleMentions, removePrincipleMentions, type Principle } from "../principles/index.js";
import { lexicalTerms } from "../understanding/index.js";
import type { Story } from "../core/story.js";
import { filedUnder } from "./filed-under.js";
import type { FusedItem } from "./rank-fusion.js";

// Words that ask how a principle was shown rather than about what happened ("showed", "demonstrated", "at work").
const ASKING_WORDS = new Set(["show", "shown", "demonstrat", "display", "exhibit", "embodi", "embod", "live", "lived", "mean", "work", "job", "role", "leadership", "principl", "principle", "identifi", "identify", "exampl", "example", "valu", "value", "practic", "practice", "appli", "apply", "use", "used", "best", "strongest", "recent", "previou", "previous", "last", "favourit", "favorit", "favourite", "favorite", "resonat", "resonate"]);
// "a time you didn't show Ownership", "could have shown more Ownership": asked about the principle's absence, where the
// stories filed under it are the bank's successes.
const NOT_SHOWN = /\b(?:not|never|no|without|lack\w*|fail\w*|more|less|too|enough|(?:should|could|would) have)\b|n't\b/i;

/**
 * The principles a question asks about and nothing else ("Describe how you
 * showed Insist on the Highest Standards", "Customer Obsession?"); empty when
 * it names none, or asks about something besides ("Have Backbone: tell me
 * about pushing back on a product manager's plan").
 */
export function principleOnlyQuestion(question: string, templateWords: ReadonlySet<string>): Principle[] {
  const named = findPrincipleMentions(question);
  if (named.length === 0) return [];
  const besides = removePrincipleMentions(question);
  if (NOT_SHOWN.test(besides)) return [];
  return lexicalTerms(besides, templateWords).every((term) => ASKING_WORDS.has(term)) ? named : [];
}

/**
 * Puts the stories the user filed under the asked principles first, in the
 * order they had: asked only "how did you show Ownership?", the user's own
 * filing is the answer, whatever the story's words suggest. Their scores are
 * raised just enough to keep the list in score order.
 */
export function filedFirst(fused: FusedItem[], stories: readonly Story[], asked: readonly Principle[]): FusedItem[] {
  if (asked.length === 0) return fused;
  const filed: FusedItem[] = [];
  const others: FusedItem[] = [];
  for (const item of fused) (asked.some((principle) => filedUnder(stories[item.index]!, principle)) ? filed : others).push(item);
  if (filed.length === 0 || others.length === 0) return fused;
  const floor = others[0]!.fused;
  // Filed stories that already outscore every other keep their scores; the rest sit just above, in their order.
  const step = Math.max(1e-6, Math.abs(floor) * 1e-3);
  const raised = filed.map((item, position) => ({ ...item, fused: Math.max(item.fused, floor + step * (filed.length - position)) }));
  return [...raised, ...others];
}
