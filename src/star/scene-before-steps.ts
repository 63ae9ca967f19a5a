import { RESULT_CUES } from "./role-cues.js";
import type { RoledClause } from "./assign-roles.js";

/**
 * The scene read back into the clauses that set it: between the first clause
 * of the scene and the speaker's first step, a clause read as an outcome that
 * tells no change ("the kitchen was quite small", "there were a lot of double
 * bookings") describes how things stood, and a clause with no role in a
 * sentence of the scene ("I worked for eight years in hospitality, | then as
 * a restaurant manager at...") is part of it. Late in a long setup the
 * model's sense of position read the scene as the outcome, so a rambling
 * answer showed its setup as its result. An outcome told before the scene
 * (a result-first answer), one that tells a change, and labelled clauses
 * stay as they were read.
 */
export function withSceneBeforeSteps(clauses: RoledClause[]): RoledClause[] {
  const firstStep = clauses.findIndex((clause) => clause.roles.includes("action"));
  const sceneStart = clauses.findIndex((clause) => clause.roles.includes("situation") || clause.roles.includes("task"));
  if (firstStep < 0 || sceneStart < 0 || sceneStart > firstStep) return clauses;
  const scene = clauses.map((clause, index): RoledClause => {
    const stateAsOutcome = index > sceneStart && index < firstStep && !clause.labelled && clause.roles.length === 1 && clause.roles[0] === "result" && !RESULT_CUES.test(clause.text) && !/%/.test(clause.text);
    return stateAsOutcome ? { ...clause, roles: ["situation"] } : clause;
  });
  const sceneSentences = new Set(scene.slice(0, firstStep).filter((clause) => clause.roles.includes("situation")).map((clause) => clause.sentence));
  return scene.map((clause, index) => (index < firstStep && !clause.labelled && clause.roles.length === 0 && sceneSentences.has(clause.sentence) ? { ...clause, roles: ["situation"] } : clause));
}
