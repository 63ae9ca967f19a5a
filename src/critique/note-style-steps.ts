import type { RoledClause } from "../star/index.js";
import { opensWithImpliedI } from "../text/index.js";

/**
 * How many action clauses open their sentence with a past verb and no
 * subject ("Gathered the metrics.", "- Set up a POC."): steps told note-style,
 * the speaker's own with the "I" left out (as the bank reads them too).
 */
export function noteStyleSteps(clauses: readonly RoledClause[]): number {
  // Only a sentence's first clause: in "We rewrote the scripts, added retries" the subject of "added" is "we".
  return clauses.filter((clause, index) => clause.roles.includes("action") && clauses[index - 1]?.sentence !== clause.sentence && opensWithImpliedI(clause.text)).length;
}
