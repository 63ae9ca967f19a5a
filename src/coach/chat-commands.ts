// The chat's commands. A command is the whole message, a few words at most: an answer that opens "Next quarter..."
// or "Stop-the-line bugs..." is an answer, and so is a long message that happens to say "coverage".
import { countWords } from "../text/index.js";

export const MAX_COMMAND_WORDS = 8;
/** A message this long or longer is a pasted answer, whatever words it contains. */
export const LONG_ANSWER_WORDS = 60;
// Polite words around a command: "ok, stop", "coverage please", "can I see my coverage?".
const POLITE = String.raw`(?:(?:ok(?:ay)?|please|let'?s|can we|can i (?:see|get|have)|could i (?:see|get|have)|show me|i'?ll|i'?d like to|i want to)[,\s]+)*`;
// "I'm done", "exit", "finish": how people end a session in other apps. The whole message is the command, so "at the
// end of the sprint I..." and "I'm done with the migration, so I..." are answers.
const STOP_COMMAND = new RegExp(
  String.raw`^${POLITE}(?:stop|end|quit|exit|bye|finish|done|(?:i['’]?m|i am|we['’]?re|we are) (?:done|finished))` +
    String.raw`(?:[,\s]+(?:the|this|my|mock|interview|session|here|now|please|for now|for today|it|thanks|thank you))*[\s.!]*$`,
);
const SKIP_COMMAND = new RegExp(String.raw`^${POLITE}(?:skip|next|pass)(?:[,\s]+(?:the|this|that|one|question|please|it|on|to|next|for now))*[\s.!]*$`);
const COVERAGE_COMMAND = new RegExp(String.raw`^${POLITE}(?:(?:my|the|a|story) )?(?:coverage|gaps)(?:[,\s]+(?:please|now|report|check|again|of my stories|thanks))*[\s.!?]*$`);
// During a mock interview these ask the coach for help rather than answer the interviewer (when short).
const HINT_REQUEST = new RegExp(String.raw`^${POLITE}(?:(?:a |another )?hint\b|(?:which|what) (?:of my )?stor(?:y|ies)\b|help me (?:pick|choose|find))`);
// "Which of my stories fits: ...", "What story should I use for ...", "Find me a story for ...": the words before the question.
const STORY_REQUEST = new RegExp(
  String.raw`^${POLITE}(?:(?:which|what)(?: one)?(?: of my)? stor(?:y|ies)(?: (?:should|could|would|do|can) i (?:use|tell|pick))?` +
    String.raw`(?: (?:best )?(?:fits?|works?|would (?:fit|work)|to use|is best)(?: best)?)?|(?:find|suggest|pick)(?: me)? (?:a |my |the best )?stor(?:y|ies))` +
    String.raw`(?: (?:for|to answer|with|answering))?(?: (?:this|the|that) question)?\s*(?:[:\-–—]\s*|\s+)` +
    // "Story for: ..." alone, but not a message that merely opens with the word ("Stories of failure?").
    String.raw`|^stor(?:y|ies)(?: for)?\s*:\s*|^stor(?:y|ies) for\s+`,
  "i",
);
const REQUEST_MARK = /[:\-–—]|\b(?:fits?|works?|use|tell|pick|for|answer(?:ing)?|with|question|best|find|suggest)\b/i;
const REQUEST_WORDS_ONLY = /^(?:(?:best|fits?|works?|is|would|fit|to|use|for)\b\W*)+$/i;
const HELP_REQUEST = /^(?:help(?: me| please)?|\?+|what can you do(?: for me)?|what can i (?:say|ask|do)|commands)[\s?.!]*$/i;
const INTERVIEW_REQUEST = /\b(interview me|mock interview|practi[sc]e interview|quiz me)\b/i;
const GREETING = /^(?:hi|hello|hey|hiya|howdy|good (?:morning|afternoon|evening)|greetings)(?:[,\s]+(?:there|coach|again|all|everyone))*[\s!.,]*$/i;
const THANKS = /^(?:thanks|thank you|thx|cheers)(?:[,\s]+(?:so much|a lot|very much|coach))*[\s!.,]*$/i;

// A short answer told rather than asked: "I rewrote the paging rules and cut false pages by 60%." Not a question
// ("?", "Tell me...", "What..."), nor a topic given as one ("A time I failed to meet a deadline").
const TOLD_STEP = /\b(?:i|we)\s+(?:\w+ly\s+)?(?:[a-z]{3,}ed|rewrote|wrote|built|ran|led|made|took|found|fixed|set|cut|got|went|told|gave|sent|kept|did|had|was|were)\b/i;
const ASKING_OPENER = /^\W*(?:tell|describe|give|walk|share|talk|explain|what|how|why|when|where|which|who|have|has|did|do|does|can|could|would|is|are|a time|the time|time|example|an example|story|stories|find|show)\b/i;
// A topic asked for in the middle of the message: "I need a story for when I failed...", "My interviewer asked about a
// time I disagreed...", "Looking for an example where I led...". Its "I failed" is the topic's, not a step told.
const TOPIC_REQUEST = /\b(?:(?:stor(?:y|ies)|examples?)\s+(?:for|about|where|when|of|that|in which|on)|interviewer|asked (?:me )?about|(?<!\bat )(?:an?(?:other)?|the) time(?!-)|something (?:from|about|where|when|that))\b/i;
const TOLD_ANSWER_MIN_WORDS = 12;

/** Whether a message under the pasted-answer length reads as an answer told rather than a question asked. */
export function readsAsToldAnswer(text: string): boolean {
  const trimmed = text.trim();
  return wordsIn(trimmed) >= TOLD_ANSWER_MIN_WORDS && !trimmed.includes("?") && !ASKING_OPENER.test(trimmed) && !TOPIC_REQUEST.test(trimmed) && TOLD_STEP.test(trimmed);
}

/** Words in a message, as the critique counts them (each Chinese or Japanese character is one). */
export function wordsIn(text: string): number {
  return countWords(text);
}

const short = (text: string) => wordsIn(text) <= MAX_COMMAND_WORDS;

/** "stop", "ok, end the interview", "exit", "I'm done": ends a mock interview. */
export function isStopCommand(text: string): boolean {
  return short(text) && STOP_COMMAND.test(text.trim().toLowerCase());
}

/** "skip", "next question please": moves a mock interview on. */
export function isSkipCommand(text: string): boolean {
  return short(text) && SKIP_COMMAND.test(text.trim().toLowerCase());
}

/** "coverage", "coverage please", "can I see my coverage?": the principles the stories cover. */
export function isCoverageCommand(text: string): boolean {
  return short(text) && COVERAGE_COMMAND.test(text.trim().toLowerCase());
}

/** "hint", "which story fits?": the stories for the question on the table. */
export function isHintRequest(text: string): boolean {
  return short(text) && HINT_REQUEST.test(text.trim().toLowerCase());
}

/**
 * The interview question in a request for stories ("Which of my stories fits:
 * Tell me about a time you failed"), without the request's own words; the
 * message as it is when it is not such a request.
 */
export function questionInStoryRequest(text: string): string {
  const trimmed = text.trim();
  const match = STORY_REQUEST.exec(trimmed);
  // "What stories are in my bank?" asks no question: a request names what the story is for, or sets the question off.
  if (!match || !REQUEST_MARK.test(match[0].replace(/stor(?:y|ies)/i, ""))) return trimmed;
  const rest = trimmed.slice(match[0].length).trim();
  // "Which story fits?" alone carries no question: the message stays whole.
  if (!/\p{L}/u.test(rest) || REQUEST_WORDS_ONLY.test(rest)) return trimmed;
  // A question given in quotes: "Tell me about a conflict"?
  return rest.replace(/^["'“‘]\s*(.+?)\s*["'”’]([?.!]*)$/su, "$1$2");
}

/** Whether a message asks what the coach can do. */
export function isHelpRequest(text: string): boolean {
  return HELP_REQUEST.test(text.trim());
}

/** "hello", "hi there", "good morning". */
export function isGreeting(text: string): boolean {
  return GREETING.test(text.trim());
}

/** "thanks", "thank you so much". */
export function isThanks(text: string): boolean {
  return THANKS.test(text.trim());
}

/** Whether a message asks for a mock interview (a request, not an answer that mentions one). */
export function asksForInterview(text: string): boolean {
  return wordsIn(text) < LONG_ANSWER_WORDS && INTERVIEW_REQUEST.test(text);
}
