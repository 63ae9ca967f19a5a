import { statedLesson, TAKEN_UP_SINCE, type RoledClause } from "../star/index.js";
import { STEP_THEN_RECOVERY, withPresentTenseEvents } from "./present-tense-events.js";

// Told in the present, a story and a routine share their tense; what tells them apart is whether the answer is about
// one occasion (a particular person or thing turning up, a slip, what came next) or about any occasion of a kind.

// A particular person or thing doing something, as a story opens ("one customer is giving...", "Old man comes to...").
const SOMEONE_ARRIVES =
  /\b(?:one|a|an|this|the)?\s*(?:old |young |new |angry |upset )?(?:customer|guest|man|woman|lady|patient|client|family|colleague|student|driver|boy|girl|caller|parent|mother|father|supplier|visitor|passenger|buyer)s?\s+(?:is|are|comes|came|calls|arrives|wants|says|asks|brings|starts|has|books|complains|shouts)\b/gi;
// The speaker slipping, noticing or finding something: events, not method (unless said of any occasion: "When I notice...").
const SLIP_OR_DISCOVERY =
  /(?<!\b(?:when|whenever|if|once|until|before|after)\s+)\bI\s+(?:forget|forgot|make the mistake|made the mistake|notice|realise|realize|discover|type wrong|miss|missed)\b|(?<!\b(?:when|whenever|if|once|until|before|after)\s+)\bI\s+(?:see|find)\s+(?:that|the|one|two|a|this|it)\b/gi;
// What came next, said of the occasion ("By the end of the shift", "When they arrive", "One Friday").
const WHAT_CAME_NEXT =
  /\b(?:by the end of (?:the|that)|the next (?:day|morning|week)|(?:one|that|last) (?:day|morning|evening|night|week|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|on the day|in the end|when (?:they|he|she) (?:arrive|arrives|come|comes|see|sees)|(?:in|last|next|that|this) (?:january|february|march|april|may|june|july|august|september|october|november|december|christmas|summer|winter|spring|autumn))\b/gi;

// Others caught in the act, as a scene is set ("two of my waiters are arguing in the kitchen").
const OTHERS_IN_THE_ACT = /\b(?:they|he|she|[a-z]+s) (?:is|are) (?:arguing|shouting|fighting|crying|complaining|refusing|threatening|leaking|panicking|waiting for (?:me|us))\b/gi;

// Any occasion of a kind, and the answer as a method or a belief.
const ROUTINE_MARKERS = [
  /\b(?:in|as part of) my (?:role|job|work|position|class|classroom)\b/gi,
  /\bmy (?:method|approach|process|rules?|routine|philosophy|system)\b/gi,
  /\b(?:step (?:one|two|three|1|2|3)|(?:two|three|four|five|\d) (?:steps?|rules|points))\b/gi,
  /(?:^|[.!?]\s+)(?:yeah,?\s+)?(?:so,?\s+)?for (?:me|an? [a-z]+|[a-z]+(?: [a-z]+)?),/gim,
  /(?:^|[.!?]\s+)(?:and\s+)?if\s/gim,
  /\b(?:each|every|any) (?:time|booking|student|station|prescription|patient|customer|order|guest|project|one|batch|case|shipment)\b/gi,
  // Not "normal again": that is how one occasion ended ("Payments are normal again in thirty minutes").
  /\b(?:is|are) (?:very |so )?(?:important|everything|key|healthy|normal(?!\s+again)|the heart of)\b/gi,
  /\bI (?:believe|follow|use)\b/g,
  /\balways\b/gi,
  /\bevery (?:shift|day|week|morning|evening|month|meeting|sprint|visit|quarter)\b/gi,
  /\b(?:nine times out of ten|most of the time|normally|generally|in general|often)\b/gi,
  /(?:^|[.!?]\s+)(?:when|whenever|once)\s+I\b/gim,
  /\bwhen(?:ever)? (?:a|an|any) [a-z]+ (?:is|are|gets|goes|comes|arrives)\b/gi,
];

/** How much an answer told without the past tense reads as one occasion, against how much as a routine. */
export function presentTenseReading(answer: string): { occasion: number; routine: number } {
  const count = (pattern: RegExp, text = answer) => (text.match(pattern) ?? []).length;
  // A habit taken up since the story ("So now I always test on staging") is its lesson, no sign of a routine.
  const withoutLessonHabits = answer
    .split(/(?<=[.!?])\s+/)
    .filter((sentence) => !(TAKEN_UP_SINCE.test(sentence) && HABIT_WORD.test(sentence)))
    .join(" ");
  return {
    occasion: count(SOMEONE_ARRIVES) + count(SLIP_OR_DISCOVERY) + count(WHAT_CAME_NEXT) + count(OTHERS_IN_THE_ACT),
    routine: ROUTINE_MARKERS.reduce((sum, pattern) => sum + count(pattern, withoutLessonHabits), 0),
  };
}

// Tested apart from TAKEN_UP_SINCE, not as one pattern: "[^.!?]*" between them backtracks across a long run with no
// sentence end.
const HABIT_WORD = /\b(?:always|never|every|each)\b/i;

// Words after "I" that are no step told in the present: states, wishes, modals, adverbs, and the past tense.
const NOT_A_PRESENT_STEP = new Set(
  "am is are have has need want think believe know like love feel must can could should will would may might hope do don't did was were had got went made took gave told held kept found began spent brought chose drove sent met led ran set put cut caught called spoke won lost broke wrote built rewrote rebuilt thought felt knew saw came became stood left heard paid sold bought taught sat said".split(" "),
);
// "I call the doctor", "So I go to him", "Then I am checking the system", "On Monday I test it": the speaker's step
// told in the present. A time opener is one or two words after its preposition, so "On Monday I" is read one way.
const FIRST_PERSON_VERB = /^(?:(?:so|then|and|and then|after that|first|next|now|finally|also|right away)[,\s]+)*(?:(?:on|the next|next|after|in the|one)\s+[a-z]+(?:\s+[a-z]+)?,?\s+)?(?:I|we)\s+(?:also\s+|quickly\s+|immediately\s+|personally\s+)?(am\s+\w+ing\b|[a-z']+)/i;

// Where the speaker works, which sets the scene: "I work as backend developer", "I work in a bank as developer".
const WORKS_AT = /^(?:I|we)\s+work\s+(?:as\b|(?:in|at|for)\s+(?:a|an)\s)/i;

function tellsPresentStep(text: string): boolean {
  const verb = FIRST_PERSON_VERB.exec(text.trim())?.[1]?.toLowerCase();
  if (!verb || WORKS_AT.test(text.trim())) return false;
  return verb.startsWith("am ") || (!NOT_A_PRESENT_STEP.has(verb) && !/(?:ed|ly)$/.test(verb));
}

// The speaker's remit said in the present ("I am the one responsible to check", "so is my responsibility to sort it").
const REMIT_IN_PRESENT =
  /\b(?:I am|I'm) (?:the one )?(?:responsible|in charge)\b|\bI (?:must|have to|need to)\b|\b(?:is|it's|it is) my (?:responsibility|job|duty|task|problem)\b|\bmy (?:job|task|responsibility|duty) is to\b|\b(?:asks?|tells?) me to\b|\bgives? (?:this|the) (?:task|job|problem) to me\b/i;

/**
 * The clauses of a story told in the present, with the speaker's remit read
 * as the task, their unroled present-tense steps as actions, and what came of
 * a slip as events (`withPresentTenseEvents`).
 */
export function withPresentTenseRoles(clauses: readonly RoledClause[]): RoledClause[] {
  const roled = clauses.map((clause): RoledClause => {
    const lesson = statedLesson(clause.text);
    // "From this experience I understand I must never deploy on Friday" states a rule learned, not the remit.
    if (!clause.roles.includes("task") && !clause.roles.includes("action") && !clause.roles.includes("lesson") && !lesson.stated && REMIT_IN_PRESENT.test(clause.text)) return { ...clause, roles: [...clause.roles, "task"] };
    if (lesson.stated || !tellsPresentStep(clause.text)) return clause;
    if (clause.roles.length === 0) return { ...clause, roles: ["action"] };
    // "On Monday I fix the config and I deploy again, no problem": a step with its outcome, read as the outcome only.
    return clause.roles.length === 1 && clause.roles[0] === "result" && STEP_THEN_RECOVERY.test(clause.text) ? { ...clause, roles: ["action", "result"] } : clause;
  });
  const firstStep = roled.findIndex((clause) => clause.roles.includes("action"));
  // A lesson stated after the steps ("After that I always use a checklist", "I learn that I check the wristband"): the
  // clause roles look for one only once they have seen a step, and told in the present they saw none. A clause the
  // model gave another part (late, "I learn that..." reads as an outcome) is the lesson when the lesson opens it.
  const isLateLesson = (clause: RoledClause, index: number) => {
    if (firstStep < 0 || index <= firstStep || clause.labelled || clause.roles.includes("lesson")) return false;
    const lesson = statedLesson(clause.text);
    return clause.roles.length === 0 ? lesson.stated : lesson.opening && !clause.roles.includes("action");
  };
  const withLessons = withPresentTenseEvents(roled.map((clause, index) => (isLateLesson(clause, index) ? { ...clause, roles: ["lesson" as const] } : clause)));
  if (withLessons.some((clause) => clause.roles.includes("situation"))) return withLessons;
  // With no scene found, what comes before the first step and plays no other part sets it ("I am backend developer in online shop.").
  return withLessons.map((clause, index) => (index < firstStep && clause.roles.length === 0 ? { ...clause, roles: ["situation"] } : clause));
}
