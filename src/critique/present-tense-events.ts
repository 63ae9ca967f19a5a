import type { RoledClause } from "../star/index.js";

// Told in the present, what a slip did reads like the scene ("The service is down for two hours. Customers cannot
// pay."): the model learned the present tense from scenes. After the speaker's first step it is an event of the story.

/** What the slip did, told as a state or an event: "the service is down", "customers cannot pay", "it locks the table". */
const CONSEQUENCE =
  /\b(?:because of (?:this|that|it)|as a result)\b|\b(?:is|are|goes|go)\s+(?:down|offline|broken|stuck|held|blocked|late|lost|wrong|empty)\b|\b(?:cannot|can't|can not|don't work|doesn't work|does not work|do not work)\b|\b(?:fails?|crash(?:es)?|locks?|breaks?|stops? working|freezes?|loses?|complains?|complaining)\b/i;
/** How it ended, fused onto the last step: "I roll back and the payments work again", "..., no problem". */
export const STEP_THEN_RECOVERY = /(?:\band|,)\s+(?:the|our|my|all|every|everything|it|they|customers|users)\b[^.;!?]{0,60}?\b(?:again|back|normal|fine|stable)\b|,\s*no problems?\b/i;
/** How things stood at the end: "Customers pay again", "the mother says thank you", "the report is on time". */
const OUTCOME = /\b(?:again|back|normal|fine|ok|okay|stable|fixed|solved|resolved|works?|working|happy|happier|thanks?|thank you|on time|no problems?|better|faster|correct|safe)\b/i;

const isSceneOrNone = (clause: RoledClause) => !clause.labelled && clause.roles.every((role) => role === "situation");

/**
 * The clauses of a present-tense story with its events read as such: after
 * the speaker's first step, what the slip did is no scene but an event (no
 * part of its own), and how things stood after the last step is the result.
 */
export function withPresentTenseEvents(clauses: readonly RoledClause[]): RoledClause[] {
  const firstStep = clauses.findIndex((clause) => clause.roles.includes("action"));
  if (firstStep < 0) return [...clauses];
  const lastStep = clauses.findLastIndex((clause) => clause.roles.includes("action"));
  return clauses.map((clause, index): RoledClause => {
    if (index <= firstStep || clause.roles.includes("lesson")) return clause;
    if (clause.roles.includes("action")) return index === lastStep && !clause.roles.includes("result") && STEP_THEN_RECOVERY.test(clause.text) ? { ...clause, roles: [...clause.roles, "result"] } : clause;
    if (!isSceneOrNone(clause)) return clause;
    if (index > lastStep && OUTCOME.test(clause.text)) return { ...clause, roles: ["result"] };
    // The consequence is no outcome either: a story that stops at the slip's damage has told no result.
    return CONSEQUENCE.test(clause.text) ? { ...clause, roles: [] } : clause;
  });
}
