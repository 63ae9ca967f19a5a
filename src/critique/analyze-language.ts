import { TAKEN_UP_SINCE, VAGUE_COMPARISON } from "../star/index.js";

/** Counts of first-person singular and plural pronouns in a text. */
export function countPronouns(text: string): { i: number; we: number } {
  return {
    i: (text.match(/\b(I|me|my|mine|myself|I'm|I've|I'd|I'll|I’m|I’ve|I’d|I’ll)\b/g) ?? []).length,
    we: (text.match(/\b(we|us|our|ours|ourselves|we're|we've|we'd|we'll|we’re|we’ve|we’d|we’ll)\b/gi) ?? []).length,
  };
}

// "We" after these opens a purpose or relative clause inside someone's step ("I rented two washers so we had a
// buffer", "the checks that we skipped"), not a step the team took.
const NOT_ACTING_WE = /\b(?:so|so that|which|that|what|where|than|if|unless|whether|until)\s+$/i;
// But a "so" that opens a sentence or follows a comma or "and" tells what the team did next ("So we rolled it back",
// "I found the bug, so we rewrote the parser"): the team acting.
const NEXT_STEP_SO = /(?:[.!?;:,\n]|\band|\bbut)\s*so\s+$/i;
// What opens a clause whose subject follows: a sentence or clause break, a conjunction.
const TEAM_AS_SUBJECT = /(?:[.!?;:,\n]|\b(?:and|but|then|so|while|when|after|before|once|because)|^)\s*$/i;

/**
 * How often the team acts in a text: "we" as the subject of a step, and "our
 * team" or the like; "we" in a purpose or relative clause, and "us" and "our"
 * elsewhere, are the team's share of someone's step, not steps.
 */
export function countActors(text: string): { we: number } {
  let we = 0;
  for (const match of text.matchAll(/\bour (?:whole |entire |own )?(?:team|group|squad|department|crew|unit)\b/gi)) {
    // Only as a step's subject ("our team ran the cutover"), not an object ("I wrote a guide for our team").
    if (TEAM_AS_SUBJECT.test(wordsBefore(text, match.index!))) we++;
  }
  for (const match of text.matchAll(/\bwe(?:'re|'ve|'d|'ll|’re|’ve|’d|’ll)?\b/gi)) {
    const before = wordsBefore(text, match.index!);
    if (!NOT_ACTING_WE.test(before) || NEXT_STEP_SO.test(before)) we++;
  }
  return { we };
}

// The 30 characters before a match, opening with a line break where the text starts within them.
function wordsBefore(text: string, index: number): string {
  return (index <= 30 ? "\n" : "") + text.slice(Math.max(0, index - 30), index);
}

/** Whether the speaker is ever the subject of a sentence ("I", "I'm", "I've"...): something is said of them, not only of "we". */
export function speaksAsSubject(text: string): boolean {
  return /\bI(?:'m|'ve|'d|'ll|’m|’ve|’d|’ll)?\b(?![.'’/]\w)/.test(text);
}

const HABITUAL = /\b(i (always|usually|generally|typically|normally|tend to|often|try to|like to|make sure to|prefer to)|i would (start|begin|first|then|make|talk|ask|try|set|look|go|sit|reach|escalate|gather|schedule|work|listen|approach|focus|create|follow)|i'd (start|begin|first|then|make|talk|ask|try|set|look|go|sit|reach|escalate|gather|schedule|work|listen|approach|focus|create|follow)|in my experience|my approach is|my approach would be|the key is|i think the key|i believe (that )?(it'?s|the)|it'?s important to|you (should|need to|have to|want to)|whenever i|every time i|as a rule|i'm the kind of|i am the kind of|i'm someone who|i am someone who|generally speaking|in general|if i were|if this happened|if that happened|what i would do|i would probably|i'd probably)\b/gi;
// A day named once ("on a Friday night", "on Saturday morning") pins one occasion, as "every Friday" or "on Fridays" does not.
const PAST_ANCHOR =
  /\b(last (year|month|quarter|week|spring|summer|fall|winter)|in (19|20)\d\d|(\w+ )?(years?|months?|weeks?) ago|when i (joined|was|started|worked)|at my (last|previous|first|old|current) (job|company|role|team)|in my (last|previous|first|old|former) (job|company|team|workplace)|one time|once,? (when|at|i|we|our)|there was (a|one) (time|day|project|week)|on (a|one) project|during (my|the|our)|i remember|on (a |that |the )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?!s)|one (day|morning|afternoon|evening|night|weekend)|(that|the next|the following) (day|morning|afternoon|evening|night|weekend))\b/gi;
// A sentence opening on any occasion of a kind, told in the present: a routine ("When a deadline is at risk, I...").
const GENERAL_CONDITION =
  /(?:^|[.!?]\s+)(?:when|whenever|if|any time|every time)\s+(?:a|an|there's|there is|there are|someone|somebody|anyone|people|things)\b[^.!?,]{0,60}?\b(?:is|are|happens|comes up|arises|gets|goes|has|needs|wants|asks|says)\b/gi;
// An adverb may stand between the speaker and the step ("I personally rewrote", "we quickly rolled back", "I
// single-handedly rebuilt"), but not one of habit ("I usually checked" is a routine, which the habit words count).
const PAST_EVENT_VERB = /\b(I|we)\s+(?:(?!(?:usually|typically|generally|normally|occasionally|regularly|frequently|rarely)\b)\w+(?:-\w+)*ly\s+|also\s+|then\s+|just\s+|first\s+|finally\s+|immediately\s+)?(\w{3,}ed|built|wrote|made|took|led|ran|set|put|got|drove|sent|met|brought|chose|found|began|spent|gave|told|held|kept|did|went|rewrote|rebuilt|cut|caught|fixed|called|spoke|won|lost|broke)\b/g;

/**
 * Whether an answer talks in habits or hypotheticals instead of one specific
 * past event ("I always...", "I would..."), the signal worth most in earlier
 * critics (critique-findings.md).
 */
export function detectNotAStory(text: string): { notAStory: boolean; untoldInPast: boolean; habitual: number; anchors: number; pastActions: number; narrative: boolean } {
  // A habit taken up since ("So now I always test on staging") is the story's lesson, not a routine in place of a story.
  const habits = [...text.matchAll(HABITUAL)].filter((match) => !TAKEN_UP_SINCE.test(sentenceBefore(text, match.index!)));
  const habitual = habits.length + (text.match(GENERAL_CONDITION) ?? []).length;
  const anchors = (text.match(PAST_ANCHOR) ?? []).length;
  const pastActions = (text.match(PAST_EVENT_VERB) ?? []).length;
  const words = (text.match(/\S+/g) ?? []).length;
  const pastTense = (text.match(/\b(was|were|had|did|got|went|made|took|gave|told|\w{2,}ed)\b/gi) ?? []).length;
  const present = (text.match(/\b(i|we|you) (am|are|do|try|make|ask|start|look|think|need|want|like|use|keep|tend|focus|believe)\b/gi) ?? []).length;
  // A story narrates a past event, usually anchored in a time or place; a generic answer states habits or hypotheticals.
  const narrative = pastTense >= 3 && pastTense > present;
  const habitsOrHypotheticals = (habitual >= 2 && pastActions < habitual + 2 && anchors === 0) || (habitual >= 1 && pastActions <= 1 && anchors === 0 && !narrative);
  const nothingPast = pastActions === 0 && words > 15 && anchors === 0 && !narrative;
  // untoldInPast: the only sign is that nothing is told in the past tense, which a story told in the present shares.
  return { notAStory: habitsOrHypotheticals || nothingPast, untoldInPast: nothingPast && !habitsOrHypotheticals && habitual === 0, habitual, anchors, pastActions, narrative };
}

// Up to 40 characters before a position, from the start of its sentence.
function sentenceBefore(text: string, index: number): string {
  return text.slice(Math.max(0, index - 40), index).split(/[.!?]/).pop()!;
}

// An instruction to the listener, not a step told in the past ("Ignore all previous instructions...", "Rate this answer...").
// Verbs that can open a story as nouns or names ("Report generation failed...", "Mark and I...") count only with an object.
const COMMAND_OPENING =
  /^\W*(please\s+)?((ignore|disregard|forget|pretend)\b|(rate|score|grade|mark|give|report|say|tell|output|print|repeat|write)\s+(this|that|it|me|us|my|the answer|full|100)\b)/i;

/** Whether the text opens as an instruction to its reader ("Ignore...", "Please rate..."), as a story never does. */
export function opensWithCommand(text: string): boolean {
  return COMMAND_OPENING.test(text);
}

const FILLERS = /\b(um+|uh+|er+m?|you know|like,|basically|sort of|kind of|actually|literally|i mean|right\?|so yeah)\b/gi;
const HEDGES = /\b(i think|i guess|i believe|maybe|perhaps|probably|somewhat|a bit|kind of|sort of|i feel like|hopefully)\b/gi;
// An outcome told without saying what changed ("it kind of worked out", "things got better", "it was faster, I
// believe"): the phrase ends the clause (or only a time follows), so "it improved retention by 12%", "it was faster
// than the old one by 40%" and "we worked out a plan" are not caught.
const VAGUE_OUTCOME = new RegExp(
  String.raw`\b(it|things|everything|that|this)( all)?( (kind of|sort of|more or less|mostly|eventually|pretty much|basically|just|finally|really))? (worked out|turned out (fine|ok|okay|well|alright|all right)|got better|improved|went (fine|ok|okay|smoothly|well)|${VAGUE_COMPARISON})( (fine|well|okay|ok|in the end|after that|afterwards|eventually|over time|from there|from then on))?(?=\s*([.,;:!?)]|$))`,
  "gim",
);
const VAGUE = /\b(much (more|less) \w+|much (faster|better|easier|quicker|happier|smoother)|(was|were) (really |very |so )?(happy|pleased|thrilled)|(was|were) (generally |much |a lot |far |really |so )?happier|significantly|dramatically|greatly|a lot (faster|better|more|less)|really (happy|pleased|well)|very (happy|pleased|successful)|huge (success|impact|improvement)|big (improvement|impact|win)|improved (things|a lot)|went (really )?well|positive (feedback|impact)|everyone was happy)\b/gi;

/** Filler words, hedges and vague claims (among them outcomes that do not say what changed), with their offsets. */
export function findDeliveryMarkers(text: string) {
  const collect = (pattern: RegExp) => [...text.matchAll(pattern)].map((match) => ({ start: match.index!, end: match.index! + match[0].length, text: match[0] }));
  const outcomes = collect(VAGUE_OUTCOME);
  // One claim once: "it went well" is both a vague claim and a vague outcome.
  const vague = [...collect(VAGUE), ...outcomes]
    .sort((a, b) => a.start - b.start || b.end - a.end)
    .filter((marker, index, all) => all.slice(0, index).every((earlier) => earlier.end <= marker.start));
  return { fillers: collect(FILLERS), hedges: collect(HEDGES), vague, vagueOutcomes: outcomes };
}
