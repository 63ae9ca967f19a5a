import { ProviderError } from "../../errors/index.js";

const OPEN = "<think>";
const CLOSE = "</think>";

/**
 * A reasoning model's reply without its reasoning: the `<think>...</think>`
 * block some servers put before the answer (DeepSeek-R1, Qwen3 on Ollama or
 * llama.cpp), or everything up to a lone `</think>` where the server put the
 * opening tag in the prompt (R1 distills on vLLM). A reply that is all
 * reasoning, its block never closed (cut off at the token limit), is
 * PROVIDER_BAD_RESPONSE saying so.
 */
export function answerWithoutReasoning(reply: string, where: string): string {
  const start = reply.trimStart();
  const close = start.indexOf(CLOSE);
  if (close >= 0 && (start.startsWith(OPEN) || !start.slice(0, close).includes(OPEN))) return start.slice(close + CLOSE.length).trimStart();
  if (start.startsWith(OPEN)) {
    throw new ProviderError("PROVIDER_BAD_RESPONSE", `${where}: the model's reply was all reasoning (its <think> block never closed, ${reply.length} characters); it may have run out of tokens.`);
  }
  return reply;
}

/** Whether a reply's reasoning ended on a lone `</think>`, its opening tag left in the prompt by the server. */
export function hasLoneClose(reply: string): boolean {
  const start = reply.trimStart();
  const close = start.indexOf(CLOSE);
  return close >= 0 && !start.slice(0, close).includes(OPEN);
}

/**
 * Streamed deltas with a leading `<think>` block held back: each push returns
 * the part of the answer not yet shown. A lone `</think>` is only seen once
 * the reply is whole, by `answerWithoutReasoning`, unless the model is known
 * to send one (`expectLoneClose`: an earlier reply had it): then everything is
 * held back until it comes, and `rest` gives what was held if it never does.
 */
export class ReasoningFilter {
  private reply = "";
  private state: "undecided" | "thinking" | "closed" | "answer";
  /** Where the text after the closing tag starts, once it has come. */
  private afterClose = 0;
  private shown = false;

  constructor(options: { expectLoneClose?: boolean } = {}) {
    this.state = options.expectLoneClose ? "thinking" : "undecided";
  }

  push(delta: string): string {
    const text = this.next(delta);
    if (text) this.shown = true;
    return text;
  }

  /** What was held back as reasoning and never shown, when no closing tag came after all (the whole reply is the answer). */
  rest(): string {
    if (this.shown || this.state !== "thinking" || this.reply.trimStart().startsWith(OPEN)) return "";
    return this.reply;
  }

  private next(delta: string): string {
    this.reply += delta;
    if (this.state === "answer") return delta;
    if (this.state === "undecided") {
      const start = this.reply.trimStart();
      if (OPEN.startsWith(start)) return "";
      if (!start.startsWith(OPEN)) {
        this.state = "answer";
        return this.reply;
      }
      this.state = "thinking";
    }
    if (this.state === "thinking") {
      // Only the tail can hold a closing tag that was not there before (it may come split across deltas).
      const close = this.reply.indexOf(CLOSE, Math.max(0, this.reply.length - delta.length - CLOSE.length));
      if (close < 0) return "";
      this.state = "closed";
      this.afterClose = close + CLOSE.length;
    }
    const text = this.reply.slice(this.afterClose).trimStart();
    if (text === "") return "";
    this.state = "answer";
    return text;
  }

  /** Every character the model sent, reasoning and all. */
  get received(): number {
    return this.reply.length;
  }

  /** The whole reply as sent. */
  get text(): string {
    return this.reply;
  }
}
