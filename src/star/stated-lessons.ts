// A lesson the speaker states in so many words is the lesson whatever the clause
// model says: the model reads "always" and "never" as habit talk (so it missed
// "I learned to always load test"), and the cue rules it learns from have no
// cue for "The lesson: ...".

// Words a spoken sentence may open with before the lesson itself.
const OPENER = String.raw`(?:(?:and|so|but|um+|uh+|well|honestly|basically|i think|you know|for me|personally|if anything|overall|ultimately|in the end|looking back|in hindsight),?\s+)*`;
// Adverbs a speaker puts inside "I learned to ... check": "always", "never", "really", "quickly".
// No word may match two alternatives ("really" was both itself and \w+ly): each repeat would double the backtracking.
const ADVERBS = String.raw`(?:(?:always|never|not|now|also|still|then|first|\w+ly)\s+)*`;
// A past tense after "Now I" goes on with the story ("Now I had to tell the CEO"); a lesson kept since is in the present.
const PAST_FORM = /^(?:\w+ed|was|were|had|got|became|went|came|took|made|ran|led|saw|found|felt|knew|left|lost|won|did|said|told|gave|kept|began|brought|built|wrote|spent|sent|met|heard|hit|cut|set|put|quit)$/i;

/** "I learned to (always) check", "I've learnt never to", "I learned the hard way", "I learn to read it twice": what the speaker learned. */
const LEARNED = new RegExp(String.raw`\bI(?:'ve|’ve| have)?\s+${ADVERBS}(?:learn(?:ed|t)?|took away)\s+(?:from (?:it|that|this)\b|the hard way\b|${ADVERBS}(?:how\s+)?to\s+\w)`, "i");
// "The lesson", "My biggest takeaway", "The lesson I learned": a lesson named as one.
const LESSON_NAME = String.raw`\b(?:the|my|one|our)\s+(?:(?:big|bigger|biggest|key|main|real|hard|harsh|important|valuable|clear|simple|painful|other)\s+)?(?:lesson|takeaway)s?(?:\s+(?:here|for me|(?:i|we)(?:'ve| have)?\s+(?:learned|learnt|took(?: away)?|drew|took from (?:it|that|this))))?`;
/** "The lesson: ...", "My takeaway was that ...", "The biggest lesson I learned was to ...": a lesson named, then stated. */
const NAMED_LESSON = new RegExp(String.raw`${LESSON_NAME}\s*(?:[:–—]|-\s|(?:was|is|were|are)\s+(?:that\b|to\b|simple|clear|obvious|never\b|always\b|how\b))`, "i");
const OPENER_ONLY = new RegExp(String.raw`^${OPENER}$`, "i");
/** "The lesson" as a whole clause: the dash after it ("The lesson — always load test") ended the clause. */
const LESSON_NAME_ONLY = new RegExp(String.raw`^${OPENER}${LESSON_NAME}\s*[:–—-]?$`, "i");
/** "What I took away ...", "The big thing I learned ...", "What stuck with me ...": a lesson introduced as one. */
const LESSON_INTRO = /\b(?:what (?:i|we) (?:took away|took from (?:it|that|this)|learned|learnt|carry|carried)|the (?:\w+ )?thing (?:i|we) (?:took away|took from (?:it|that|this)|learned|learnt)|what stuck with me|(?:it|that|this) taught me\b)/i;
// Lessons as non-native speakers state them, in the present tense: "I learn that I check the wristband", "From this I
// learn: ...", "From this experience I understand I must never deploy on Friday", "I understand now that ...", "This
// teach me to ...". Past "I learned that" stays with the model: it opens findings too ("I learned that the vendor had
// changed the API"); a present "I learn that", after the events, is the lesson.
const PRESENT_LEARNED = /\bI\s+(?:now\s+)?learn\s*(?::|that\b|from (?:it|that|this)\b)/i;
// "I understand" is a lesson when dated from the story ("now", "from this") or when a rule follows it ("I must never").
const UNDERSTOOD = new RegExp(
  String.raw`\bI\s+(?:now\s+)?(?:understand|realise|realize)\s+(?:now\b|(?:that\s+)?(?:I|we|you)\s+(?:must|should|have to|need to|always|never|cannot|can't|can not)\b)` +
    String.raw`|\b(?:from|after) (?:this|that|it)(?:\s+(?:experience|mistake|incident|situation|day|story))?,?\s+I\s+(?:now\s+)?(?:learn|understand|understood|realise|realize|know)\b` +
    String.raw`|\bnow I (?:understand|realise|realize|know) (?:that\b|I\s+(?:must|should|have to|need to))`,
  "i",
);
// "This teach me to ...", "The mistake taught me that ...", "it shows me that ...".
const TAUGHT_ME = /\b(?:it|that|this|(?:the|this|that) (?:experience|mistake|incident|situation|failure))\s+(?:(?:really|also)\s+)?(?:teach|teaches|teached|taught|show|shows|showed)\s+me\s+(?:that|to|how)\b/i;

/** "Next time I would ...", "If I did it again, I'd ...": what the speaker would do differently. */
const NEXT_TIME = /\b(?:next time|if i (?:did|had to do|were doing|faced|ran) (?:it|that|this|something like (?:it|that)) again),?\s+(?:i|we)(?:'d|’d| would| will|'ll|’ll)\b/i;
/** "Since then I always ...", "Now I load test ...": a habit the speaker took up after the event, in the present tense. */
// Words that date a habit from the event ("now" alone opens too many other sentences to open a clause by itself).
const SINCE = String.raw`since then|ever since|from then on|these days|nowadays`;
const CHANGED_HABIT = new RegExp(String.raw`^${OPENER}(?:${SINCE}|now)\b,?\s+(?:[^,.;]{0,60},\s*)?I\s+${ADVERBS}(?<verb>[\w'’-]+)`, "i");

/** A word dating a habit from the story's events, anywhere in a sentence: "So now I always...", "since then I...". */
export const TAKEN_UP_SINCE = new RegExp(String.raw`\b(?:${SINCE}|to this day|now|after that)\b`, "i");

// "After that I always use a checklist": "after that" dates a habit only with "always" or "never" (else it opens a step).
const AFTER_THAT_HABIT = new RegExp(String.raw`^${OPENER}after that\b,?\s+I\s+(?:always|never)\b`, "i");

/** "Ever since," or "These days," as a whole clause: the comma after it ended the clause, and the habit follows in the next. */
const HABIT_OPENER_ONLY = new RegExp(String.raw`^${OPENER}(?:${SINCE})\s*,?$`, "i");

/**
 * Whether a clause states a lesson: what the speaker learned ("I learned to
 * always...", "I learn that...", "From this I understand I must..."), a lesson
 * named as one ("The lesson: ..."), what they would do next time, or a habit
 * they have kept since ("Since then I always...").
 * `opening` says the statement opens the clause, so the clause is the lesson
 * and nothing else.
 */
export function statedLesson(text: string): { stated: boolean; opening: boolean } {
  if (namesLesson(text)) return { stated: true, opening: true };
  const habit = CHANGED_HABIT.exec(text);
  if ((habit && !PAST_FORM.test(habit.groups!.verb!)) || AFTER_THAT_HABIT.test(text)) return { stated: true, opening: true };
  for (const pattern of [LEARNED, NAMED_LESSON, LESSON_INTRO, NEXT_TIME, UNDERSTOOD, PRESENT_LEARNED, TAUGHT_ME]) {
    const match = pattern.exec(text);
    if (match) return { stated: true, opening: opensWith(text, match.index) };
  }
  return { stated: false, opening: false };
}

/** Whether only opening words ("And so, ...", "Honestly, ...") come before a position in the clause. */
function opensWith(text: string, index: number): boolean {
  return OPENER_ONLY.test(text.slice(0, index));
}

/** Whether a clause only opens a habit kept since ("Ever since,"), so the clause after it in the sentence may state it. */
export function opensChangedHabit(text: string): boolean {
  return HABIT_OPENER_ONLY.test(text.trim());
}

/** Whether a clause only names the lesson ("The lesson", "My biggest takeaway"), so the clause after it in the sentence states it. */
export function namesLesson(text: string): boolean {
  return LESSON_NAME_ONLY.test(text.trim());
}
