/** Where a command writes: results to stdout, everything else to stderr. */
export interface CommandIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** Writes one line of results. */
export function printLine(io: CommandIO, text = ""): void {
  io.stdout.write(`${text}\n`);
}

/** Writes one JSON Lines record. */
export function printJson(io: CommandIO, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value)}\n`);
}

/** Writes a notice or warning for the person at the terminal (never results). */
export function notice(io: CommandIO, text: string): void {
  io.stderr.write(`${text}\n`);
}

/** The real process streams. */
export function processIO(): CommandIO {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() };
}
