import type { Embedder } from "../core/embedder.js";
import { errorFromData } from "../errors/index.js";
import type { EmbedAnswer, EmbedAsk } from "./index-worker-messages.js";

/**
 * The index worker's stand-in for the main thread's embedder during one
 * build: each call is asked of the main thread, which embeds with the
 * provider it configured (network I/O, which does not hold up its event
 * loop) and sends the vectors back.
 */
export class RelayedEmbedder implements Embedder {
  private asked = 0;
  private readonly waiting = new Map<number, { resolve: (vectors: number[][]) => void; reject: (error: Error) => void }>();
  dimensions: number | undefined;

  constructor(
    private readonly send: (message: EmbedAsk) => void,
    private readonly build: number,
    readonly id: string,
    readonly fingerprint: string,
    dimensions: number | undefined,
  ) {
    this.dimensions = dimensions;
  }

  /** Settles the call an answer from the main thread is for. */
  answer(message: EmbedAnswer): void {
    const call = this.waiting.get(message.ask);
    if (!call) return;
    this.waiting.delete(message.ask);
    if (message.type === "embed-failed") return call.reject(errorFromData(message.error));
    // A provider may only tell its vector size with its first vectors.
    if (message.vectors[0]) this.dimensions = message.vectors[0].length;
    call.resolve(message.vectors);
  }

  embed(texts: readonly string[]): Promise<number[][]> {
    const ask = ++this.asked;
    return new Promise((resolve, reject) => {
      this.waiting.set(ask, { resolve, reject });
      this.send({ type: "embed", build: this.build, ask, texts: [...texts] });
    });
  }
}
