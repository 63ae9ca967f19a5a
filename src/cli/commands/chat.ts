import path from "node:path";
import { isLeaveCommand, isSessionId, SessionStore, type Session } from "../../coach/index.js";
import { InputError, isCoachError, UsageError } from "../../errors/index.js";
import { computeStoryFeatures, createMatcher } from "../../retrieval/index.js";
import { storeLayout } from "../../store/index.js";
import type { Command } from "../command.js";
import { createCoach } from "../create-coach.js";
import { createCritic } from "../create-critic.js";
import { notice, printLine, terminalSafe } from "../io.js";
import { openStoryIndex } from "../open-story-index.js";
import { stringFlag } from "../parse-command-args.js";
import { readMessages } from "../read-messages.js";

export const chatCommand: Command = {
  name: "chat",
  summary: "Coach in the terminal: find stories, critique answers, mock interviews",
  help: `Usage: coach chat [--bank PATH]... [--store DIR] [--session ID] [--hide-scores | --show-scores]

An interactive coaching session, one message per line (at a terminal, lines
pasted together, such as a wrapped answer, are one message):
  - a question ("tell me about a time you failed?") finds the stories that fit;
  - "critique: <answer>", or any answer of 60+ words, critiques it; "critique:"
    alone asks for the answer, and the next message is critiqued as that answer
    unless it is a command;
  - "interview me on Ownership and Dive Deep" (or just "interview me") runs a mock
    interview: one question per principle, a follow-up when an answer is thin,
    then a summary; "hint" (or "which story fits?") shows your stories for the
    question on the table without answering it, "skip" moves on, "stop" (or
    "end", "I'm done") ends it with the summary, as "quit" does before leaving;
  - "coverage" shows how your stories cover the 16 principles; "help"; "quit".
Commands typed as in other tools ("/quit", "/exit", ":q", "/help", "/hint",
"/critique <answer>") do the same; one the coach does not know is answered
with the list of commands.

Sessions are saved in the store after every message; resume with --session ID.
--hide-scores (or COACH_HIDE_SCORES=1, or "hideScores": true in the config)
is a low-anxiety mode: critiques and the interview summary say in words what
is there and what to work on, with no 0-100 scores; --show-scores shows them
whatever the variable or the config says.
Works offline; with --provider openai the critique adds the model's coaching.

Limits: a bank file over 5 MB, empty, binary or with no story is refused
(exit 3). A message the coach cannot take (an answer over 5,000 words) is
refused with a line on stderr, and the chat goes on.`,
  options: { bank: { type: "string", multiple: true }, session: { type: "string" }, "hide-scores": { type: "boolean" }, "show-scores": { type: "boolean" } },
  async run(args, io) {
    const given = stringFlag(args.values.session);
    // A malformed id is a bad flag value, said before the bank is read or indexed.
    if (given !== undefined && !isSessionId(given)) {
      throw new UsageError(`--session: "${given}" is not a session id; coach chat prints the id of each session it starts (such as s-1a2b3c4d5e6f: lower-case letters, digits and hyphens).`, { flag: "--session" });
    }
    const { indexed, embedder, config } = await openStoryIndex(args, io);
    const coach = await createCoach(
      config,
      { matcher: createMatcher(indexed.stories, indexed.index, embedder), critic: await createCritic(config, io), features: computeStoryFeatures(indexed.stories), stories: indexed.stories },
      (reason) => notice(io, `coach: ${reason}`),
    );
    const sessions = new SessionStore(path.join(storeLayout(config.store).store, "sessions"));
    const session = given ? await loadSession(sessions, given) : sessions.create();
    // Saved before its id is printed, so "resume later" works whatever happens to the first message.
    if (!given) await sessions.save(session);
    notice(io, `coach: session ${session.id}${given ? ` resumed (${session.messages.length} messages)` : ""}; resume later with --session ${session.id}.`);
    if (!given) printLine(io, 'Hi! Paste an interview question to find your best story, "interview me" for a mock interview, or "help".');
    const interactive = Boolean(io.stdin.isTTY);
    if (interactive) io.stdout.write("> ");
    // At a terminal a pasted answer arrives as many lines at once: it is one message, as it is to the API.
    for await (const line of readMessages(io.stdin, { joinPastedLines: interactive })) {
      const leaving = isLeaveCommand(line);
      // Leaving mid-interview ends it as "stop" does, so the summary is printed and saved; otherwise the chat just closes.
      if (leaving && (session.interview === null || session.interview.current === null)) {
        // "quit" is a command, so it drops a request for an answer to critique, as the coach's own commands do: a resumed
        // session does not take its first message for that answer.
        session.awaitingCritique = false;
        break;
      }
      if (line.trim() === "") {
        if (interactive) io.stdout.write("> ");
        continue;
      }
      // Replies stream to the terminal as they are written; a dropped model reply cannot be unprinted, so the answer that replaces it starts on a new line (the notice is on stderr).
      try {
        // Tokens carry story and model text: shown on the terminal without its control characters.
        await coach.respond(session, line, { token: (token) => io.stdout.write(terminalSafe(token)), reset: () => io.stdout.write("\n") });
      } catch (error) {
        // A message the coach refuses (an answer over the word limit, say) is not taken, and the session is unchanged; the chat goes on.
        if (!(error instanceof InputError || error instanceof UsageError)) throw error;
        notice(io, `coach: not taken: ${error.message}`);
        if (interactive) io.stdout.write("> ");
        continue;
      }
      await sessions.save(session);
      printLine(io);
      printLine(io);
      if (leaving) break;
      if (interactive) io.stdout.write("> ");
    }
    await sessions.save(session);
    return 0;
  },
};

/** The session to resume; one the store does not hold is an input error naming --session. */
async function loadSession(sessions: SessionStore, id: string): Promise<Session> {
  try {
    return await sessions.load(id);
  } catch (error) {
    if (isCoachError(error) && error.code === "INPUT_UNREADABLE") throw new InputError("INPUT_UNREADABLE", `--session: ${error.message} Run coach chat without --session to start a new one.`, { cause: error });
    throw error;
  }
}
