import { createHash } from "node:crypto";
import type OpenAI from "openai";
import type { Embedder } from "../../core/embedder.js";
import { ProviderError } from "../../errors/index.js";
import { IdleTimer } from "./idle-timer.js";
import { firstHalf, refusedAsTooLong, SHORTEST_EMBEDDED } from "./context-limit.js";
import { mapOpenAIError } from "./map-openai-error.js";
import { readEmbeddingsReply, type ExpectedEmbeddings } from "./read-embeddings-reply.js";

/** Texts per embeddings request; OpenAI accepts up to 2048, local servers often far fewer. */
export const EMBEDDING_BATCH_SIZE = 64;

/**
 * Embeddings from any OpenAI-compatible `/v1/embeddings` endpoint, batched;
 * the SDK retries 429/5xx/timeouts. Every reply is checked: one finite vector
 * per text, all of one length, the length asked for or the earlier replies'.
 */
export class OpenAIEmbedder implements Embedder {
  readonly id: string;
  readonly fingerprint: string;
  private knownDimensions: number | undefined;

  /**
   * `dimensions`, when given, is asked of the model (OpenAI's text-embedding-3 models shorten their vectors) and
   * required of every reply. `idleTimeoutMs` is the longest wait for the rest of a reply once it has started;
   * `onNotice` hears of texts embedded shortened because the model takes no more.
   */
  constructor(
    private readonly client: OpenAI,
    private readonly model: string,
    private readonly askedDimensions?: number,
    private readonly options: { idleTimeoutMs?: number; onNotice?: (message: string) => void } = {},
  ) {
    this.id = `openai:${model}`;
    // One model name on two servers, or at two sizes, gives vectors that cannot be compared. The address is
    // hashed because it may carry credentials, and cache file names are built from the fingerprint.
    const server = createHash("sha256").update(client.baseURL).digest("hex").slice(0, 12);
    this.fingerprint = `${this.id}@${server}${askedDimensions ? `/${askedDimensions}d` : ""}`;
    this.knownDimensions = askedDimensions;
  }

  get dimensions(): number | undefined {
    return this.knownDimensions;
  }

  async embed(texts: readonly string[], options: { signal?: AbortSignal } = {}): Promise<number[][]> {
    const vectors: number[][] = [];
    for (let start = 0; start < texts.length; start += EMBEDDING_BATCH_SIZE) {
      const batch = texts.slice(start, start + EMBEDDING_BATCH_SIZE).map((text) => (text.trim() === "" ? " " : text));
      vectors.push(...(await this.embedFitting(batch, options.signal)));
    }
    return vectors;
  }

  /**
   * A batch's vectors; when the server refuses a text as longer than its
   * model takes, the batch's texts are sent one by one, and such a text is
   * embedded from its first half (then quarter...), with a notice.
   */
  private async embedFitting(batch: readonly string[], signal: AbortSignal | undefined): Promise<number[][]> {
    try {
      return await this.embedBatch(batch, signal);
    } catch (error) {
      if (!refusedAsTooLong(error)) throw error;
      if (batch.length > 1) {
        const vectors: number[][] = [];
        for (const text of batch) vectors.push(...(await this.embedFitting([text], signal)));
        return vectors;
      }
      const whole = batch[0]!;
      for (let text = firstHalf(whole); text.length >= SHORTEST_EMBEDDED; text = firstHalf(text)) {
        try {
          const vectors = await this.embedBatch([text], signal);
          this.options.onNotice?.(
            `embeddings (${this.model}): a text of ${whole.length} characters is longer than the model takes; its first ${text.length} were embedded (the whole story still counts for word and theme matching).`,
          );
          return vectors;
        } catch (shorterError) {
          if (!refusedAsTooLong(shorterError)) throw shorterError;
        }
      }
      throw error;
    }
  }

  private async embedBatch(batch: readonly string[], signal: AbortSignal | undefined): Promise<number[][]> {
    const where = `embeddings (${this.model})`;
    let response;
    const idle = new IdleTimer(this.options.idleTimeoutMs, signal);
    try {
      const pending = this.client.embeddings.create(
        { model: this.model, input: [...batch], encoding_format: "float", ...(this.askedDimensions ? { dimensions: this.askedDimensions } : {}) },
        { signal: idle.signal },
      );
      // The client's timeout ends with the headers; a body that stalls after them gets one of its own.
      await pending.asResponse();
      idle.restart();
      response = await pending;
    } catch (error) {
      if (idle.fired) throw new ProviderError("PROVIDER_TIMEOUT", `${where}: the provider sent nothing for ${idle.ms} ms (COACH_TIMEOUT_MS) once its reply started; stopped waiting.`, { cause: error });
      throw mapOpenAIError(error, where, { secret: this.client.apiKey, baseURL: this.client.baseURL, timeoutMs: this.client.timeout, model: { setting: "COACH_EMBED_MODEL", name: this.model } });
    } finally {
      idle.stop();
    }
    const read = readEmbeddingsReply(response, { texts: batch.length, dimensions: this.expectedDimensions() }, where);
    this.knownDimensions ??= read[0]!.length;
    return read;
  }

  private expectedDimensions(): ExpectedEmbeddings["dimensions"] {
    if (this.askedDimensions) return { length: this.askedDimensions, because: `${this.askedDimensions} were asked for (COACH_EMBED_DIMENSIONS)` };
    if (this.knownDimensions !== undefined) return { length: this.knownDimensions, because: `its earlier replies had ${this.knownDimensions}` };
    return undefined;
  }
}
