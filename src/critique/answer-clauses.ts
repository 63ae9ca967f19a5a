import { assignRoles, segmentAnswer, type Clause, type RoleMethod, type RoledClause } from "../star/index.js";
import { withoutPartLabels } from "./answer-labels.js";
import { namesLesson, statedLesson } from "./stated-lessons.js";

// What comes before the past-tense head of a hyphenated verb: "re-" in "re-planned", "load-" in "load-tested".
// The look-behind holds every character the word may contain ("/" too), so a match is tried once per word, not once per character.
const COMPOUND_VERB = /(?<![\p{L}\p{N}'’/-])[\p{L}\p{N}/]+(?:-[\p{L}\p{N}]+)*-(?=(?:\p{L}{2,}ed|ran|led|wrote|built|made|took|set|put|got|cut|sent|met|did|went|drew|sold|bought|paid|sat)\b)/giu;

/**
 * The answer's clauses with their STAR roles, as the critique reads them: no
 * part label inside any clause, hyphenated verbs read like plain ones, and a
 * lesson the speaker states in so many words taken as the lesson.
 */
export function readClauses(answer: string, method?: RoleMethod): RoledClause[] {
  const clauses = withoutPartLabels(answer, segmentAnswer(answer));
  const roled = assignRoles(clauses.map(withHeadVerbs), method).map((clause, index) => ({ ...clause, text: clauses[index]!.text }));
  return withStatedLessons(roled);
}

/**
 * The clause as the role rules and model read it: a hyphenated verb as its
 * last part ("I re-planned" as "I planned"), since neither knows "re-planned"
 * is something the speaker did.
 */
function withHeadVerbs(clause: Clause): Clause {
  return { ...clause, text: clause.text.replace(COMPOUND_VERB, "") };
}

/**
 * Clauses stating a lesson ("I learned to always...", "The lesson: ...")
 * after something has happened in the story get the lesson role; one that
 * opens with it is the lesson only (not also a result). Labels still win,
 * except that a labelled Result can state the lesson too.
 */
function withStatedLessons(clauses: RoledClause[]): RoledClause[] {
  let eventsTold = false;
  return clauses.map((clause, index) => {
    const told = eventsTold;
    if (clause.roles.includes("action") || clause.roles.includes("result")) eventsTold = true;
    if (clause.roles.includes("lesson")) return clause;
    // "I learned to code at university" opening an answer is background, not a lesson.
    if (!told && !clause.labelled) return clause;
    const named = clauses[index - 1]?.sentence === clause.sentence && namesLesson(clauses[index - 1]!.text);
    const { stated, opening } = named ? { stated: true, opening: true } : statedLesson(clause.text);
    if (!stated || (clause.labelled && !clause.labelled.includes("result"))) return clause;
    if (opening && !clause.labelled) return { ...clause, roles: ["lesson"] };
    return { ...clause, roles: [...clause.roles.slice(0, clause.labelled ? undefined : 1), "lesson"] };
  });
}
