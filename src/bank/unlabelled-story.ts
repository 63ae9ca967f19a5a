import { AMBIGUOUS_PAST_FORMS, countImpliedI, IRREGULAR_PAST_FORMS } from "../text/index.js";
import { isQuestionLike } from "./heading-text.js";
import type { RegionReading } from "./read-story-region.js";

// A long account with a few verbs in "-ed" reads as a story (the rule before irregular verbs were read).
const MIN_LONG_WORDS = 35;
// A short account must narrate: "I cut it to three screens" and "we won both clients back" in a few sentences.
const MIN_SHORT_WORDS = 20;
// Irregular past forms, and "was"/"had": "I took it on", "we lost two clients", "I was asked to".
const IRREGULAR_PAST = new Set([...IRREGULAR_PAST_FORMS, "was", "were", "had", "rose"]);
// Words ending in "-ed" that are not verbs in the past.
const NOT_PAST = new Set(["need", "needed", "speed", "seed", "feed", "indeed", "embed", "hundred", "based", "related", "limited", "unused", "outdated"]);
// "I then wrote", "we quickly built": one adverb may stand between the subject and its verb.
const FIRST_PERSON_VERB = /\b(?:I|[Ww]e)\s+(?:(?:then|also|just|finally|eventually|immediately|still|first|later|never|only|personally|\w+ly)\s+)?([A-Za-z]+)\b/g;
// Words of interview preparation: a short account that uses them is a note about the bank, not a story in it. Not
// "user stories", "I interviewed the last 20 hires" or "in Q3", which stories tell; "STAR" and "LP" only in capitals.
const PREP_WORDS = /\b(?<!\buser )(?:stor(?:y|ies))\b|\b(?:interview(?:s|er|ers)?|recruiters?)\b/i;
const PREP_MARKS = /\b(?:STAR|LPs?)\b|#\d/;
const REGULAR_PAST = /\b[A-Za-z]{3,}ed\b/g;

/** Whether unlabelled prose under a heading is kept as a story, and if not why, in words a user can act on. */
export type ProseVerdict = { story: true } | { story: false; reason: string; advice: string };

const LABEL_IT = 'If it is a story, label its parts ("Situation:", "Action:", "Result:")';

/**
 * Whether unlabelled prose reads as a story told in the first person: an account of what happened ("I took it on
 * myself. I wrote a plan, built a cache layer and cut load time... We won both clients back"), irregular verbs
 * and all. Notes, tips and coverage lists ("Lead with the number", "Customer Obsession: stories 3 and 7") are
 * written in the present, as instructions or as lists, and stay out.
 */
export function readUnlabelledProse(reading: RegionReading, title: string): ProseVerdict {
  if (reading.words < MIN_SHORT_WORDS) {
    return { story: false, reason: `it is only ${reading.words} word${reading.words === 1 ? "" : "s"}, too short to read as a story without labels`, advice: `${LABEL_IT} or tell more of it` };
  }
  // A story told entirely as "we" is still a story (the critique will ask what the speaker did).
  if (reading.firstPersonSingular < 1 && reading.firstPersonPlural < 3) {
    return { story: false, reason: 'it is not told in the first person (no "I" or "we")', advice: `${LABEL_IT} or tell it as "I ..."` };
  }
  const impliedI = countImpliedI(reading.body);
  const events = firstPersonPast(reading.body);
  // A list is notes ("- ask about team size") unless its items narrate what the author did ("- gave him a real project").
  const narratedItems = impliedI + Math.max(events, (reading.body.match(/\bI\s+\w+ed\b/g) ?? []).length);
  if (reading.listShare > 0.6 && !isQuestionLike(title) && narratedItems < 3) {
    return { story: false, reason: "it is a list of notes rather than an account of what you did", advice: LABEL_IT };
  }
  // Long prose with a few verbs in "-ed": three of them, or two in an account with a few "I"s.
  const pastTense = (reading.body.match(/\b\w{3,}ed\b/g) ?? []).length;
  if (reading.words >= MIN_LONG_WORDS && (pastTense >= 3 || (pastTense >= 2 && reading.firstPersonSingular + reading.firstPersonPlural >= 2))) return { story: true };
  // A shorter account, or one told in irregular verbs: two things "I" or "we" did in the past, among three past verbs.
  const regular = (reading.body.match(REGULAR_PAST) ?? []).filter((word) => !NOT_PAST.has(word.toLowerCase())).length;
  const irregular = (reading.body.match(/\b[A-Za-z]+\b/g) ?? []).filter((word) => IRREGULAR_PAST.has(word.toLowerCase())).length;
  // Notes that leave the "I" out ("Covered in examples where you: - Resolved ...") are too easily notes here: the "I" or "we" is written.
  if (events < 2 || regular + irregular + ambiguousAfterSubject(reading.body) < 3) {
    return { story: false, reason: 'it does not tell what happened: no sentences such as "I built..." or "we cut..." in the past tense', advice: LABEL_IT };
  }
  // Short notes about the bank or the interviews ("I moved the outage story to Ownership", "the interviewer asked for
  // numbers") and advice to the reader ("you can show this by...") are written in the past too.
  const secondPerson = (reading.body.match(/\b[Yy]ou(?:r|rs|rself)?\b/g) ?? []).length;
  if (PREP_WORDS.test(reading.body) || PREP_MARKS.test(reading.body) || secondPerson > reading.firstPersonSingular + reading.firstPersonPlural) {
    return { story: false, reason: "it talks about your stories or interviews rather than telling one", advice: LABEL_IT };
  }
  return { story: true };
}
/** How many times "I" or "we" did something in the past: "I took", "we won", "I then wrote". */
function firstPersonPast(body: string): number {
  let count = 0;
  for (const match of body.matchAll(FIRST_PERSON_VERB)) if (isPastVerb(match[1]!)) count++;
  return count;
}

/** Past forms such as "cut" and "set" that count only straight after "I" or "we". */
function ambiguousAfterSubject(body: string): number {
  let count = 0;
  for (const match of body.matchAll(FIRST_PERSON_VERB)) if (AMBIGUOUS_PAST_FORMS.has(match[1]!.toLowerCase())) count++;
  return count;
}

function isPastVerb(word: string): boolean {
  const lower = word.toLowerCase();
  if (IRREGULAR_PAST.has(lower) || AMBIGUOUS_PAST_FORMS.has(lower)) return true;
  return lower.length >= 5 && lower.endsWith("ed") && !NOT_PAST.has(lower);
}
