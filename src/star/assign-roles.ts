import { BARE_ADMISSION, EARLY_REMIT, EFFORT_ONLY, FINDING, LESSON_CUES, PLACEHOLDER, RESULT_CUES, ROLE_INTRO, TASK_CUES, VAGUE_CHANGE, impliesAction, scoreClause, tellsOwnStep } from "./role-cues.js";
import { isShortClause } from "./role-model/clause-features.js";
import { ROLE_THRESHOLDS, predictClauseRoles } from "./role-model/clause-role-model.js";
import { withSceneBeforeSteps } from "./scene-before-steps.js";
import type { Clause, Role } from "./segment-answer.js";

// The probability at which the model's "none" would be taken, were it a role.
const NO_ROLE_THRESHOLD = 0.5;
// Where a clause counts as told near the end, and where its words are read again as if told mid-answer (isLateStep).
const LATE_POSITION = 0.75;
const MID_ANSWER = 0.5;
// The least action probability at which a step told after the outcome is read as a closing step, not a second outcome.
const CLOSING_STEP_ACTION = 0.25;
// "which had been", "that was", "who were": a relative clause telling what something was, not what anyone did.
const STATIVE_RELATIVE = /^\W*(?:which|that|who)\s+(?:had\s+been|has\s+been|have\s+been|was|were|is|are)\b/i;
// "so the demo had to be...", "and so nobody could...": a consequence with its own subject, not the speaker.
const CONSEQUENCE = /^\W*(?:and\s+)?so\s+(?:the|a|an|our|my|their|his|her|its|it|they|he|she|nobody|no one|everyone|everybody|half|most|all|none|some|many)\b/i;

/** A clause with the STAR roles it plays (one, sometimes two). */
export interface RoledClause extends Clause {
  roles: Role[];
}

/** How unlabelled clauses get their roles: the learned clause model over the cue rules (default), or the cue rules alone. */
export type RoleMethod = "learned" | "rules";

/**
 * Gives each clause its STAR roles: an explicit label wins; otherwise the
 * learned clause model (words, openings, position and which cue rules fire)
 * decides, or the cue rules alone when no model is installed. A clause close
 * to two roles (context and goal, action and outcome) keeps both.
 */
export function assignRoles(clauses: readonly Clause[], method: RoleMethod = "learned"): RoledClause[] {
  let seenAction = false;
  let seenResult = false;
  let previous: RoledClause | undefined;
  const read = clauses.map((clause) => {
    // "I rewrote the deploy script, which cut the build from 40 to 12 minutes": the step whose outcome the clause tells
    // is an action, wherever it sits, and the outcome is its result, not a second step. The model reads a first-person
    // clause at the opening as no role (or the scene), so a story told in one line lost its only step and read as none.
    const causing = previous !== undefined && causesOutcome(previous, clause);
    if (causing) {
      previous!.roles = [...previous!.roles, "action"];
      seenAction = true;
    }
    let roled = roleOf(clause, previous);
    if (causing && roled.roles.includes("result")) roled = { ...roled, roles: roled.roles.filter((role) => role !== "action") };
    if (roled.roles.includes("result")) seenResult = true;
    previous = roled;
    return roled;
  });
  return withSceneBeforeSteps(read);

  function roleOf(clause: Clause, before: RoledClause | undefined): RoledClause {
    if (PLACEHOLDER.test(clause.text.trim()) || (!clause.labelled && EFFORT_ONLY.test(clause.text.trim()))) return { ...clause, roles: [] };
    // "I tried to win the VP over. I failed.": after a step, a bare admission is how it went; before any, it is no part.
    if (!clause.labelled && BARE_ADMISSION.test(clause.text.trim())) return { ...clause, roles: seenAction ? ["result"] : [] };
    // A finding runs on past its clause break ("I found that X, and most had left because Y"): still part of the actions.
    if (!clause.labelled && before && before.sentence === clause.sentence && FINDING.test(before.text) && before.roles.includes("action")) return { ...clause, roles: ["action"] };
    // "...and then talked him through it": an action with the speaker as the implied subject ("Failed payments dropped" has its own).
    if (!clause.labelled && before?.roles.includes("action") && impliesAction(clause.text)) return { ...clause, roles: ["action"] };
    if (clause.labelled && clause.labelled.length > 0) {
      if (clause.labelled.includes("action")) seenAction = true;
      // Inside a labelled Result, a sentence stating the lesson is a lesson too.
      const extra: Role[] = clause.labelled.includes("result") && LESSON_CUES.test(clause.text) ? ["lesson"] : [];
      return { ...clause, roles: [...clause.labelled, ...extra] };
    }
    let learned = method === "learned" ? learnedRoles(clause, { seenAction, seenResult, before }) : null;
    if (learned) {
      // Before any step, a clause read as both the scene and an outcome is the scene: "our conversion dropped 4% over
      // two weeks" is the problem, and reading it as the result too hid a missing result behind the setup's figures.
      if (!seenAction && learned.includes("situation") && learned.includes("result")) learned = learned.filter((role) => role !== "result");
      if (learned.includes("action")) seenAction = true;
      return { ...clause, roles: learned };
    }
    const scores = scoreClause(clause, seenAction);
    const ranked = (Object.entries(scores) as Array<[Role, number]>).sort((a, b) => b[1] - a[1]);
    const [best, second] = ranked;
    const roles: Role[] = [best![0]];
    // A lesson sentence ("What I learned is...") is not also an action.
    if (roles[0] === "lesson" && second?.[0] === "action") second[1] = 0;
    if (second && second[1] > 1 && second[1] >= best![1] * 0.85) roles.push(second[0]);
    // An opening that says who the speaker was and where ("I was a platform engineer at a grocery company") sets the scene.
    if (!roles.includes("situation") && clause.position < 0.35 && ROLE_INTRO.test(clause.text)) roles.push("situation");
    if (!roles.includes("task") && !roles.includes("lesson") && statesRemit(clause)) roles.push("task");
    if (roles.includes("action")) seenAction = true;
    return { ...clause, roles };
  }
}

/** What the clauses before a clause were read as: whether a step and an outcome came before, and the clause just before. */
interface ReadSoFar {
  seenAction: boolean;
  seenResult: boolean;
  before: RoledClause | undefined;
}

/** Roles from the learned model, or null when no model file is installed. */
function learnedRoles(clause: Clause, { seenAction, seenResult, before }: ReadSoFar): Role[] | null {
  const probabilities = predictClauseRoles(clause.text, clause.position);
  if (probabilities.size === 0) return null;
  const thresholds = ROLE_THRESHOLDS;
  const ranked = [...probabilities].sort((a, b) => b[1] - a[1]);
  let roles = ranked.filter(([role, p]) => role !== "none" && p >= thresholds[role as Role]).map(([role]) => role as Role).slice(0, 2);
  // The result's lower bar must not take a step the model ranks an action first: late in an answer the position pulls
  // toward the outcome ("On Monday I rolled it back"). Only a result under the action's bar can have got in here.
  if (ranked[0]![0] === "action" && roles.length > 0 && tellsOwnStep(clause.text)) roles = ["action"];
  // Nothing sure: take the likeliest role, except an unsure action ("I stayed persistent" is effort, not a step) and an
  // unsure lesson with no word of one: the model reads "now" as a habit kept since, but "It now serves 5M users" is an outcome.
  const [top] = ranked.find(([role]) => role !== "lesson" || LESSON_CUES.test(clause.text))!;
  if (roles.length === 0 && top !== "none" && top !== "action") roles.push(top as Role);
  if (roles.length === 0 && isShortStep(clause)) roles.push("action");
  if (roles.length === 0 && isLateStep(clause)) roles.push("action");
  // After the steps, a change told without its size ("it was faster, I believe, though I don't remember by how much")
  // is the outcome, vague as it is: read as none, the answer's only outcome went unseen and unchallenged.
  if (roles.length === 0 && seenAction && VAGUE_CHANGE.test(clause.text)) roles.push("result");
  // "I forgot to confirm the AV, ... | so the demo had to be done on a laptop screen": what came of the step just told,
  // said of something other than the speaker, is the outcome. The model, unsure, leaned to the step and gave it none.
  if (roles.length === 0 && before?.roles.includes("action") && CONSEQUENCE.test(clause.text) && !tellsOwnStep(clause.text)) roles.push("result");
  // After the outcome, a step of the speaker's that tells no change ("Afterwards, I apologised to my manager and paid for
  // a replacement") is a closing step: read as the result, it stood in for the outcome told before it.
  // "..., the reservations book | which had been the same leather book since the restaurant opened in 1994": a relative
  // clause telling what a thing was describes the thing in the clause before, and plays its part; it is no step.
  if (roles.includes("action") && STATIVE_RELATIVE.test(clause.text) && !tellsOwnStep(clause.text)) {
    roles = before && before.sentence === clause.sentence ? before.roles.filter((role) => role !== "action") : [];
  }
  if (seenResult && roles.includes("result") && !roles.includes("action") && tellsOwnStep(clause.text) && !/\d|%/.test(clause.text) && !RESULT_CUES.test(clause.text) && (probabilities.get("action") ?? 0) >= CLOSING_STEP_ACTION) roles = ["action"];
  // The cue rules catch more stated goals than the model learned.
  if (roles.length < 2 && !roles.includes("task") && !roles.includes("lesson") && statesRemit(clause)) roles.push("task");
  // A step that goes on to say what it changed, by a figure ("I rewrote the rules and cut false pages by 60%"), is the
  // action and the result at once: the model, which learned from clauses of one part, gave it one of them or neither.
  // A change said of the thing it moved ("..., but our churn rose from 5 to 8 percent") is the outcome only after the
  // opening: early on, "I took over the accounts in March, and our churn rose from 5 to 8 percent" sets the scene.
  const tellsChange = STEP_THEN_OUTCOME.test(clause.text) || (clause.position >= 0.45 && STEP_THEN_CHANGE.test(clause.text));
  if (!roles.includes("lesson") && tellsOwnStep(clause.text) && tellsChange) roles = ["action", "result"];
  return roles;
}

// After "by", a method ("by adding 2 indexes") or a deadline ("by 6 pm", "by week 3", "by March 3") is no size of change.
const BY_NO_CHANGE = String.raw`(?:[a-z]+ing\b|(?:the\s+)?(?:end\s+of\s+)?(?:week|day|sprint|month|quarter|q[1-4])\b|(?:mid-)?(?:jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)(?![a-z]))`;
// A saving told by its size: money, a share, time or a count of people; not "saved the results in S3" nor "saved 2 traces".
const SAVED_AMOUNT = String.raw`(?:[$€£]\s?\d|(?<![A-Za-z\d.,])\d[\d,.]*\s?(?:%|percent\b|[kmb]\b|x\b|thousand\b|million\b|billion\b|dollars?\b|euros?\b|pounds?\b|ms\b|s\b|secs?\b|seconds?\b|mins?\b|minutes?\b|h\b|hrs?\b|hours?\b|days?\b|weeks?\b|months?\b|years?\b|[gt]b\b|engineers?\b|people\b|fte\b))`;

// "... and cut false pages by 60%", "..., cutting builds to 8 minutes", "..., saving $40K", "... and halved the errors":
// a change said with its figure, after the step that made it ("and cut scope to the 3 critical objects" is a step).
const CHANGE_WITH_FIGURE =
  String.raw`(?:` +
    [
      String.raw`(?:cut|cutting|reduced|reducing|dropped|lowered|lowering|increased|increasing|improved|improving|raised|grew|boosted|shrank|trimmed|slashed|brought)\b[^.;!?]{0,60}?(?:\bby\s+(?!${BY_NO_CHANGE})[^.;!?]{0,15}?(?:\d|\bhalf\b|\btwice\b)|\bfrom\s+[^.;!?]{0,15}?(?:\d|\bhalf\b|\btwice\b)|\bto\s+(?:under\s+|about\s+|just\s+|only\s+)?[$€£]?\d[\d,.]*\s?(?:%|x\b|ms\b|s\b|seconds?\b|min(?:utes?)?\b|hours?\b|days?\b|weeks?\b))`,
      // "got deploys down to 25 minutes", "getting churn down from 8% to 5%": a change of state, not a step.
      String.raw`(?:got|getting)\b[^.;!?]{0,40}?\b(?:down|up)\s+(?:to|from|by)\s+(?:under\s+|about\s+|just\s+|only\s+)?[$€£]?\d`,
      String.raw`(?:saved|saving)\b[^.;!?]{0,30}?${SAVED_AMOUNT}`,
      // Not the idiom "doubled down on testing".
      String.raw`(?:doubled|doubling|halved|halving|tripled|tripling)\b(?!\s+(?:down|back)\b)`,
    ].join("|") +
    ")";
// The change may name its maker again: "We rolled it out over two weeks and we got deploys down to 25 minutes".
const STEP_THEN_OUTCOME = new RegExp(String.raw`(?:\band|,)\s+(?:then\s+|so\s+|that\s+)?(?:(?:I|we)\s+(?:then\s+|also\s+|finally\s+|eventually\s+)?)?` + CHANGE_WITH_FIGURE, "i");
// The same change opening the clause after the step's: "which cut the build from 40 to 12 minutes", "cutting ...".
const OUTCOME_OF_STEP = new RegExp(String.raw`^\W*(?:(?:which|and|so|thereby|that)\s+)?(?:then\s+)?` + CHANGE_WITH_FIGURE, "i");
// The change said of the thing it moved: "..., but the share still active after a week fell from 41 to 33 percent".
const STEP_THEN_CHANGE = new RegExp(
  String.raw`(?:\band|,)\s+(?:then\s+|so\s+|that\s+)?(?:but\s+)?(?:the|our|their|its|my)\s+[^.;!?,]{0,80}?\b(?:went\s+(?:up|down)|fell|rose|dropped|grew|climbed|increased|decreased|shrank|jumped)\s+(?:from|by|to)\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+)?[$€£]?\d`,
  "i",
);

/**
 * Whether a clause tells a step of the speaker's (not yet read as an action)
 * whose outcome, with its figure, the next clause of the sentence states:
 * "I rewrote the deploy script | which cut the build from 40 to 12 minutes",
 * "..., cutting the build to 12 minutes", "..., saving 5 hours a week".
 */
function causesOutcome(step: RoledClause, next: Clause): boolean {
  if (step.labelled || next.labelled || step.sentence !== next.sentence) return false;
  // Read as no role or as the scene only: a clause already read as an outcome ("overtime ended the year down 27%,
  // which saved $310,000") goes on about the outcome, not about the step that made it.
  if (!step.roles.every((role) => role === "situation")) return false;
  // A figure of its own makes the clause an outcome or the scene ("I did a lot better: overtime ended down 27%").
  const text = step.text.trim();
  return tellsOwnStep(text) && !EFFORT_ONLY.test(text) && !/\d|%/.test(text) && OUTCOME_OF_STEP.test(next.text);
}

/**
 * A short step told in the first person ("I rolled back in an hour.") whose
 * words, read without their length, the model takes for an action and not for
 * talk with no role. Every short first-person sentence it learned from is
 * effort talk ("I hustled like crazy"), so it took shortness itself for "no
 * role" and dropped short steps; effort talk still reads as no role by its words.
 */
function isShortStep(clause: Clause): boolean {
  if (!isShortClause(clause.text) || !tellsOwnStep(clause.text)) return false;
  const words = predictClauseRoles(clause.text, clause.position, { ignoreLength: true });
  return (words.get("action") ?? 0) >= ROLE_THRESHOLDS.action && (words.get("none") ?? 0) < NO_ROLE_THRESHOLD;
}

/**
 * A step of the speaker's told near the end ("...Anyway, there were a lot of
 * double bookings. I moved the reservations to an online booking tool. Double
 * bookings stopped.") that the model, reading its words mid-answer, takes for
 * an action. Every clause it learned from at the very end was an outcome or a
 * lesson, so there the position alone pulled a plain step under the bar, and a
 * rambling answer lost its only action. A clause with a word of an outcome
 * ("shipped", "promoted") is left as the model read it.
 */
function isLateStep(clause: Clause): boolean {
  const text = clause.text.trim();
  if (clause.position < LATE_POSITION || !tellsOwnStep(text) || EFFORT_ONLY.test(text) || RESULT_CUES.test(text)) return false;
  const midAnswer = predictClauseRoles(text, MID_ANSWER);
  return (midAnswer.get("action") ?? 0) >= ROLE_THRESHOLDS.action && (midAnswer.get("none") ?? 0) < NO_ROLE_THRESHOLD;
}

/**
 * A stated goal or responsibility, which is a task wherever it sits, even in a
 * sentence of context; early on, "I managed the contracts" or "my director
 * wanted it under 200" states the speaker's remit too.
 */
function statesRemit(clause: Clause): boolean {
  return TASK_CUES.test(clause.text) || (clause.position < 0.45 && EARLY_REMIT.test(clause.text));
}
