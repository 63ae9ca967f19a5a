// After "critique:" with no answer, the coach waits for the answer: the next message is it, unless that message is one
// of the chat's commands. As mid-interview, a command is the whole message, a few words at most: a short answer that
// opens "Next quarter..." or "Stop-the-line bugs..." is still the answer.
import { asksForInterview, isCoverageCommand, isGreeting, isHelpRequest, isHintRequest, isSkipCommand, isStopCommand, isThanks, questionInStoryRequest, readsAsToldAnswer } from "./chat-commands.js";
import { answerInCritiqueRequest, asksForCritiqueWithoutAnswer, readTypedCommand } from "./typed-commands.js";

// An interview question sent instead ("Tell me about a time you failed?"): the user moved on to finding a story. An
// answer may end on a question of its own ("...why hadn't we done it sooner?"), so it must also open like one.
const ASKS_FOR_A_STORY = /^\W*(?:tell me|describe|give me|walk me)\b/i;
const OPENS_A_QUESTION = /^\W*(?:what|how|why|when|which|who|have you|has there|can you|could you|would you|do you|did you)\b/i;
// "cancel", "never mind", "oops, wrong window": the request is dropped, and nothing is critiqued.
const CANCEL = /^\W*(?:cancel|never ?mind|nevermind|forget (?:it|that)|wait|hold on|no|nope|not now|later|oops\b.*)\W*$/i;

/** Whether a message sent while the coach waits for an answer to critique takes the request back instead. */
export function withdrawsCritique(text: string): boolean {
  return CANCEL.test(text.trim()) || !/\p{L}/u.test(text);
}

/** Whether a message sent while the coach waits for an answer to critique is a command rather than that answer. */
export function isCommandNotAnswer(text: string): boolean {
  const trimmed = text.trim();
  return (
    withdrawsCritique(trimmed) ||
    (!readsAsToldAnswer(trimmed) && (ASKS_FOR_A_STORY.test(trimmed) || (OPENS_A_QUESTION.test(trimmed) && /\?\s*$/.test(trimmed)))) ||
    readTypedCommand(text) !== null ||
    isHelpRequest(text) ||
    asksForCritiqueWithoutAnswer(text) ||
    answerInCritiqueRequest(text) !== null ||
    // "stop", "quit", "exit", "I'm done" and the rest.
    isStopCommand(text) ||
    isSkipCommand(text) ||
    isHintRequest(text) ||
    isCoverageCommand(text) ||
    isGreeting(text) ||
    isThanks(text) ||
    (asksForInterview(text) && !readsAsToldAnswer(text)) ||
    // "Which story for: tell me about a time you failed?": the request names itself.
    questionInStoryRequest(text) !== text.trim()
  );
}
