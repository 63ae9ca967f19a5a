/** What a progress bar says, and how it leaves, when Ctrl-C stops the work it draws. */
export interface InterruptOptions {
  /** Printed on its own line after the bar. */
  message: string;
  /** Ends the process; `process.exit` unless a test gives its own. */
  exit?: (code: number) => void;
}

/**
 * A one-line progress bar on stderr, drawn only when stderr is a terminal
 * (contracts). With `interrupt`, Ctrl-C while it is open, drawn or not (a
 * script's stderr, or before the first step), says what was kept and exits 130.
 */
export function progressBar(stream: NodeJS.WritableStream & { isTTY?: boolean }, label: string, interrupt?: InterruptOptions): { update(done: number, total: number): void; finish(): void } {
  const terminal = Boolean(stream.isTTY);
  let drawn = false;
  // Ctrl-C mid-bar would leave the prompt on the bar's line and say nothing of what was kept.
  const onInterrupt = interrupt
    ? () => {
        stream.write(`${drawn ? "\n" : ""}${interrupt.message}\n`);
        (interrupt.exit ?? process.exit)(130);
      }
    : undefined;
  if (onInterrupt) process.once("SIGINT", onInterrupt);
  return {
    update(done, total) {
      if (!terminal) return;
      const width = 28;
      const filled = total === 0 ? width : Math.round((done / total) * width);
      stream.write(`\r${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total}`);
      drawn = true;
    },
    finish() {
      if (onInterrupt) process.removeListener("SIGINT", onInterrupt);
      if (drawn) stream.write("\n");
    },
  };
}
