import { createInterface } from "node:readline";

// Lines a terminal receives closer together than this were pasted, not typed: no one presses Enter twice in 75 ms (and a
// busy machine may deliver one paste in several reads).
const PASTE_GAP_MS = 75;

/**
 * The chat's messages from its input, one per line; with `joinPastedLines`
 * (a terminal), lines that arrive together, as a pasted answer's do, are one
 * message with its line breaks kept.
 */
export async function* readMessages(input: NodeJS.ReadableStream, options: { joinPastedLines: boolean; gapMs?: number }): AsyncGenerator<string> {
  const lines = createInterface({ input, terminal: false });
  if (!options.joinPastedLines) {
    yield* lines;
    return;
  }
  const gap = options.gapMs ?? PASTE_GAP_MS;
  const ready: string[] = [];
  let pending: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  let wake: (() => void) | undefined;
  const flush = () => {
    timer = undefined;
    if (pending.length > 0) ready.push(pending.join("\n"));
    pending = [];
    wake?.();
  };
  lines.on("line", (line) => {
    pending.push(line);
    clearTimeout(timer);
    timer = setTimeout(flush, gap);
  });
  lines.on("close", () => {
    clearTimeout(timer);
    closed = true;
    flush();
  });
  while (true) {
    if (ready.length > 0) {
      yield ready.shift()!;
      continue;
    }
    if (closed) return;
    await new Promise<void>((resolve) => (wake = resolve));
    wake = undefined;
  }
}
