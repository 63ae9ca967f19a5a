// After "critique:" with no answer, the coach waits for the answer: the next message is it, unless that message is one
// of the chat's commands. As mid-interview, a command is the whole message, a few words at most: a short answer that
// opens "Next quarter..." or "Stop-the-line bugs..." is still the answer.
import { asksForInterview, isCoverageCommand, isGreeting, isHelpRequest, isHintRequest, isSkipCommand, isStopCommand, isThanks, questionInStoryRequest, readsAsToldAnswer } from "./chat-commands.js";
import { answerInCritiqueRequest, asksForCritiqueWithoutAnswer, readTypedCommand } from "./typed-commands.js";

/** Whether a message sent while the coach waits for an answer to critique is a command rather than that answer. */
export function isCommandNotAnswer(text: string): boolean {
  return (
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
