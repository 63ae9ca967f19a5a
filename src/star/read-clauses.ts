import { assignRoles, type RoleMethod, type RoledClause } from "./assign-roles.js";
import { segmentAnswer, type Clause } from "./segment-answer.js";
import { withoutPartLabels } from "./answer-labels.js";
import { namesLesson, opensChangedHabit, statedLesson } from "./stated-lessons.js";

// What comes before the past-tense head of a hyphenated word: "re-" in "re-planned", "load-" in "load-tested".
// The look-behind holds every character the word may contain ("/" too), so a match is tried once per word, not once per character.
const COMPOUND_HEAD = /(?<![\p{L}\p{N}'’/-])([\p{L}\p{N}/]+(?:-[\p{L}\p{N}]+)*)-(?=(?:\p{L}{2,}ed|ran|led|wrote|built|made|took|set|put|got|cut|sent|met|did|went|drew|sold|bought|paid|sat)\b)/giu;
// Prefixes that make verbs ("re-ran", "cross-checked"); other hyphenated -ed words are mostly adjectives ("design-related tickets").
const VERB_PREFIX = /^(?:re|co|pre|de|un|mis|over|under|out|cross|double|triple|load|stress|smoke|spot|split|fast|pair|hand|back|dog|time)$/i;
// A subject just before the word makes it a verb whatever its prefix: "I hard-coded", "we quickly auto-routed".
const SUBJECT_BEFORE = /(?:^|[^\p{L}'’])(?:I|we|he|she|they|you)\s{1,3}(?:[\p{L}]+ly\s{1,3}|(?:also|then|just|first|even)\s{1,3})?$/iu;

// Nouns written as one word and used as a verb after "I" or "we", as non-native speakers write them ("I rollback the
// release", "I setup a second server", "I login to the server"), with the past tense each stands for: neither the cue
// rules nor the model know "rollback" as a step, so a mixed-tense story lost it.
const NOUN_AS_VERB: Record<string, string> = {
  rollback: "rolled back",
  rollout: "rolled out",
  setup: "set up",
  login: "logged in",
  logon: "logged on",
  logout: "logged out",
  signup: "signed up",
  signin: "signed in",
  backup: "backed up",
  shutdown: "shut down",
  checkout: "checked out",
  cleanup: "cleaned up",
  followup: "followed up",
  lookup: "looked up",
  handover: "handed over",
  handoff: "handed off",
  pickup: "picked up",
  takeover: "took over",
  writeup: "wrote up",
  workaround: "worked around",
  hotfix: "hotfixed",
};
// The subject, at most one adverb, then the noun, bare or with "-ed" ("I rollbacked"): one way to match each.
const SUBJECT_THEN_NOUN = new RegExp(String.raw`\b((?:I|we)\s+(?:[a-z]+ly\s+|also\s+|then\s+|just\s+|first\s+)?)(${Object.keys(NOUN_AS_VERB).join("|")})(?:ed)?\b`, "gi");

/**
 * The answer's clauses with their STAR roles, as the critique reads them: no
 * part label inside any clause, hyphenated verbs read like plain ones, and a
 * lesson the speaker states in so many words taken as the lesson.
 */
export function readClauses(answer: string, method?: RoleMethod): RoledClause[] {
  const clauses = withoutPartLabels(answer, segmentAnswer(answer));
  const roled = assignRoles(clauses.map(withHeadVerbs), method).map((clause, index) => ({ ...clause, text: clauses[index]!.text }));
  return withLessonAsides(withStatedLessons(roled));
}

// An evaluative aside ("which is fine", "which I still use") comments on the clause it hangs from; a relative clause
// that tells a change ("which cut our failed deploys by half") is an outcome, and stays one.
const EVALUATIVE_ASIDE =
  /^\W*(?:which|that)\s+(?:(?:is|was|'s)\s+(?:fine|ok|okay|good|great|nice|funny|ironic|fair|something|what|how|why|a|an|the|just|kind of|sort of|really)\b|I\s+(?:still|now|really|actually|enjoy|like|love|think|guess|suppose|don't mind)\b)/i;

/**
 * A relative clause hanging from the lesson ("...I became the person who
 * deals with legacy stuff, | which is fine") goes on with the lesson: late in
 * an answer the model read such an aside as the result, which then hid the
 * story's real outcome. Only an evaluative aside moves: one that tells a
 * change, or has a figure of its own, stays as it was read.
 */
function withLessonAsides(clauses: RoledClause[]): RoledClause[] {
  return clauses.map((clause, index) => {
    const previous = index > 0 ? clauses[index - 1]! : undefined;
    if (!previous || previous.sentence !== clause.sentence || clause.labelled || !previous.roles.includes("lesson") || previous.roles.includes("result")) return clause;
    if (!EVALUATIVE_ASIDE.test(clause.text) || /\d|%/.test(clause.text) || !clause.roles.includes("result")) return clause;
    return { ...clause, roles: ["lesson"] };
  });
}

/**
 * The clause as the role rules and model read it: a hyphenated verb as its
 * last part ("I re-planned" as "I planned"), since neither knows "re-planned"
 * is something the speaker did, and a noun used as a verb as its past tense
 * ("I rollback" as "I rolled back"). Hyphenated adjectives ("design-related") stay.
 */
function withHeadVerbs(clause: Clause): Clause {
  const text = clause.text
    .replace(COMPOUND_HEAD, (whole: string, prefix: string, offset: number) => (VERB_PREFIX.test(prefix) || SUBJECT_BEFORE.test(clause.text.slice(Math.max(0, offset - 24), offset)) ? "" : whole))
    .replace(SUBJECT_THEN_NOUN, (_whole: string, subject: string, noun: string) => `${subject}${NOUN_AS_VERB[noun.toLowerCase()]}`);
  return { ...clause, text };
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
    const previous = clauses[index - 1]?.sentence === clause.sentence ? clauses[index - 1] : undefined;
    const next = clauses[index + 1]?.sentence === clause.sentence ? clauses[index + 1] : undefined;
    const named = previous !== undefined && namesLesson(previous.text);
    // "Ever since, I ask for a second reviewer": the comma cut the habit's opener from it; both halves are the lesson.
    const habitSplit = (opener: RoledClause | undefined, rest: RoledClause | undefined) => opener !== undefined && rest !== undefined && opensChangedHabit(opener.text) && statedLesson(`${opener.text.trim()} ${rest.text.trim()}`).stated;
    const { stated, opening } = named || habitSplit(previous, clause) || habitSplit(clause, next) ? { stated: true, opening: true } : statedLesson(clause.text);
    if (!stated || (clause.labelled && !clause.labelled.includes("result"))) return clause;
    if (opening && !clause.labelled) return { ...clause, roles: ["lesson"] };
    return { ...clause, roles: [...clause.roles.slice(0, clause.labelled ? undefined : 1), "lesson"] };
  });
}
