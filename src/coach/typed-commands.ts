// Commands typed from habit in other chat tools and editors: "/quit", ":q", "/help". A message that is a slash or a
// colon and a word reads as a command, never as a question to find stories for or an answer to critique.

/** What a typed command stands for: the plain command the chat already reads, or a name it does not know. */
export type TypedCommand = { known: true; plain: string } | { known: false; name: string };

// "/quit", ":q!", "/critique I rewrote...", "/interview Ownership": the mark, a word, and what follows it.
const TYPED = /^[/:]([a-z]+!?|\?)(?:\s+([\s\S]*))?$/i;

// Each typed word and the plain command it stands for; "quit" leaves `coach chat` (and ends an interview first).
const PLAIN: Readonly<Record<string, string>> = {
  quit: "quit",
  q: "quit",
  "q!": "quit",
  wq: "quit",
  x: "quit",
  exit: "quit",
  bye: "quit",
  help: "help",
  h: "help",
  "?": "help",
  commands: "help",
  stop: "stop",
  end: "stop",
  skip: "skip",
  next: "skip",
  hint: "hint",
  coverage: "coverage",
};
// Commands that take what follows them: "/critique <answer>", "/interview Ownership and Dive Deep".
const WITH_TEXT: Readonly<Record<string, (rest: string) => string>> = {
  critique: (rest) => `critique: ${rest}`.trim(),
  review: (rest) => `critique: ${rest}`.trim(),
  interview: (rest) => (rest ? `interview me on ${rest}` : "interview me"),
};

/** The command a message typed as "/word" or ":word" stands for; null when the message is not one. */
export function readTypedCommand(text: string): TypedCommand | null {
  const match = TYPED.exec(text.trim());
  if (!match) return null;
  const name = match[1]!.toLowerCase();
  const rest = (match[2] ?? "").trim();
  if (WITH_TEXT[name]) return { known: true, plain: WITH_TEXT[name]!(rest) };
  // "/quit now" is still quitting; a known word with more after it that it does not take is not a command.
  if (PLAIN[name] && (rest === "" || name === "quit" || name === "exit")) return { known: true, plain: PLAIN[name]! };
  return { known: false, name: `${text.trim()[0]}${match[1]}` };
}

// "quit", "exit", "bye", and the same typed as commands ("/quit", ":q").
const LEAVE = /^\s*(?:quit|exit|bye)\s*$/i;

/** Whether a message asks to leave `coach chat`: "quit", "exit", "bye", "/quit", "/exit", ":q". */
export function isLeaveCommand(text: string): boolean {
  if (LEAVE.test(text)) return true;
  const typed = readTypedCommand(text);
  return typed !== null && typed.known && typed.plain === "quit";
}

// "critique:", "review my answer:", "feedback" with no answer after it.
const CRITIQUE_WITHOUT_ANSWER = /^(?:critique|review|feedback)(?: (?:this|my answer))?\s*:?\s*$/i;

/** Whether a message asks for a critique but gives no answer to critique ("critique:" alone). */
export function asksForCritiqueWithoutAnswer(text: string): boolean {
  return CRITIQUE_WITHOUT_ANSWER.test(text.trim());
}

// "critique: <answer>", "review my answer: <answer>", "feedback: <answer>".
const CRITIQUE_WITH_ANSWER = /^(?:critique|review|feedback)(?: (?:this|my answer))?\s*:\s*([\s\S]+)$/i;

/** The answer a message asks to have critiqued ("critique: <answer>"); null when it is not such a request. */
export function answerInCritiqueRequest(text: string): string | null {
  return CRITIQUE_WITH_ANSWER.exec(text.trim())?.[1] ?? null;
}
