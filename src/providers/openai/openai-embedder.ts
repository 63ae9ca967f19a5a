import type OpenAI from "openai";
import type { Embedder } from "../../core/embedder.js";
import { ProviderError } from "../../errors/index.js";
import { mapOpenAIError } from "./map-openai-error.js";

/** Texts per embeddings request; OpenAI accepts up to 2048, local servers often far fewer. */
export const EMBEDDING_BATCH_SIZE = 64;

/** Embeddings from any OpenAI-compatible `/v1/embeddings` endpoint, batched; the SDK retries 429/5xx/timeouts. */
export class OpenAIEmbedder implements Embedder {
  readonly id: string;
  private knownDimensions: number | undefined;

  constructor(
    private readonly client: OpenAI,
    private readonly model: string,
  ) {
    this.id = `openai:${model}`;
  }

  get dimensions(): number | undefined {
    return this.knownDimensions;
  }

  async embed(texts: readonly string[], options: { signal?: AbortSignal } = {}): Promise<number[][]> {
    const vectors: number[][] = [];
    for (let start = 0; start < texts.length; start += EMBEDDING_BATCH_SIZE) {
      const batch = texts.slice(start, start + EMBEDDING_BATCH_SIZE).map((text) => (text.trim() === "" ? " " : text));
      let response;
      try {
        response = await this.client.embeddings.create({ model: this.model, input: batch, encoding_format: "float" }, { signal: options.signal });
      } catch (error) {
        throw mapOpenAIError(error, `embeddings (${this.model})`);
      }
      const data = [...(response.data ?? [])].sort((a, b) => a.index - b.index);
      if (data.length !== batch.length || data.some((item) => !Array.isArray(item.embedding) || item.embedding.length === 0)) {
        throw new ProviderError("PROVIDER_BAD_RESPONSE", `embeddings (${this.model}): expected ${batch.length} vectors, got ${data.length}.`);
      }
      for (const item of data) {
        if (this.knownDimensions !== undefined && item.embedding.length !== this.knownDimensions) {
          throw new ProviderError("PROVIDER_BAD_RESPONSE", `embeddings (${this.model}): vectors changed length (${this.knownDimensions} then ${item.embedding.length}).`);
        }
        this.knownDimensions = item.embedding.length;
        vectors.push(item.embedding);
      }
    }
    return vectors;
  }
}
