const OPEN = "<think>";
const CLOSE = "</think>";

/**
 * A reasoning model's reply without the `<think>...</think>` block some
 * servers put before the answer (DeepSeek-R1, Qwen3 on Ollama or llama.cpp):
 * the answer is what follows it. A reply still inside the block, or that may
 * yet open one, has no answer so far.
 */
export function answerWithoutReasoning(reply: string): string {
  const start = reply.trimStart();
  if (start.startsWith(OPEN)) {
    const end = start.indexOf(CLOSE);
    return end < 0 ? "" : start.slice(end + CLOSE.length).trimStart();
  }
  return OPEN.startsWith(start) ? "" : reply;
}

/** Streamed deltas with the reasoning block held back: each push returns the part of the answer not yet shown. */
export class ReasoningFilter {
  private reply = "";
  private shown = 0;

  push(delta: string): string {
    this.reply += delta;
    const answer = answerWithoutReasoning(this.reply);
    const fresh = answer.slice(this.shown);
    this.shown = answer.length;
    return fresh;
  }

  /** The answer so far, without the reasoning block. */
  get answer(): string {
    return answerWithoutReasoning(this.reply);
  }
}
