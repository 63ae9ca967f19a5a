/** Where a command writes: results to stdout, everything else to stderr. */
export interface CommandIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

// Control characters (escape sequences that recolour the terminal or set its title, a carriage return that
// overwrites the line) and bidirectional overrides that reorder what is shown; a bank or a model can hold any of them.
const UNSAFE_FOR_TERMINAL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** Text as it may be shown on a terminal: tabs and line breaks kept, other control characters shown as "�". */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE_FOR_TERMINAL, "\uFFFD");
}

/** Writes one line of results (JSON output is escaped by JSON.stringify instead). */
export function printLine(io: CommandIO, text = ""): void {
  io.stdout.write(`${terminalSafe(text)}\n`);
}

/** Writes one JSON Lines record. */
export function printJson(io: CommandIO, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value)}\n`);
}

/** Writes a notice or warning for the person at the terminal (never results). */
export function notice(io: CommandIO, text: string): void {
  io.stderr.write(`${terminalSafe(text)}\n`);
}

/** The real process streams. */
export function processIO(): CommandIO {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() };
}
